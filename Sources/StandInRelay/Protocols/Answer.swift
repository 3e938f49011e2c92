import Foundation

/// What the stand-in relay says in reply: the answer text, the answer to a second turn, and the
/// reasoning it shows when asked for it.
public struct ReplyScript: Sendable {
    /// The text every first answer is.
    public var text: String
    /// The answer to a later turn of a conversation.
    public var followUpText: String
    /// The reasoning the relay returns when a request asks to see it.
    public var thinking: String
    /// The reasoning tokens usage reports when a request asks for reasoning.
    public var reasoningTokens: Int

    /// The default reply: non-ASCII, quotes and a backslash, so a snippet that decodes or prints
    /// carelessly shows it.
    public static let standard = ReplyScript(
        text: "Hello from the stand-in relay — 你好! \"quoted\" \\ done.",
        followUpText: "A second answer — 第二个回答, still \"quoted\".",
        thinking: "The user wants a greeting; keep it short.", reasoningTokens: 12)

    /// Creates a script.
    public init(text: String, followUpText: String, thinking: String, reasoningTokens: Int) {
        self.text = text
        self.followUpText = followUpText
        self.thinking = thinking
        self.reasoningTokens = reasoningTokens
    }

    /// The text in three pieces, as a stream sends it.
    var pieces: [String] { Self.split(text) }
    var thinkingPieces: [String] { Self.split(thinking) }

    static func split(_ text: String) -> [String] {
        let characters = Array(text)
        let size = max(1, (characters.count + 2) / 3)
        return stride(from: 0, to: characters.count, by: size).map {
            String(characters[$0..<min($0 + size, characters.count)])
        }
    }
}

/// One answer of the stand-in relay.
struct Answer: Sendable {
    var status: Int
    var contentType: String
    var chunks: [Data]

    static func json(_ object: [String: Any], status: Int = 200) -> Answer {
        Answer(status: status, contentType: "application/json", chunks: [JSON.data(object)])
    }

    static func events(_ chunks: [Data]) -> Answer {
        Answer(status: 200, contentType: "text/event-stream", chunks: chunks)
    }

    var body: Data { chunks.reduce(Data(), +) }
}

/// A JSON request body with typed access for the checks the real APIs make.
struct RequestBody {
    let object: [String: Any]

    init?(_ data: Data) {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        self.object = object
    }

    var model: String? { object["model"] as? String }
    var stream: Bool { object["stream"] as? Bool ?? false }
}
