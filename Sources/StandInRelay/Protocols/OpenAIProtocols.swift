import Foundation

/// OpenAI Chat Completions and Responses, as the `openai` SDK, curl and URLSession expect them.
enum OpenAIProtocols {
    static func error(_ status: Int, _ message: String, type: String = "invalid_request_error") -> Answer {
        .json(["error": ["message": message, "type": type, "param": NSNull(), "code": NSNull()]], status: status)
    }

    /// `POST /v1/chat/completions`
    static func chatCompletion(_ reply: Reply, model: String, stream: Bool, includeUsage: Bool) -> Answer {
        let base: [String: Any] = ["id": "chatcmpl-standin", "created": 1_700_000_000, "model": model]
        let usage: [String: Any] = [
            "prompt_tokens": reply.usage.input, "completion_tokens": reply.usage.output + reply.usage.reasoning,
            "total_tokens": reply.usage.input + reply.usage.output + reply.usage.reasoning,
            "prompt_tokens_details": ["cached_tokens": reply.usage.cached],
            "completion_tokens_details": ["reasoning_tokens": reply.usage.reasoning],
        ]
        let finish = reply.toolCall == nil ? "stop" : "tool_calls"
        guard stream else {
            var message: [String: Any] = ["role": "assistant", "content": reply.text ?? NSNull()]
            if let call = reply.toolCall {
                message["tool_calls"] = [
                    ["id": call.id, "type": "function", "function": ["name": call.name, "arguments": call.arguments]]
                ]
            }
            var object = base
            object["object"] = "chat.completion"
            object["choices"] = [["index": 0, "message": message, "finish_reason": finish]]
            object["usage"] = usage
            return .json(object)
        }
        func chunk(_ choices: [[String: Any]], usage: [String: Any]? = nil) -> Data {
            var object = base
            object["object"] = "chat.completion.chunk"
            object["choices"] = choices
            if let usage { object["usage"] = usage }
            return SSE.event(nil, object)
        }
        func delta(_ fields: [String: Any]) -> [[String: Any]] {
            [["index": 0, "delta": fields, "finish_reason": NSNull()]]
        }
        var chunks = [chunk(delta(["role": "assistant", "content": ""]))]
        if let call = reply.toolCall {
            chunks.append(
                chunk(
                    delta([
                        "tool_calls": [
                            [
                                "index": 0, "id": call.id, "type": "function",
                                "function": ["name": call.name, "arguments": ""],
                            ]
                        ]
                    ])))
            for piece in ReplyScript.split(call.arguments) {
                chunks.append(chunk(delta(["tool_calls": [["index": 0, "function": ["arguments": piece]]]])))
            }
        } else {
            for piece in ReplyScript.split(reply.text ?? "") { chunks.append(chunk(delta(["content": piece]))) }
        }
        chunks.append(chunk([["index": 0, "delta": [String: Any](), "finish_reason": finish]]))
        if includeUsage { chunks.append(chunk([], usage: usage)) }
        chunks.append(SSE.done)
        return .events(chunks)
    }

