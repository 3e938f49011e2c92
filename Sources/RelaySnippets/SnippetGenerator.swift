import RelayCatalog
import RelayTemplates

/// Makes quick-start code from a catalog and a set of templates.
///
/// ```swift
/// let generator = SnippetGenerator(catalog: catalog, templates: templates)
/// let snippet = try generator.snippet(for: SnippetRequest(model: "gpt-4o", language: .python))
/// print(snippet.code)
/// ```
public struct SnippetGenerator: Sendable {
    /// The protocol that serves models the catalog does not list.
    public static let fallbackProtocolID = "openai-chat"
    /// The smallest extended-thinking budget the Anthropic API accepts.
    public static let minimumThinkingBudget = 1024
    /// The largest budget a non-streaming snippet may ask for: the anthropic SDK refuses
    /// non-streaming requests whose `max_tokens` could take over ten minutes (about 21,000).
    public static let maximumNonStreamingThinkingBudget = 16_000
    /// The largest budget any snippet may ask for.
    public static let maximumThinkingBudget = 120_000
    /// Tokens left for the answer on top of the thinking budget.
    static let answerTokens = 1024

    public let catalog: Catalog
    public let templates: SnippetTemplates

    /// Creates a generator.
    public init(catalog: Catalog, templates: SnippetTemplates) {
        self.catalog = catalog
        self.templates = templates
    }

    /// How a model is served.
    public struct ModelResolution: Sendable, Equatable {
        /// The protocols the model accepts, native first.
        public var protocolIDs: [String]
        /// Whether the catalog lists the model.
        public var isListed: Bool
        /// A remark for the user when the model is not listed.
        public var note: String?
    }

    /// The protocols a model is served through; an unlisted model gets `openai-chat`.
    public func resolve(model: String) throws(SnippetError) -> ModelResolution {
        try Self.validate(model: model)
        if let listed = catalog.model(id: model) {
            return ModelResolution(protocolIDs: listed.protocolIDs, isListed: true, note: nil)
        }
        guard catalog.wireProtocol(id: Self.fallbackProtocolID) != nil else {
            throw .invalidValue(
                InvalidValue(
                    "model \(model.debugDescription) is not in the catalog, and the catalog has no \(Self.fallbackProtocolID) protocol to serve it; listed models: \(catalog.models.map(\.id).joined(separator: ", "))"
                ))
        }
        return ModelResolution(
            protocolIDs: [Self.fallbackProtocolID], isListed: false,
            note:
                "note: model \(model.debugDescription) is not in the catalog; it is served through the relay's OpenAI-compatible protocol (\(Self.fallbackProtocolID)). Listed models: \(catalog.models.map(\.id).joined(separator: ", "))"
        )
    }

    /// Renders one snippet.
    ///
    /// - Throws: ``SnippetError`` when the protocol is unknown or not accepted by the model,
    ///   an option does not fit the protocol, or a template is missing or unsafe.
    public func snippet(for request: SnippetRequest) throws(SnippetError) -> Snippet {
        try snippet(for: request, resolution: try resolve(model: request.model))
    }

    /// Renders one snippet of a model already resolved with ``resolve(model:)`` (callers that
    /// render several snippets of one model resolve it once).
    public func snippet(for request: SnippetRequest, resolution: ModelResolution) throws(SnippetError) -> Snippet {
        let protocolID = request.protocolID ?? resolution.protocolIDs[0]
        guard let wireProtocol = catalog.wireProtocol(id: protocolID) else {
            throw .unknownProtocol(protocolID, known: catalog.protocols.map(\.id))
        }
        // A listed model takes only its protocols; an unlisted one any protocol asked for by name.
        if resolution.isListed, !resolution.protocolIDs.contains(protocolID) {
            throw .protocolNotAccepted(model: request.model, protocolID: protocolID, accepted: resolution.protocolIDs)
        }
        try validateOptions(request, protocolID: protocolID)
        let prompt = request.prompt ?? catalog.relay.defaultPrompt
        guard !prompt.isEmpty else {
            throw .invalidValue(InvalidValue("the prompt is empty; give a prompt with --prompt"))
        }

        let renderer = SnippetRenderers.renderer(for: request.language)
        let sdk = catalog.sdk(for: wireProtocol, in: request.language)
        let provider = catalog.provider(of: wireProtocol)
        func value(_ name: String, _ text: String) -> TemplateValue {
            .custom(UntrustedText(name: name, value: text, escapers: renderer.escapers))
        }
        let thinking: TemplateValue =
            request.thinkingBudget.map { ["budget": .int($0)] } ?? false
        let context: TemplateValue = [
            "key": value("key", (request.key ?? catalog.relay.placeholderKey).value),
            "model": value("model", request.model),
            "prompt": value("prompt", prompt),
            "baseURL": value("baseURL", catalog.relayBaseURL(of: provider)),
            "url": value("url", catalog.endpointURL(of: wireProtocol, model: request.model, stream: request.stream)),
            "apiVersion": value("apiVersion", wireProtocol.apiVersion ?? ""),
            "sdk": ["package": value("sdk.package", sdk.package), "versions": value("sdk.versions", sdk.versions)],
            "stream": .bool(request.stream),
            "thinking": thinking,
            "cache": .bool(request.cache),
            "maxTokens": .int((request.thinkingBudget ?? 0) + Self.answerTokens),
        ]
        let code = try templates.render(language: request.language.rawValue, protocolID: protocolID, context: context)
        return Snippet(
            language: request.language, sdk: sdk.package, sdkVersions: sdk.versions, protocol: protocolID,
            model: request.model, stream: request.stream, thinking: request.thinkingBudget, cache: request.cache,
            code: Self.tidy(code))
    }

