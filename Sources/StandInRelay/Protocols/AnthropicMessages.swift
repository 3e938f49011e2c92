import Foundation

/// Anthropic Messages, as the `anthropic` SDK (1.x and 2.x), curl and URLSession expect it.
enum AnthropicMessages {
    static func error(_ status: Int, _ message: String, type: String = "invalid_request_error") -> Answer {
        .json(["type": "error", "error": ["type": type, "message": message]], status: status)
    }

    /// `POST /anthropic/v1/messages`
    static func message(_ body: RequestBody, model: String?, stream: Bool, script: ReplyScript) -> Answer {
        guard let model else { return error(400, "model: Field required") }
        guard let maxTokens = body.object["max_tokens"] as? Int else { return error(400, "max_tokens: Field required") }
        guard let messages = body.object["messages"] as? [Any], !messages.isEmpty else {
            return error(400, "messages: Field required")
        }
        let thinking = body.object["thinking"] as? [String: Any]
        if let thinking {
            guard thinking["type"] as? String == "enabled", let budget = thinking["budget_tokens"] as? Int else {
                return error(400, "thinking: expected {\"type\": \"enabled\", \"budget_tokens\": N}")
            }
            guard budget >= 1024, budget < maxTokens else {
                return error(400, "thinking.budget_tokens: must be at least 1024 and less than max_tokens")
            }
        }
        let cached = Self.usesCache(body.object)
        let usage: [String: Any] = [
            "input_tokens": 5, "output_tokens": 7,
            "cache_creation_input_tokens": cached ? 5 : 0, "cache_read_input_tokens": 0,
        ]
        guard stream else {
            var content: [[String: Any]] = []
            if thinking != nil {
                content.append(["type": "thinking", "thinking": script.thinking, "signature": "c2lnbmF0dXJl"])
            }
            content.append(["type": "text", "text": script.text])
            return .json([
                "id": "msg_standin", "type": "message", "role": "assistant", "model": model, "content": content,
                "stop_reason": "end_turn", "stop_sequence": NSNull(), "usage": usage,
            ])
        }
        var chunks: [Data] = []
        func emit(_ type: String, _ fields: [String: Any]) {
            var payload = fields
            payload["type"] = type
            chunks.append(SSE.event(type, payload))
        }
        emit(
            "message_start",
            [
                "message": [
                    "id": "msg_standin", "type": "message", "role": "assistant", "content": [Any](), "model": model,
                    "stop_reason": NSNull(), "stop_sequence": NSNull(),
                    "usage": usage.merging(["output_tokens": 1]) { $1 },
                ]
            ])
        var index = 0
        if thinking != nil {
            emit(
                "content_block_start",
                ["index": index, "content_block": ["type": "thinking", "thinking": "", "signature": ""]])
            for piece in script.thinkingPieces {
                emit("content_block_delta", ["index": index, "delta": ["type": "thinking_delta", "thinking": piece]])
            }
            emit(
                "content_block_delta",
                ["index": index, "delta": ["type": "signature_delta", "signature": "c2lnbmF0dXJl"]])
            emit("content_block_stop", ["index": index])
            index += 1
        }
        emit("content_block_start", ["index": index, "content_block": ["type": "text", "text": ""]])
        emit("ping", [:])
        for piece in script.pieces {
            emit("content_block_delta", ["index": index, "delta": ["type": "text_delta", "text": piece]])
        }
        emit("content_block_stop", ["index": index])
        emit(
            "message_delta",
            ["delta": ["stop_reason": "end_turn", "stop_sequence": NSNull()], "usage": ["output_tokens": 7]])
        emit("message_stop", [:])
        return .events(chunks)
    }

    /// Whether any part of the request carries `cache_control`.
    static func usesCache(_ value: Any) -> Bool {
        if let object = value as? [String: Any] {
            return object["cache_control"] != nil || object.values.contains(where: usesCache)
        }
        if let array = value as? [Any] { return array.contains(where: usesCache) }
        return false
    }
}
