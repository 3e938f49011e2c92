import RelayCatalog

/// What a user asks for: one model, language, protocol and recipe, with their key and prompt.
public struct SnippetRequest: Sendable, Equatable, CustomStringConvertible {
    /// The model id; a model the catalog does not list is served through `openai-chat`.
    public var model: String
    public var language: Language
    /// The protocol; `nil` picks the model's native protocol.
    public var protocolID: String?
    /// What the snippet shows: `hello` (one prompt, one answer), `reasoning`, `tools`, …
    public var recipe: String
    /// The user's key; `nil` uses the catalog's placeholder key.
    public var key: APIKey?
    /// The prompt; `nil` uses the catalog's default prompt.
    public var prompt: String?
    /// Whether the snippet streams the reply as it is generated.
    public var stream: Bool
    /// Anthropic extended thinking with this token budget.
    public var thinkingBudget: Int?
    /// Anthropic prompt caching of the prompt.
    public var cache: Bool
    /// The reasoning depth of the `reasoning` recipe, one of the model's levels; `nil` takes the
    /// catalog's default.
    public var effort: String?
    /// The image of the `vision` recipe, a file path or an http(s) URL; `nil` takes the recipe's.
    public var image: String?

    /// Creates a request.
    public init(
        model: String, language: Language, protocolID: String? = nil, recipe: String = Recipe.defaultID,
        key: APIKey? = nil, prompt: String? = nil, stream: Bool = false, thinkingBudget: Int? = nil,
        cache: Bool = false, effort: String? = nil, image: String? = nil
    ) {
        self.image = image
        self.model = model
        self.language = language
        self.protocolID = protocolID
        self.recipe = recipe
        self.effort = effort
        self.key = key
        self.prompt = prompt
        self.stream = stream
        self.thinkingBudget = thinkingBudget
        self.cache = cache
    }

    /// `python anthropic-messages claude-sonnet-4-20250514 tools stream`, without the key.
    public var description: String {
        var words = ["\(language)", protocolID ?? "(native)", model, recipe, stream ? "stream" : "plain"]
        if thinkingBudget != nil { words.append("thinking") }
        if cache { words.append("cache") }
        if let effort { words.append("effort=\(effort)") }
        if let image { words.append("image=\(image.hasPrefix("http") ? "url" : "file")") }
        return words.joined(separator: " ")
    }
}

/// One rendered snippet and what it was made for.
public struct Snippet: Sendable, Equatable, Codable {
    public var language: Language
    /// The package the snippet uses, such as `openai` or `curl`.
    public var sdk: String
    /// The version range of the package the snippet is written for.
    public var sdkVersions: String
    /// The protocol id, such as `anthropic-messages`.
    public var `protocol`: String
    /// The recipe, such as `hello`.
    public var recipe: String
    public var model: String
    public var stream: Bool
    /// The extended-thinking budget, if the snippet asks for thinking.
    public var thinking: Int?
    /// Whether the snippet marks the prompt for caching.
    public var cache: Bool
    /// The code, ending in a newline.
    public var code: String

    /// Creates a snippet.
    public init(
        language: Language, sdk: String, sdkVersions: String, protocol: String, recipe: String = Recipe.defaultID,
        model: String, stream: Bool, thinking: Int?, cache: Bool, code: String
    ) {
        self.language = language
        self.sdk = sdk
        self.sdkVersions = sdkVersions
        self.protocol = `protocol`
        self.recipe = recipe
        self.model = model
        self.stream = stream
        self.thinking = thinking
        self.cache = cache
        self.code = code
    }
}