    /// `POST /v1/responses`
    static func response(_ reply: Reply, model: String, stream: Bool) -> Answer {
        var output: [[String: Any]] = []
        let summary: [String: Any]? = reply.reasoning.map { ["type": "summary_text", "text": $0] }
        if let summary {
            output.append(["type": "reasoning", "id": "rs_standin", "summary": [summary]])
        }
        let text: [String: Any] = ["type": "output_text", "text": reply.text ?? "", "annotations": [Any]()]
        let message: [String: Any] = [
            "type": "message", "id": "msg_standin", "status": "completed", "role": "assistant", "content": [text],
        ]
        var functionCall: [String: Any]?
        if let call = reply.toolCall {
            functionCall = [
                "type": "function_call", "id": "fc_standin", "call_id": call.id, "name": call.name,
                "arguments": call.arguments, "status": "completed",
            ]
            output.append(functionCall!)
        } else {
            output.append(message)
        }
        func response(status: String, output: [[String: Any]]) -> [String: Any] {
            [
                "id": "resp_standin", "object": "response", "created_at": 1_700_000_000, "status": status,
                "model": model, "output": output, "parallel_tool_calls": true, "tool_choice": "auto",
                "tools": [Any](),
                "usage": [
                    "input_tokens": reply.usage.input,
                    "input_tokens_details": ["cached_tokens": reply.usage.cached, "cache_write_tokens": 0],
                    "output_tokens": reply.usage.output + reply.usage.reasoning,
                    "output_tokens_details": ["reasoning_tokens": reply.usage.reasoning],
                    "total_tokens": reply.usage.input + reply.usage.output + reply.usage.reasoning,
                ],
            ]
        }
        guard stream else { return .json(response(status: "completed", output: output)) }

        var sequence = 0
        var chunks: [Data] = []
        func emit(_ type: String, _ fields: [String: Any]) {
            var payload = fields
            payload["type"] = type
            payload["sequence_number"] = sequence
            sequence += 1
            chunks.append(SSE.event(type, payload))
        }
        emit("response.created", ["response": response(status: "in_progress", output: [])])
        var index = 0
        if let summary, let thinking = reply.reasoning {
            let item: [String: Any] = ["type": "reasoning", "id": "rs_standin", "summary": [Any]()]
            let at: [String: Any] = ["item_id": "rs_standin", "output_index": index, "summary_index": 0]
            emit("response.output_item.added", ["output_index": index, "item": item])
            emit(
                "response.reasoning_summary_part.added",
                at.merging(["part": ["type": "summary_text", "text": ""]]) { $1 })
            for piece in ReplyScript.split(thinking) {
                emit("response.reasoning_summary_text.delta", at.merging(["delta": piece]) { $1 })
            }
            emit("response.reasoning_summary_text.done", at.merging(["text": thinking]) { $1 })
            emit("response.reasoning_summary_part.done", at.merging(["part": summary]) { $1 })
            emit(
                "response.output_item.done",
                ["output_index": index, "item": item.merging(["summary": [summary]]) { $1 }])
            index += 1
        }
        if let functionCall, let call = reply.toolCall {
            var added = functionCall
            added["arguments"] = ""
            added["status"] = "in_progress"
            emit("response.output_item.added", ["output_index": index, "item": added])
            let at: [String: Any] = ["item_id": "fc_standin", "output_index": index]
            for piece in ReplyScript.split(call.arguments) {
                emit("response.function_call_arguments.delta", at.merging(["delta": piece]) { $1 })
            }
            emit("response.function_call_arguments.done", at.merging(["arguments": call.arguments]) { $1 })
            emit("response.output_item.done", ["output_index": index, "item": functionCall])
        } else {
            let part: [String: Any] = ["item_id": "msg_standin", "output_index": index, "content_index": 0]
            emit(
                "response.output_item.added",
                [
                    "output_index": index,
                    "item": [
                        "type": "message", "id": "msg_standin", "status": "in_progress", "role": "assistant",
                        "content": [Any](),
                    ],
                ])
            emit(
                "response.content_part.added",
                part.merging(["part": ["type": "output_text", "text": "", "annotations": [Any]()]]) { $1 })
            for piece in ReplyScript.split(reply.text ?? "") {
                emit("response.output_text.delta", part.merging(["delta": piece, "logprobs": [Any]()]) { $1 })
            }
            emit(
                "response.output_text.done", part.merging(["text": reply.text ?? "", "logprobs": [Any]()]) { $1 })
            emit("response.content_part.done", part.merging(["part": text]) { $1 })
            emit("response.output_item.done", ["output_index": index, "item": message])
        }
        emit("response.completed", ["response": response(status: "completed", output: output)])
        return .events(chunks)
    }
}
