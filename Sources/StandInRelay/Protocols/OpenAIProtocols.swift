import Foundation

/// OpenAI Chat Completions and Responses, as the `openai` SDK, curl and URLSession expect them.
enum OpenAIProtocols {
    static func error(_ status: Int, _ message: String, type: String = "invalid_request_error") -> Answer {
        .json(["error": ["message": message, "type": type, "param": NSNull(), "code": NSNull()]], status: status)
    }

    /// `POST /v1/chat/completions`
    static func chatCompletion(_ body: RequestBody, stream: Bool, script: ReplyScript) -> Answer {
        guard let model = body.model else { return error(400, "you must provide a model parameter") }
        guard let messages = body.object["messages"] as? [Any], !messages.isEmpty else {
            return error(400, "'messages' is a required property")
        }
        let base: [String: Any] = ["id": "chatcmpl-standin", "created": 1_700_000_000, "model": model]
        guard stream else {
            var reply = base
            reply["object"] = "chat.completion"
            reply["choices"] = [
                ["index": 0, "message": ["role": "assistant", "content": script.text], "finish_reason": "stop"]
            ]
            reply["usage"] = ["prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12]
            return .json(reply)
        }
        func chunk(_ choices: [[String: Any]], usage: [String: Any]? = nil) -> Data {
            var object = base
            object["object"] = "chat.completion.chunk"
            object["choices"] = choices
            if let usage { object["usage"] = usage }
            return SSE.event(nil, object)
        }
        var chunks = [chunk([["index": 0, "delta": ["role": "assistant", "content": ""], "finish_reason": NSNull()]])]
        for piece in script.pieces {
            chunks.append(chunk([["index": 0, "delta": ["content": piece], "finish_reason": NSNull()]]))
        }
        chunks.append(chunk([["index": 0, "delta": [String: Any](), "finish_reason": "stop"]]))
        let options = body.object["stream_options"] as? [String: Any]
        if options?["include_usage"] as? Bool == true {
            chunks.append(chunk([], usage: ["prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12]))
        }
        chunks.append(SSE.done)
        return .events(chunks)
    }

    /// `POST /v1/responses`
    static func response(_ body: RequestBody, stream: Bool, script: ReplyScript) -> Answer {
        guard let model = body.model else { return error(400, "Missing required parameter: 'model'.") }
        guard body.object["input"] != nil else { return error(400, "Missing required parameter: 'input'.") }
        func response(status: String, output: [[String: Any]]) -> [String: Any] {
            [
                "id": "resp_standin", "object": "response", "created_at": 1_700_000_000, "status": status,
                "model": model, "output": output, "parallel_tool_calls": true, "tool_choice": "auto",
                "tools": [Any](),
                "usage": [
                    "input_tokens": 5, "input_tokens_details": ["cached_tokens": 0], "output_tokens": 7,
                    "output_tokens_details": ["reasoning_tokens": 0], "total_tokens": 12,
                ],
            ]
        }
        let text: [String: Any] = ["type": "output_text", "text": script.text, "annotations": [Any]()]
        let message: [String: Any] = [
            "type": "message", "id": "msg_standin", "status": "completed", "role": "assistant", "content": [text],
        ]
        guard stream else { return .json(response(status: "completed", output: [message])) }

        var sequence = 0
        var chunks: [Data] = []
        func emit(_ type: String, _ fields: [String: Any]) {
            var payload = fields
            payload["type"] = type
            payload["sequence_number"] = sequence
            sequence += 1
            chunks.append(SSE.event(type, payload))
        }
        let part: [String: Any] = ["item_id": "msg_standin", "output_index": 0, "content_index": 0]
        emit("response.created", ["response": response(status: "in_progress", output: [])])
        emit(
            "response.output_item.added",
            [
                "output_index": 0,
                "item": [
                    "type": "message", "id": "msg_standin", "status": "in_progress", "role": "assistant",
                    "content": [Any](),
                ],
            ])
        emit(
            "response.content_part.added",
            part.merging(["part": ["type": "output_text", "text": "", "annotations": [Any]()]]) { $1 })
        for piece in script.pieces {
            emit("response.output_text.delta", part.merging(["delta": piece, "logprobs": [Any]()]) { $1 })
        }
        emit("response.output_text.done", part.merging(["text": script.text, "logprobs": [Any]()]) { $1 })
        emit("response.content_part.done", part.merging(["part": text]) { $1 })
        emit("response.output_item.done", ["output_index": 0, "item": message])
        emit("response.completed", ["response": response(status: "completed", output: [message])])
        return .events(chunks)
    }
}
