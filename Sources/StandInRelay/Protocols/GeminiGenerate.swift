import Foundation

/// Gemini generateContent (and Gemini on Vertex), as `google-genai`, curl and URLSession expect it.
enum GeminiGenerate {
    static func error(_ status: Int, _ message: String, status name: String) -> Answer {
        .json(["error": ["code": status, "message": message, "status": name]], status: status)
    }

    /// What generateContent refuses before it thinks.
    static func refusal(of body: RequestBody) -> Answer? {
        guard let contents = body.object["contents"] as? [Any], !contents.isEmpty else {
            return error(400, "* GenerateContentRequest.contents: contents is not specified", status: "INVALID_ARGUMENT")
        }
        return nil
    }

    /// `POST /google/{v1,v1beta}/models/{model}:generateContent` and `:streamGenerateContent?alt=sse`
    static func generate(_ reply: Reply, model: String, stream: Bool) -> Answer {
        var usage: [String: Any] = [
            "promptTokenCount": reply.usage.input, "candidatesTokenCount": reply.usage.output,
            "totalTokenCount": reply.usage.input + reply.usage.output + reply.usage.reasoning,
        ]
        if reply.usage.cached > 0 { usage["cachedContentTokenCount"] = reply.usage.cached }
        if reply.usage.reasoning > 0 { usage["thoughtsTokenCount"] = reply.usage.reasoning }
        // A thought-signed reply carries the signature on its first answer part, as Gemini 3 does.
        var answerParts: [[String: Any]] = []
        if let call = reply.toolCall {
            let args = (try? JSONSerialization.jsonObject(with: Data(call.arguments.utf8))) ?? [String: Any]()
            answerParts.append(["functionCall": ["name": call.name, "args": args], "thoughtSignature": reply.signature])
        }
        func chunk(_ parts: [[String: Any]], last: Bool) -> [String: Any] {
            var candidate: [String: Any] = ["content": ["parts": parts, "role": "model"], "index": 0]
            var object: [String: Any] = ["modelVersion": model, "responseId": "standin"]
            if last {
                candidate["finishReason"] = "STOP"
                object["usageMetadata"] = usage
            }
            object["candidates"] = [candidate]
            return object
        }
        func textPart(_ text: String, signed: Bool) -> [String: Any] {
            signed ? ["text": text, "thoughtSignature": reply.signature] : ["text": text]
        }
        let thought = reply.reasoning.map { [["text": $0, "thought": true] as [String: Any]] } ?? []
        guard stream else {
            let parts = thought + (answerParts.isEmpty ? [textPart(reply.text ?? "", signed: reply.reasoning != nil)] : answerParts)
            return .json(chunk(parts, last: true))
        }
        // No `event:` lines and no [DONE]: google-genai parses every line that is not `data: ` as JSON.
        var events: [[String: Any]] = []
        for piece in ReplyScript.split(reply.reasoning ?? "") { events.append(chunk([["text": piece, "thought": true]], last: false)) }
        if answerParts.isEmpty {
            let split = ReplyScript.split(reply.text ?? "")
            let pieces = split.isEmpty ? [""] : split
            for (index, piece) in pieces.enumerated() {
                events.append(chunk([textPart(piece, signed: index == 0 && reply.reasoning != nil)], last: index == pieces.count - 1))
            }
        } else {
            events.append(chunk(answerParts, last: true))
        }
        return .events(events.map { SSE.event(nil, $0) })
    }
}
