import Foundation

/// Gemini generateContent, as `google-genai`, curl and URLSession expect it.
enum GeminiGenerate {
    static func error(_ status: Int, _ message: String, status name: String) -> Answer {
        .json(["error": ["code": status, "message": message, "status": name]], status: status)
    }

    /// `POST /google/{v1,v1beta}/models/{model}:generateContent` and `:streamGenerateContent?alt=sse`
    static func generate(_ body: RequestBody, model: String, stream: Bool, script: ReplyScript) -> Answer {
        guard let contents = body.object["contents"] as? [Any], !contents.isEmpty else {
            return error(
                400, "* GenerateContentRequest.contents: contents is not specified", status: "INVALID_ARGUMENT")
        }
        func chunk(_ text: String, last: Bool) -> [String: Any] {
            var candidate: [String: Any] = ["content": ["parts": [["text": text]], "role": "model"], "index": 0]
            var object: [String: Any] = ["modelVersion": model]
            if last {
                candidate["finishReason"] = "STOP"
                object["usageMetadata"] = ["promptTokenCount": 5, "candidatesTokenCount": 7, "totalTokenCount": 12]
            }
            object["candidates"] = [candidate]
            return object
        }
        guard stream else { return .json(chunk(script.text, last: true)) }
        let pieces = script.pieces
        // No `event:` lines and no [DONE]: google-genai parses every line that is not `data: ` as JSON.
        return .events(
            pieces.enumerated().map { index, piece in SSE.event(nil, chunk(piece, last: index == pieces.count - 1)) })
    }
}