    /// Every snippet of a model: each protocol it accepts × python, curl, swift × plain and stream.
    public func snippets(model: String, key: APIKey? = nil, prompt: String? = nil) throws(SnippetError) -> [Snippet] {
        var result: [Snippet] = []
        let resolution = try resolve(model: model)
        for protocolID in resolution.protocolIDs {
            for language in Language.allCases {
                for stream in [false, true] {
                    result.append(
                        try snippet(
                            for: SnippetRequest(
                                model: model, language: language, protocolID: protocolID, key: key, prompt: prompt,
                                stream: stream), resolution: resolution))
                }
            }
        }
        return result
    }

    /// Checks that every protocol of the catalog has a template in every language.
    public func missingTemplates() -> [String] {
        catalog.protocols.flatMap { wireProtocol in
            Language.allCases.compactMap { language in
                templates.hasTemplate(language: language.rawValue, protocolID: wireProtocol.id)
                    ? nil : "\(templates.origin)/snippets/\(language)/\(wireProtocol.id).mustache"
            }
        }
    }

    private func validateOptions(_ request: SnippetRequest, protocolID: String) throws(SnippetError) {
        let anthropic = "anthropic-messages"
        if let budget = request.thinkingBudget {
            guard protocolID == anthropic else {
                throw .optionNeedsProtocol(option: "--thinking", protocolID: protocolID, required: anthropic)
            }
            guard budget >= Self.minimumThinkingBudget else {
                throw .invalidThinkingBudget(
                    budget, reason: "the Anthropic API needs at least \(Self.minimumThinkingBudget) tokens")
            }
            guard budget <= Self.maximumThinkingBudget else {
                throw .invalidThinkingBudget(
                    budget, reason: "the largest budget is \(Self.maximumThinkingBudget) tokens")
            }
            guard request.stream || budget <= Self.maximumNonStreamingThinkingBudget else {
                throw .invalidThinkingBudget(
                    budget,
                    reason:
                        "without --stream the largest budget is \(Self.maximumNonStreamingThinkingBudget) tokens, since the anthropic SDK refuses long non-streaming requests; add --stream"
                )
            }
        }
        if request.cache, protocolID != anthropic {
            throw .optionNeedsProtocol(option: "--cache", protocolID: protocolID, required: anthropic)
        }
    }

    static func validate(model: String) throws(SnippetError) {
        guard !model.isEmpty else {
            throw .invalidValue(InvalidValue("the model is empty; give a model id such as gpt-4o"))
        }
        guard model.count <= 200 else {
            throw .invalidValue(InvalidValue("the model id is longer than 200 characters"))
        }
    }

    /// Trims trailing spaces from every line, drops empty lines at the start and the end, and ends
    /// the code with exactly one newline. One pass over the bytes.
    static func tidy(_ code: String) -> String {
        var code = code
        return code.withUTF8 { input -> String in
            var output: [UInt8] = []
            output.reserveCapacity(input.count + 1)
            // Line by line: a line's text up to its last non-space byte is copied in one piece.
            var lineStart = 0
            while lineStart < input.count {
                var lineEnd = lineStart
                while lineEnd < input.count, input[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var kept = lineEnd
                while kept > lineStart, input[kept - 1] == UInt8(ascii: " ") { kept -= 1 }
                if kept > lineStart || !output.isEmpty {  // no empty lines at the start
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[lineStart..<kept]))
                    if lineEnd < input.count { output.append(UInt8(ascii: "\n")) }
                }
                lineStart = lineEnd + 1
            }
            while output.last == UInt8(ascii: "\n") { output.removeLast() }
            output.append(UInt8(ascii: "\n"))
            // The input was a String and whole lines were kept, so the bytes are valid UTF-8.
            return String(decoding: output, as: UTF8.self)
        }
    }
}
