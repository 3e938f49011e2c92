import Foundation

/// Server-sent events as the SDKs parse them: every event ends with a blank line.
enum SSE {
    /// One event; `name` adds an `event:` line (Anthropic and OpenAI Responses need it,
    /// google-genai breaks on it).
    static func event(_ name: String?, _ payload: [String: Any]) -> Data {
        var text = name.map { "event: \($0)\n" } ?? ""
        text += "data: " + JSON.text(payload) + "\n\n"
        return Data(text.utf8)
    }

    /// OpenAI's end-of-stream marker.
    static let done = Data("data: [DONE]\n\n".utf8)
}

/// JSON encoding of reply objects.
enum JSON {
    static func data(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }

    static func text(_ object: [String: Any]) -> String {
        String(decoding: data(object), as: UTF8.self)
    }
}
