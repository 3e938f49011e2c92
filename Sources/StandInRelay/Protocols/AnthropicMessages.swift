import Foundation

/// Anthropic Messages (and Claude on Vertex), as the `anthropic` SDK (1.x and 2.x), curl and
/// URLSession expect it.
enum AnthropicMessages {
    static func error(_ status: Int, _ message: String, type: String = "invalid_request_error") -> Answer {
        .json(["type": "error", "error": ["type": type, "message": message]], status: status)
    }

    /// What the Messages API refuses before it thinks: missing fields, a thinking budget that does
    /// not fit `max_tokens`.
    static func refusal(of body: RequestBody, modelInBody: Bool) -> Answer? {
        if modelInBody, body.model == nil { return error(400, "model: Field required") }
        guard let maxTokens = body.object["max_tokens"] as? Int else { return error(400, "max_tokens: Field required") }
        guard let messages = body.object["messages"] as? [Any], !messages.isEmpty else {
            return error(400, "messages: Field required")
        }
        if let thinking = body.object["thinking"] as? [String: Any], thinking["type"] as? String == "enabled" {
            guard let budget = thinking["budget_tokens"] as? Int, budget >= 1024, budget < maxTokens else {
                return error(400, "thinking.budget_tokens: must be at least 1024 and less than max_tokens")
            }
        }
        return nil
    }

    /// `POST /anthropic/v1/messages`
    static func message(_ reply: Reply, model: String, stream: Bool) -> Answer {
        let usage: [String: Any] = [
            "input_tokens": max(0, reply.usage.input - reply.usage.cached - reply.usage.cacheWrite),
            "output_tokens": reply.usage.output + reply.usage.reasoning,
            "cache_creation_input_tokens": reply.usage.cacheWrite, "cache_read_input_tokens": reply.usage.cached,
        ]
        let stop = reply.toolCall == nil ? "end_turn" : "tool_use"
        let input = reply.toolCall.flatMap {
            (try? JSONSerialization.jsonObject(with: Data($0.arguments.utf8))) as? [String: Any]
        }
        guard stream else {
            var content: [[String: Any]] = []
            if let thinking = reply.reasoning {
                content.append(["type": "thinking", "thinking": thinking, "signature": reply.signature])
            }
            if let call = reply.toolCall {
                content.append(["type": "tool_use", "id": call.id, "name": call.name, "input": input ?? [:]])
            } else {
                content.append(["type": "text", "text": reply.text ?? ""])
            }
            return .json([
                "id": "msg_standin", "type": "message", "role": "assistant", "model": model, "content": content,
                "stop_reason": stop, "stop_sequence": NSNull(), "usage": usage,
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
        if let thinking = reply.reasoning {
            emit(
                "content_block_start",
                ["index": index, "content_block": ["type": "thinking", "thinking": "", "signature": ""]])
            for piece in ReplyScript.split(thinking) {
                emit("content_block_delta", ["index": index, "delta": ["type": "thinking_delta", "thinking": piece]])
            }
            emit(
                "content_block_delta",
                ["index": index, "delta": ["type": "signature_delta", "signature": reply.signature]])
            emit("content_block_stop", ["index": index])
            index += 1
        }
        if let call = reply.toolCall {
            emit(
                "content_block_start",
                [
                    "index": index,
                    "content_block": ["type": "tool_use", "id": call.id, "name": call.name, "input": [String: Any]()],
                ])
            for piece in ReplyScript.split(call.arguments) {
                emit(
                    "content_block_delta",
                    ["index": index, "delta": ["type": "input_json_delta", "partial_json": piece]])
            }
        } else {
            emit("content_block_start", ["index": index, "content_block": ["type": "text", "text": ""]])
            emit("ping", [:])
            for piece in ReplyScript.split(reply.text ?? "") {
                emit("content_block_delta", ["index": index, "delta": ["type": "text_delta", "text": piece]])
            }
        }
        emit("content_block_stop", ["index": index])
        emit(
            "message_delta",
            [
                "delta": ["stop_reason": stop, "stop_sequence": NSNull()],
                "usage": ["output_tokens": reply.usage.output + reply.usage.reasoning],
            ])
        emit("message_stop", [:])
        return .events(chunks)
    }
}
