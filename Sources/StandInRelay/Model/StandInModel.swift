import Foundation
import RelayCatalog

/// What the stand-in relay says to one request, before a protocol puts it in its own shape.
struct Reply {
    /// A function call the model makes instead of answering.
    struct ToolCall {
        /// The call's id (Anthropic `toolu_…`, OpenAI `call_…`); Gemini answers by name.
        var id: String
        var name: String
        /// The arguments as compact JSON text.
        var arguments: String
    }

    /// Token counts, in the terms every protocol's usage can express.
    struct Usage {
        /// All input tokens, cached or not.
        var input: Int
        /// Input tokens read from the cache.
        var cached: Int
        /// Input tokens written to the cache (Anthropic reports them; the others cache silently).
        var cacheWrite: Int
        var output: Int
        var reasoning: Int
    }

    /// The reasoning the request asked to see, if any.
    var reasoning: String?
    /// The signature of the reasoning (Anthropic thinking, Gemini thought and function-call parts).
    var signature = Reply.signature
    /// The answer, nil when the model calls a tool.
    var text: String?
    var toolCall: ToolCall?
    var usage: Usage
    /// What the request did, for verify's checks: `toolCall`, `toolResult`, `history`, `image`,
    /// `schema`, `reasoning`, `cacheWrite`, `cacheHit`.
    var facts: [String]

    /// The signature the stand-in gives (valid base64, as google-genai requires).
    static let signature = "c2lnbmF0dXJl"
}

/// One key's conversation with the stand-in relay: what it answered, so later requests can be
/// checked to carry the answers back unchanged, and which prefixes it has cached.
struct Conversation: Sendable {
    /// An earlier answer, as a request must carry it back.
    struct Turn: Sendable {
        var text: String
        var signatures: [String]
        var toolCallIDs: [String]
    }

    var turns: [Turn] = []
    var cachedPrefixes: Set<String> = []
    var calls = 0
}

/// Decides the stand-in relay's answer like a strict model behind a strict API: it refuses what
/// the real APIs refuse (a tool result for a call it never made, a history that does not carry
/// its earlier answers unchanged, an image that is not what it claims, a reasoning setting the
/// model does not take), and answers what the request asks for.
struct StandInModel {
    let script: ReplyScript
    /// The catalog's model, when the catalog lists it.
    let model: RelayCatalog.Model?
    /// The protocol family, for its ids and rules.
    let family: Dialect.Family

    /// The minimum prefix the stand-in caches, as the APIs do (1,024 tokens).
    static let cacheMinimum = 1024

