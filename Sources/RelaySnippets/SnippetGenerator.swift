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
    /// The languages snippets can be written in: the catalog's, in the templates' tab order (found
    /// once: the snippet API asks on every request).
    public let languages: [Language]

    /// Creates a generator.
    public init(catalog: Catalog, templates: SnippetTemplates) {
        self.catalog = catalog
        self.templates = templates
        let catalogLanguages = catalog.languages
        languages = templates.languages.map(\.id).filter { catalogLanguages.contains($0) }
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
    /// - Throws: ``SnippetError`` when the language, recipe or protocol is unknown or not available
    ///   for the model, an option does not fit, or a template is missing or unsafe.
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
        guard let language = templates.language(request.language), wireProtocol.sdkIDs[request.language] != nil
        else {
            throw .unknownLanguage(request.language.rawValue, known: languages.map(\.rawValue))
        }
        guard let recipe = templates.recipe(id: request.recipe) else {
            throw .unknownRecipe(request.recipe, known: templates.recipes.map(\.id))
        }
        if recipe.id == Recipe.defaultID,
            !templates.hasTemplate(recipe: recipe.id, language: request.language, protocolID: protocolID)
        {
            throw .missingTemplate(
                path: templates.templatePath(recipe: recipe.id, language: request.language, protocolID: protocolID))
        }
        if let reason = unavailability(
            of: recipe, model: request.model, protocolID: protocolID, language: request.language)
        {
            throw .recipeNotAvailable(
                recipe: recipe.id, model: request.model, protocolID: protocolID, reason: reason,
                available: recipes(model: request.model, protocolID: protocolID, language: request.language).map(\.id))
        }
        if request.stream, recipe.noStream.contains(request.language) {
            throw .recipeNotAvailable(
                recipe: recipe.id, model: request.model, protocolID: protocolID,
                reason: "\(request.language) snippets of \(recipe.id) do not stream (drop --stream)",
                available: recipes(model: request.model, protocolID: protocolID, language: request.language).map(\.id))
        }
        if request.image != nil, recipe.image == nil {
            throw .invalidValue(InvalidValue("--image is for --recipe vision"))
        }
        let reasoning = try reasoningContext(request, recipe: recipe, protocolID: protocolID)
        try validateOptions(request, protocolID: protocolID)
        let prompt = request.prompt ?? recipe.prompt ?? catalog.relay.defaultPrompt
        guard !prompt.isEmpty else {
            throw .invalidValue(InvalidValue("the prompt is empty; give a prompt with --prompt"))
        }

        let escapers = language.escapers
        let sdk = catalog.sdk(for: wireProtocol, in: request.language)
        let provider = catalog.provider(of: wireProtocol)
        func value(_ name: String, _ text: String) -> TemplateValue {
            .custom(UntrustedText(name: name, value: text, escapers: escapers))
        }
        let thinking: TemplateValue =
            request.thinkingBudget.map { ["budget": .int($0)] } ?? false
        var values: [String: TemplateValue] = [:]
        for (name, text) in wireProtocol.values { values[name] = value("values.\(name)", text) }
        var context: [String: TemplateValue] = [
            "key": value("key", (request.key ?? catalog.relay.placeholderKey).value),
            "model": value("model", catalog.modelID(request.model, on: wireProtocol)),
            "prompt": value("prompt", prompt),
            "baseURL": value("baseURL", catalog.relayBaseURL(of: provider)),
            "url": value("url", catalog.endpointURL(of: wireProtocol, model: request.model, stream: request.stream)),
            "endpointPath": value(
                "endpointPath", catalog.endpointPath(of: wireProtocol, model: request.model, stream: request.stream)),
            "sdkBaseURL": value("sdkBaseURL", catalog.sdkBaseURL(of: wireProtocol)),
            "sdkPath": value(
                "sdkPath", catalog.sdkPath(of: wireProtocol, model: request.model, stream: request.stream)),
            "apiVersion": value("apiVersion", wireProtocol.apiVersion ?? ""),
            "sdk": ["package": value("sdk.package", sdk.package), "versions": value("sdk.versions", sdk.versions)],
            "relay": ["name": value("relay.name", catalog.relay.name)],
            "provider": ["name": value("provider.name", provider.name)],
            "values": .object(values),
            "stream": .bool(request.stream),
            "thinking": thinking,
            "cache": .bool(request.cache),
            "reasoning": reasoning.value,
            "maxTokens": .int(reasoning.maxTokens ?? ((request.thinkingBudget ?? 0) + Self.answerTokens)),
        ]
        if let followUp = recipe.followUp { context["followUp"] = value("followUp", followUp) }
        if let image = request.image ?? recipe.image {
            guard !image.isEmpty, !image.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw .invalidValue(InvalidValue("the image must be a file path or an http(s) URL"))
            }
            context["image"] = value("image", image)
        }
        let code = try templates.render(
            recipe: recipe.id, language: request.language, protocolID: protocolID, context: .object(context))
        return Snippet(
            language: request.language, sdk: sdk.package, sdkVersions: sdk.versions, protocol: protocolID,
            recipe: recipe.id, model: request.model, stream: request.stream, thinking: request.thinkingBudget,
            cache: request.cache, code: Self.tidy(code))
    }

    /// Every snippet of a model and recipe: each protocol it accepts (that can do the recipe) ×
    /// each language (that has the recipe) × plain and stream.
    public func snippets(
        model: String, recipe: String = Recipe.defaultID, key: APIKey? = nil, prompt: String? = nil
    ) throws(SnippetError) -> [Snippet] {
        guard templates.recipe(id: recipe) != nil else {
            throw .unknownRecipe(recipe, known: templates.recipes.map(\.id))
        }
        var result: [Snippet] = []
        let resolution = try resolve(model: model)
        for protocolID in resolution.protocolIDs {
            for language in languages
            where recipes(model: model, protocolID: protocolID, language: language).contains(where: { $0.id == recipe })
            {
                let streams =
                    templates.recipe(id: recipe)?.noStream.contains(language) == true ? [false] : [false, true]
                for stream in streams {
                    result.append(
                        try snippet(
                            for: SnippetRequest(
                                model: model, language: language, protocolID: protocolID, recipe: recipe, key: key,
                                prompt: prompt, stream: stream), resolution: resolution))
                }
            }
        }
        guard !result.isEmpty else {
            let protocolID = resolution.protocolIDs[0]
            throw .recipeNotAvailable(
                recipe: recipe, model: model, protocolID: resolution.protocolIDs.joined(separator: ", "),
                reason: unavailability(
                    of: templates.recipe(id: recipe)!, model: model, protocolID: protocolID,
                    language: languages.first ?? .python) ?? "no language has it",
                available: recipes(model: model, protocolID: protocolID, language: languages.first ?? .python).map(
                    \.id))
        }
        return result
    }

    /// The recipes a model can do through a protocol in a language, in recipe order.
    public func recipes(model: String, protocolID: String, language: Language) -> [Recipe] {
        templates.recipes.filter {
            unavailability(of: $0, model: model, protocolID: protocolID, language: language) == nil
        }
    }

    /// Why a recipe cannot be written for a model, protocol and language; nil when it can.
    public func unavailability(of recipe: Recipe, model: String, protocolID: String, language: Language) -> String? {
        guard let wireProtocol = catalog.wireProtocol(id: protocolID) else { return "the protocol is unknown" }
        if let feature = recipe.needs {
            guard let listed = catalog.model(id: model) else {
                return "the catalog does not list the model, so it is not known to have \(feature)"
            }
            guard listed.features.contains(feature) else { return "the catalog does not give \(model) \(feature)" }
            guard wireProtocol.features.contains(feature) else {
                return "the relay does not serve \(feature) over \(protocolID)"
            }
            if feature == "reasoning", let style = listed.reasoning?.style,
                !wireProtocol.reasoningStyles.contains(style)
            {
                return "\(model) sets its reasoning by \(style.rawValue), which \(protocolID) does not carry"
            }
        }
        guard templates.hasTemplate(recipe: recipe.id, language: language, protocolID: protocolID) else {
            return
                "there is no \(language) template for it (\(templates.templatePath(recipe: recipe.id, language: language, protocolID: protocolID)))"
        }
        return nil
    }

    /// Problems between the catalog and the templates: a catalog language without a
    /// `language.yaml`, a protocol without a `hello` template in some language, a recipe whose
    /// templates cover some protocols that can do it in a language but not others.
    public func missingTemplates() -> [String] {
        var problems: [String] = []
        for language in catalog.languages where templates.language(language) == nil {
            problems.append(
                "\(templates.origin)/snippets/languages/\(language)/language.yaml (the catalog has SDKs for \(language))"
            )
        }
        for wireProtocol in catalog.protocols {
            for language in languages
            where !templates.hasTemplate(recipe: Recipe.defaultID, language: language, protocolID: wireProtocol.id) {
                problems.append(
                    templates.templatePath(recipe: Recipe.defaultID, language: language, protocolID: wireProtocol.id))
            }
        }
        for recipe in templates.recipes where recipe.id != Recipe.defaultID {
            for language in languages {
                let capable = catalog.protocols.filter { wireProtocol in
                    recipe.needs.map { wireProtocol.features.contains($0) } ?? true
                }
                let covered = capable.filter {
                    templates.hasTemplate(recipe: recipe.id, language: language, protocolID: $0.id)
                }
                guard !covered.isEmpty else { continue }  // the recipe is not written in this language
                for wireProtocol in capable where !covered.contains(wireProtocol) {
                    problems.append(
                        templates.templatePath(recipe: recipe.id, language: language, protocolID: wireProtocol.id))
                }
            }
        }
        return problems
    }

    /// The `reasoning` context of a recipe: the depth the model is asked for, or false.
    private func reasoningContext(_ request: SnippetRequest, recipe: Recipe, protocolID: String) throws(SnippetError)
        -> (value: TemplateValue, maxTokens: Int?)
    {
        guard recipe.needs == "reasoning" else {
            if request.effort != nil {
                throw .invalidValue(
                    InvalidValue("--effort sets the depth of the reasoning recipe; add --recipe reasoning"))
            }
            return (false, nil)
        }
        guard let reasoning = catalog.model(id: request.model)?.reasoning else { return (false, nil) }
        let escapers = templates.language(request.language)?.escapers ?? [:]
        func value(_ name: String, _ text: String) -> TemplateValue {
            .custom(UntrustedText(name: name, value: text, escapers: escapers))
        }
        switch reasoning.style {
        case .budget:
            if let effort = request.effort {
                throw .invalidValue(
                    InvalidValue(
                        "\(request.model) takes a thinking budget in tokens, not an effort (\(effort.debugDescription)); use --thinking N"
                    ))
            }
            let budget = request.thinkingBudget ?? reasoning.defaultBudget ?? Self.minimumThinkingBudget
            return (["budget": .int(budget)], budget + Self.answerTokens)
        case .effort, .adaptive, .level:
            let level = request.effort ?? reasoning.defaultLevel ?? reasoning.levels[0]
            guard reasoning.levels.contains(level) else {
                throw .invalidValue(
                    InvalidValue(
                        "\(request.model) takes the reasoning depths \(reasoning.levels.joined(separator: ", ")), not \(level.debugDescription)"
                    ))
            }
            if request.thinkingBudget != nil {
                throw .invalidValue(
                    InvalidValue(
                        "\(request.model) sets its reasoning by \(reasoning.style.rawValue) (\(reasoning.levels.joined(separator: ", "))), not by a token budget; use --effort"
                    ))
            }
            return (
                [
                    reasoning.style.rawValue: value("reasoning.\(reasoning.style.rawValue)", level),
                    "levels": value("reasoning.levels", reasoning.levels.joined(separator: ", ")),
                ], Self.adaptiveMaxTokens
            )
        }
    }

    /// `max_tokens` of reasoning snippets whose depth is a level: room to think and answer, below
    /// the anthropic SDK's limit for non-streaming requests.
    static let adaptiveMaxTokens = 16_000

    private func validateOptions(_ request: SnippetRequest, protocolID: String) throws(SnippetError) {
        let anthropic = "anthropic-messages"
        if let budget = request.thinkingBudget {
            if request.recipe == Recipe.defaultID {
                guard protocolID == anthropic else {
                    throw .optionNeedsProtocol(option: "--thinking", protocolID: protocolID, required: anthropic)
                }
                if let reasoning = catalog.model(id: request.model)?.reasoning, reasoning.style != .budget {
                    throw .invalidValue(
                        InvalidValue(
                            "\(request.model) does not take a thinking budget; it sets its reasoning by \(reasoning.style.rawValue) (\(reasoning.levels.joined(separator: ", "))): use --recipe reasoning --effort LEVEL"
                        ))
                }
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
        if request.cache, protocolID != anthropic || request.recipe != Recipe.defaultID {
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
