import Foundation

/// What a request asks for, read the same way from every protocol's body: the texts, the
/// conversation so far, tools and their results, images, a JSON schema, reasoning and caching.
///
/// The stand-in relay answers from this view (see ``StandInModel``), so each protocol only has to
/// say where its fields are.
struct ParsedRequest {
    /// One earlier assistant turn as the request carries it back.
    struct AssistantTurn {
        /// Its text, joined.
        var text: String
        /// The signatures of its thinking blocks or thought parts, in order.
        var signatures: [String]
        /// The ids of the tool calls it made.
        var toolCallIDs: [String]
    }

    /// A tool result the request sends back.
    struct ToolResult {
        /// The id of the call it answers (Gemini: the function's name).
        var callID: String
        /// The result as the program wrote it.
        var content: String
    }

    /// An image part.
    enum Image {
        case inline(mediaType: String, base64: String)
        case url(String)
    }

    /// What the request asks about reasoning.
    struct ReasoningAsk: Equatable {
        /// `effort`, `adaptive`, `budget` or `level` (the catalog's styles), or `enabled` for
        /// Anthropic's `{"type": "enabled"}` with a budget.
        var style: String
        /// The effort or level asked for.
        var level: String?
        /// The budget asked for, in tokens.
        var budget: Int?
        /// Whether the request asks to see the reasoning (Anthropic always shows it unless told
        /// otherwise; Gemini needs `includeThoughts`; Responses needs a summary).
        var visible: Bool
    }

    /// The user texts, in order.
    var userTexts: [String] = []
    /// The system or developer instructions.
    var systemTexts: [String] = []
    /// The assistant turns the request carries back, in order.
    var assistantTurns: [AssistantTurn] = []
    /// The function tools it offers: name and parameter schema.
    var tools: [(name: String, schema: [String: Any])] = []
    /// The names of the function tools it offers.
    var toolNames: [String] { tools.map(\.name) }
    var toolResults: [ToolResult] = []
    var images: [Image] = []
    /// The JSON schema the answer must follow, if any.
    var schema: [String: Any]?
    var reasoning: ReasoningAsk?
    /// The text of the cacheable prefix: up to the last `cache_control` mark (Anthropic), or the
    /// instructions and first message (OpenAI and Gemini cache a long prefix on their own).
    var cachePrefix: String = ""
    /// Whether the request marks a cache breakpoint (Anthropic's `cache_control`).
    var marksCache = false
    /// Problems a real API would refuse the request for (400).
    var problems: [String] = []

    /// All text of the request, for counting input tokens.
    var allText: String {
        (systemTexts + userTexts + assistantTurns.map(\.text) + toolResults.map(\.content)).joined(separator: "\n")
    }

    /// A rough token count, the same for every protocol: one token for four bytes of UTF-8.
    static func tokens(_ text: String) -> Int { text.isEmpty ? 0 : max(1, text.utf8.count / 4) }
}

/// Reading JSON values that may be missing or of another type.
enum JSONRead {
    static func object(_ value: Any?) -> [String: Any]? { value as? [String: Any] }
    static func objects(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }
    static func string(_ value: Any?) -> String? { value as? String }

    /// A value under either spelling of a key (google-genai sends nested objects in snake case).
    static func either(_ object: [String: Any], _ camel: String, _ snake: String) -> Any? {
        object[camel] ?? object[snake]
    }

    /// Compact JSON text of a value, keys sorted, for comparisons.
    static func text(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject([value]) else { return "\(value)" }
        let data = (try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])) ?? Data()
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