    /// The reply, or the message of a 400 refusal.
    func reply(to request: ParsedRequest, conversation: inout Conversation) -> Result<Reply, Refusal> {
        if let problem = request.problems.first { return .failure(Refusal(problem)) }
        if let refusal = checkReasoning(request.reasoning) { return .failure(refusal) }
        if let refusal = checkHistory(request, conversation: conversation) { return .failure(refusal) }
        if let refusal = checkImages(request.images) { return .failure(refusal) }
        var facts: [String] = []
        if !request.assistantTurns.isEmpty { facts.append("history") }
        if !request.images.isEmpty { facts.append("image") }

        var reply = Reply(
            text: nil, usage: .init(input: ParsedRequest.tokens(request.allText), cached: 0, cacheWrite: 0, output: 7, reasoning: 0),
            facts: [])
        if let reasoning = request.reasoning {
            facts.append("reasoning")
            reply.usage.reasoning = script.reasoningTokens
            if reasoning.visible { reply.reasoning = script.thinking }
        }

        // The tool round trip: a call first, then an answer from its result.
        let issued = Set(conversation.turns.flatMap(\.toolCallIDs))
        if !request.toolResults.isEmpty {
            for result in request.toolResults where !issued.contains(result.callID) {
                return .failure(
                    Refusal(
                        "the tool result answers \(result.callID.debugDescription), which is not a call the model made (it made \(issued.sorted()))"
                    ))
            }
            guard let summary = Self.summary(ofToolResult: request.toolResults[0].content) else {
                return .failure(Refusal("the tool result is not a JSON object: \(request.toolResults[0].content.prefix(200))"))
            }
            facts.append("toolResult")
            reply.text = summary
        } else if let tool = request.tools.first {
            conversation.calls += 1
            let id = family == .gemini ? tool.name : "\(Self.callPrefix(family))\(conversation.calls)"
            let arguments = JSONRead.text(SchemaInstance.value(for: tool.schema, name: nil))
            reply.toolCall = .init(id: id, name: tool.name, arguments: arguments)
            facts.append("toolCall")
        } else if let schema = request.schema {
            reply.text = JSONRead.text(SchemaInstance.value(for: schema, name: nil), sortingKeys: false, schema: schema)
            facts.append("schema")
        } else {
            reply.text = request.assistantTurns.isEmpty ? script.text : script.followUpText
        }

        // Caching: a long prefix seen before is read from the cache. Anthropic caches only what
        // the request marks; OpenAI and Gemini cache long prefixes on their own.
        let prefixTokens = ParsedRequest.tokens(request.cachePrefix)
        if prefixTokens >= Self.cacheMinimum, family != .anthropic || request.marksCache {
            if conversation.cachedPrefixes.contains(request.cachePrefix) {
                reply.usage.cached = prefixTokens
                facts.append("cacheHit")
            } else {
                conversation.cachedPrefixes.insert(request.cachePrefix)
                reply.usage.cacheWrite = prefixTokens
                facts.append("cacheWrite")
            }
        }
        reply.facts = facts
        // Anthropic signs its thinking, Gemini its thoughts and function calls; a later request
        // must carry those signatures back.
        let signed =
            (family == .anthropic && reply.reasoning != nil)
            || (family == .gemini && (reply.reasoning != nil || reply.toolCall != nil))
        conversation.turns.append(
            .init(
                text: reply.text ?? "", signatures: signed ? [reply.signature] : [],
                toolCallIDs: reply.toolCall.map { [$0.id] } ?? []))
        return .success(reply)
    }

    /// A refusal's message, answered with 400 in the protocol's error shape.
    struct Refusal: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    static func callPrefix(_ family: Dialect.Family) -> String {
        switch family {
        case .anthropic: "toolu_standin_"
        default: "call_standin_"
        }
    }

