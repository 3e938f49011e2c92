import RelayCatalog

/// The options of `relaydocs snippet`, as the user typed them: the one reading of them that the
/// command line and `relaydocs mcp`'s `get_snippet` share, so both answer (and refuse) alike.
public struct SnippetArguments: Sendable, Equatable {
    /// `--model`.
    public var model: String
    /// `--lang`: a language id, checked against the templates.
    public var language: String
    /// `--protocol`; nil for the model's native protocol.
    public var protocolID: String?
    /// `--recipe`.
    public var recipe: String
    /// `--effort`.
    public var effort: String?
    /// `--key`, as typed: checked here, so the error names `--key`.
    public var key: String?
    /// `--prompt`.
    public var prompt: String?
    /// `--stream`.
    public var stream: Bool
    /// `--thinking`.
    public var thinkingBudget: Int?
    /// `--cache`.
    public var cache: Bool
    /// `--image`: the vision recipe's image, a file path or an http(s) URL.
    public var image: String?

    /// Arguments with the command's defaults for what is not given.
    public init(
        model: String, language: String, protocolID: String? = nil, recipe: String = Recipe.defaultID,
        effort: String? = nil, key: String? = nil, prompt: String? = nil, stream: Bool = false,
        thinkingBudget: Int? = nil, cache: Bool = false, image: String? = nil
    ) {
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
        self.image = image
    }
}

extension SnippetGenerator {
    /// What `relaydocs snippet` prints for these arguments: the code on standard output, and on
    /// standard error the note about a model the catalog does not list, or the error.
    ///
    /// The checks come in the command's order: the model, then the key, then the snippet itself.
    /// No message names the key's value.
    public func snippetCommand(_ arguments: SnippetArguments) -> CommandOutput {
        var notes = ""
        do throws(SnippetError) {
            let resolution = try resolve(model: arguments.model)
            if let note = resolution.note { notes += note + "\n" }
            var key: APIKey?
            if let text = arguments.key {
                do {
                    key = try APIKey(text)
                } catch {
                    throw .invalidValue(InvalidValue("--key: \(error.message)"))
                }
            }
            let snippet = try snippet(
                for: SnippetRequest(
                    model: arguments.model, language: Language(rawValue: arguments.language),
                    protocolID: arguments.protocolID, recipe: arguments.recipe, key: key, prompt: arguments.prompt,
                    stream: arguments.stream, thinkingBudget: arguments.thinkingBudget, cache: arguments.cache,
                    effort: arguments.effort, image: arguments.image),
                resolution: resolution)
            return CommandOutput(standardOutput: snippet.code, standardError: notes)
        } catch {
            return .failure(error, after: notes)
        }
    }
}
