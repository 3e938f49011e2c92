import Foundation
import RelayCatalog

/// How one protocol looks on the wire: where the key travels, where the model, prompt and stream
/// flag are, the shape of its errors, what it refuses, and how the stand-in relay answers it.
public struct Dialect: Sendable {
    /// The protocol id, such as `anthropic-messages`.
    public let protocolID: String

    /// The dialect of a protocol id.
    public init(protocolID: String) { self.protocolID = protocolID }

    /// The errors the stand-in gives besides the protocol's own validation.
    enum Failure {
        case unauthorized, server, invalidJSON
    }

    /// The wire family of a protocol id; Vertex's protocols carry the Gemini and Anthropic bodies.
    public enum Family: Sendable {
        case openAIChat, openAIResponses, anthropic, gemini, unknown
    }

    static func of(_ protocolID: String) -> Dialect { Dialect(protocolID: protocolID) }

    /// The user texts of a request body, however the protocol nests them.
    public func userTexts(in body: [String: Any]) -> [String] {
        func texts(of content: Any?) -> [String] {
            if let text = content as? String { return [text] }
            guard let blocks = content as? [[String: Any]] else { return [] }
            return blocks.compactMap { $0["text"] as? String }
        }
        switch family {
        case .gemini:
            let contents = body["contents"] as? [[String: Any]] ?? []
            return contents.filter { ($0["role"] as? String ?? "user") == "user" }.flatMap {
                ($0["parts"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            }
        case .openAIResponses:
            if let input = body["input"] as? String { return [input] }
            return (body["input"] as? [[String: Any]] ?? []).filter { ($0["role"] as? String) == "user" }.flatMap {
                texts(of: $0["content"])
            }
        default:
            let messages = body["messages"] as? [[String: Any]] ?? []
            return messages.filter { $0["role"] as? String == "user" }.flatMap { texts(of: $0["content"]) }
        }
    }

    public var family: Family {
        switch protocolID {
        case "openai-chat": .openAIChat
        case "openai-responses": .openAIResponses
        case "anthropic-messages", "vertex-anthropic": .anthropic
        case "gemini-generate", "vertex-gemini": .gemini
        default: .unknown
        }
    }

    /// Whether the protocol is Vertex's: the model comes from the path, not the body.
    public var isVertex: Bool { protocolID.hasPrefix("vertex-") }

    /// Whether requests name the model in the body (Gemini and Vertex name it in the path).
    public var modelInBody: Bool { !isVertex && family != .gemini }

    /// Whether requests say `"stream": true` in the body (Gemini streams by its path alone).
    public var streamInBody: Bool { family != .gemini }

    /// Where the key travels, for messages.
    public var keyPlace: String {
        switch protocolID {
        case "anthropic-messages": "x-api-key (or Authorization: Bearer)"
        case "gemini-generate": "x-goog-api-key (or ?key=)"
        case "vertex-gemini": "x-goog-api-key (or Authorization: Bearer)"
        default: "Authorization: Bearer"
        }
    }

    /// The key a request carries where this protocol puts it (SDKs and raw clients differ, and
    /// the relay takes both forms where the real API does).
    public func key(in request: RecordedRequest) -> String? {
        let bearer = StandInRelay.bearer(request.header("authorization"))
        switch protocolID {
        case "anthropic-messages": return request.header("x-api-key") ?? bearer
        case "gemini-generate": return request.header("x-goog-api-key") ?? request.queryValue("key")
        case "vertex-gemini": return request.header("x-goog-api-key") ?? request.queryValue("key") ?? bearer
        default: return bearer
        }
    }

    /// An error in the protocol's shape.
    func error(_ status: Int, _ failure: Failure) -> Answer {
        switch (family, failure) {
        case (.anthropic, .unauthorized):
            return AnthropicMessages.error(401, "invalid x-api-key", type: "authentication_error")
        case (.anthropic, .server): return AnthropicMessages.error(500, "Internal server error", type: "api_error")
        case (.anthropic, .invalidJSON): return AnthropicMessages.error(400, "invalid JSON body")
        case (.gemini, .unauthorized):
            return GeminiGenerate.error(
                401, "API key not valid. Please pass a valid API key.", status: "UNAUTHENTICATED")
        case (.gemini, .server): return GeminiGenerate.error(500, "Internal error encountered.", status: "INTERNAL")
        case (.gemini, .invalidJSON):
            return GeminiGenerate.error(400, "Invalid JSON payload received.", status: "INVALID_ARGUMENT")
        case (_, .unauthorized):
            return OpenAIProtocols.error(
                401,
                "Incorrect API key provided. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                type: "invalid_api_key")
        case (_, .server):
            return OpenAIProtocols.error(
                500, "The server had an error while processing your request.", type: "server_error")
        case (_, .invalidJSON): return OpenAIProtocols.error(400, "We could not parse the JSON body of your request.")
        }
    }

    /// 404 for a path the relay does not serve, in the shape of the API the path belongs to.
    func notFound(_ request: RecordedRequest) -> Answer {
        switch family {
        case .anthropic: AnthropicMessages.error(404, "Not found: \(request.path)", type: "not_found_error")
        case .gemini: GeminiGenerate.error(404, "Requested entity was not found: \(request.path)", status: "NOT_FOUND")
        default: OpenAIProtocols.error(404, "Invalid URL (\(request.method) \(request.path))")
        }
    }

    /// What the real API refuses before it reads the body.
    func refusal(of request: RecordedRequest, match: Routes.Match) -> Answer? {
        switch protocolID {
        case "anthropic-messages":
            guard request.header("anthropic-version") != nil else {
                return AnthropicMessages.error(400, "anthropic-version: header is required")
            }
        case "gemini-generate", "vertex-gemini":
            if match.streamPath, request.queryValue("alt") != "sse" {
                return GeminiGenerate.error(400, "this relay streams only with ?alt=sse", status: "INVALID_ARGUMENT")
            }
        default: break
        }
        return nil
    }

    /// The answer to a request the relay accepts, from the stand-in model; the conversation of
    /// the request's key is read and updated.
    func answer(
        _ body: RequestBody, request: RecordedRequest, match: Routes.Match, stream: Bool? = nil, script: ReplyScript,
        model catalogModel: RelayCatalog.Model?, conversation: inout Conversation
    ) -> (Answer, facts: [String], usage: [String: Int]) {
        let model = match.values["model"] ?? body.model ?? ""
        let streams = stream ?? (streamInBody ? body.stream : match.streamPath)
        let parsed: ParsedRequest
        switch family {
        case .openAIChat: parsed = RequestReaders.chat(body.object)
        case .openAIResponses: parsed = RequestReaders.responses(body.object)
        case .anthropic:
            if isVertex {
                guard body.object["model"] == nil else {
                    return (
                        AnthropicMessages.error(
                            400, "model: Extra inputs are not permitted (Vertex takes the model in the path)"), [], [:]
                    )
                }
                guard body.object["anthropic_version"] is String else {
                    return (AnthropicMessages.error(400, "anthropic_version: Field required"), [], [:])
                }
            }
            if let refusal = AnthropicMessages.refusal(of: body, modelInBody: !isVertex) { return (refusal, [], [:]) }
            parsed = RequestReaders.anthropic(body.object)
        case .gemini:
            if let refusal = GeminiGenerate.refusal(of: body) { return (refusal, [], [:]) }
            parsed = RequestReaders.gemini(body.object)
        case .unknown:
            return (OpenAIProtocols.error(501, "the stand-in relay does not speak the protocol \(protocolID)"), [], [:])
        }
        if family == .openAIChat || family == .openAIResponses, body.model == nil {
            return (OpenAIProtocols.error(400, "you must provide a model parameter"), [], [:])
        }
        let thinker = StandInModel(script: script, model: catalogModel, family: family)
        switch thinker.reply(to: parsed, conversation: &conversation) {
        case .failure(let refusal):
            return (invalid(refusal.message), [], [:])
        case .success(let reply):
            let answer: Answer
            switch family {
            case .openAIChat:
                let options = body.object["stream_options"] as? [String: Any]
                answer = OpenAIProtocols.chatCompletion(
                    reply, model: model, stream: streams, includeUsage: options?["include_usage"] as? Bool == true)
            case .openAIResponses: answer = OpenAIProtocols.response(reply, model: model, stream: streams)
            case .anthropic: answer = AnthropicMessages.message(reply, model: model, stream: streams)
            case .gemini, .unknown: answer = GeminiGenerate.generate(reply, model: model, stream: streams)
            }
            return (answer, reply.facts, ["input": reply.usage.input, "cached": reply.usage.cached])
        }
    }

    /// 400 in the protocol's error shape.
    func invalid(_ message: String) -> Answer {
        switch family {
        case .anthropic: AnthropicMessages.error(400, message)
        case .gemini: GeminiGenerate.error(400, message, status: "INVALID_ARGUMENT")
        default: OpenAIProtocols.error(400, message)
        }
    }
}
