import ArgumentParser
import RelayCatalog
import RelaySnippets

/// `relaydocs snippet`: one snippet on standard output.
struct SnippetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snippet",
        abstract: "Print one quick-start snippet for a model.",
        discussion: """
            Without --protocol the model's native protocol is used; a model the catalog does not \
            list is served through openai-chat. Without --key the catalog's placeholder key is shown.
            """
    )

    @Option(help: "The model id, such as claude-sonnet-4-20250514.")
    var model: String

    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "The language, such as python, curl, swift, javascript, go or java (relaydocs catalog lists them).",
            valueName: "language"))
    var language: Language

    @Option(
        name: .customLong("protocol"),
        help: ArgumentHelp(
            "The protocol, such as openai-chat or anthropic-messages (default: the model's native one).",
            valueName: "id"))
    var protocolID: String?

    @Option(
        help: ArgumentHelp(
            "What the snippet shows: hello, reasoning, tools, … (relaydocs recipes lists them).", valueName: "id"))
    var recipe: String = Recipe.defaultID

    @Option(
        help: ArgumentHelp(
            "The reasoning depth of --recipe reasoning, one of the model's levels (such as low or high).",
            valueName: "level"))
    var effort: String?

    @Option(
        help: ArgumentHelp(
            "The image of --recipe vision: a file path or an http(s) URL (default: the recipe's).",
            valueName: "path-or-url"))
    var image: String?

    @Option(help: "The API key to write into the code (visible ASCII only).")
    var key: String?

    @Option(help: "The prompt to send.")
    var prompt: String?

    @Flag(help: "Stream the reply as it is generated.")
    var stream = false

    @Option(
        name: .customLong("thinking"),
        help: ArgumentHelp(
            "A thinking budget in tokens (at least 1024): Anthropic extended thinking, or the budget of --recipe reasoning.",
            valueName: "budget"))
    var thinkingBudget: Int?

    @Flag(help: "Anthropic prompt caching: mark the prompt with cache_control.")
    var cache = false

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingFailures {
            try write(
                try sources.load().snippetCommand(
                    SnippetRequest(
                        model: model, language: language, protocolID: protocolID, recipe: recipe, prompt: prompt,
                        stream: stream, thinkingBudget: thinkingBudget, cache: cache, effort: effort, image: image),
                    key: key))
        }
    }
}