    /// The answer to a tool's result: its fields, sorted, so every language's JSON reads the same.
    static func summary(ofToolResult content: String) -> String? {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(content.utf8))) as? [String: Any] else {
            return nil
        }
        // google-genai and many programs wrap a function's result as {"result": …}.
        if object.count == 1, let inner = (object["result"] ?? object["output"]) as? [String: Any] { object = inner }
        let fields = object.keys.sorted().map { key in
            let value = object[key].map { ($0 as? String) ?? JSONRead.text($0) } ?? ""
            return "\(key)=\(value)"
        }
        return "The tool answered: \(fields.joined(separator: ", "))."
    }

    /// The catalog's reasoning rules for the model: the style it takes and its levels or budget.
    func checkReasoning(_ ask: ParsedRequest.ReasoningAsk?) -> Refusal? {
        guard let ask, let model else { return nil }
        guard let reasoning = model.reasoning else {
            return Refusal("\(model.id) does not reason; remove the reasoning setting")
        }
        guard ask.style == reasoning.style.rawValue else {
            return Refusal(
                "\(model.id) sets its reasoning by \(reasoning.style.rawValue), not by \(ask.style) (the catalog says so)")
        }
        switch reasoning.style {
        case .budget:
            guard let budget = ask.budget, budget > 0 else { return Refusal("the thinking budget must be a positive number of tokens") }
        case .effort, .adaptive, .level:
            guard let level = ask.level, reasoning.levels.contains(level) else {
                return Refusal(
                    "\(model.id) takes the reasoning depths \(reasoning.levels.joined(separator: ", ")), not \(ask.level ?? "none")")
            }
        }
        return nil
    }

    /// The assistant turns a request carries must be the stand-in's earlier answers to the same
    /// key, unchanged (signed reasoning and function calls with their signatures, as Anthropic and
    /// Gemini require).
    func checkHistory(_ request: ParsedRequest, conversation: Conversation) -> Refusal? {
        for (index, turn) in request.assistantTurns.enumerated() {
            let matches = conversation.turns.contains { answer in
                turn.text == answer.text && turn.toolCallIDs == answer.toolCallIDs
                    && (answer.signatures.isEmpty || turn.signatures == answer.signatures)
            }
            guard !matches else { continue }
            let sameText = conversation.turns.first { $0.text == turn.text && $0.toolCallIDs == turn.toolCallIDs }
            if sameText != nil {
                return Refusal("assistant turn \(index + 1) lost the signature of its reasoning or function call")
            }
            return Refusal(
                "assistant turn \(index + 1) is not one of the model's earlier answers unchanged (got \(turn.text.debugDescription) with calls \(turn.toolCallIDs))"
            )
        }
        return nil
    }

    /// Images must be what they claim: decodable base64 of the media type given, or a web URL.
    func checkImages(_ images: [ParsedRequest.Image]) -> Refusal? {
        for image in images {
            switch image {
            case .url(let text):
                guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                    return Refusal("the image URL \(text.prefix(100).debugDescription) is not an http or https URL")
                }
            case .inline(let mediaType, let base64):
                guard let data = Data(base64Encoded: base64), !data.isEmpty else {
                    return Refusal("the image data is not base64")
                }
                guard let actual = Self.mediaType(of: data) else { return Refusal("the image data is not PNG, JPEG, GIF or WebP") }
                guard actual == mediaType else {
                    return Refusal("the image is \(actual) but the request says \(mediaType.debugDescription)")
                }
            }
        }
        return nil
    }

    /// The media type an image's first bytes show.
    static func mediaType(of data: Data) -> String? {
        let bytes = [UInt8](data.prefix(12))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return "image/webp"
        }
        return nil
    }
}

/// A value that fits a JSON schema, as the stand-in answers structured-output requests and
/// makes tool-call arguments: `city` is Paris, `conditions` sunny, integers 21.
enum SchemaInstance {
    static func value(for schema: [String: Any], name: String?) -> Any {
        if let values = schema["enum"] as? [Any], let first = values.first { return first }
        let type = (schema["type"] as? String)?.lowercased() ?? (schema["properties"] != nil ? "object" : "string")
        switch type {
        case "object":
            let properties = schema["properties"] as? [String: Any] ?? [:]
            var object: [String: Any] = [:]
            for (key, value) in properties { object[key] = Self.value(for: value as? [String: Any] ?? [:], name: key) }
            return object
        case "array":
            return [Self.value(for: schema["items"] as? [String: Any] ?? [:], name: name)]
        case "integer": return 21
        case "number": return 21.5
        case "boolean": return true
        default:
            switch name {
            case "city", "location": return "Paris"
            case "conditions", "condition", "weather": return "sunny"
            case "unit", "units": return "celsius"
            default: return "stand-in"
            }
        }
    }
}

extension JSONRead {
    /// Compact JSON of an object with its keys in the order of a schema's properties (the order
    /// the schema lists them, as models answer), for structured output.
    static func text(_ value: Any, sortingKeys: Bool, schema: [String: Any]) -> String {
        guard let object = value as? [String: Any], let order = propertyOrder(schema) else { return text(value) }
        let pairs = order.compactMap { key in object[key].map { "\(JSONRead.text(key)):\(JSONRead.text($0))" } }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    /// The property names of a schema in the order they appear: `propertyOrdering` when given,
    /// else `required`, else sorted.
    static func propertyOrder(_ schema: [String: Any]) -> [String]? {
        guard let properties = schema["properties"] as? [String: Any] else { return nil }
        let ordering = (schema["propertyOrdering"] ?? schema["property_ordering"] ?? schema["required"]) as? [String]
        let listed = ordering?.filter { properties[$0] != nil } ?? []
        return listed + properties.keys.filter { !listed.contains($0) }.sorted()
    }
}
