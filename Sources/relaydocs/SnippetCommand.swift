import ArgumentParser
import RelayCatalog
import RelaySnippets

/// `relaydocs snippet`: one snippet on standard output.
struct SnippetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snippet",
        abstract: "Print one quick-start snippet for a model.",
        discussion: """
            Without --protocol the model's native protocol is used; a model the catalog does not
            list is served through openai-chat. Without --key the catalog's placeholder key is shown.
            """
    )

    @Option(help: "The model id, such as claude-sonnet-4-20250514.")
    var model: String

    @Option(name: .customLong("lang"), help: "The language: python, curl or swift.")
    var language: Language

    @Option(
        name: .customLong("protocol"), help: "openai-chat, openai-responses, anthropic-messages or gemini-generate.")
    var protocolID: String?

    @Option(help: "The API key to write into the code (visible ASCII only).")
    var key: String?

    @Option(help: "The prompt to send.")
    var prompt: String?

    @Flag(help: "Stream the reply as it is generated.")
    var stream = false

    @Option(
        name: .customLong("thinking"),
        help: ArgumentHelp("Anthropic extended thinking with this token budget (at least 1024).", valueName: "budget"))
    var thinkingBudget: Int?

    @Flag(help: "Anthropic prompt caching: mark the prompt with cache_control.")
    var cache = false

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingFailures {
            let generator = try sources.load()
            let resolution = try generator.resolve(model: model)
            if let note = resolution.note { printError(note) }
            let snippet = try generator.snippet(
                for: SnippetRequest(
                    model: model, language: language, protocolID: protocolID, key: try parseKey(key), prompt: prompt,
                    stream: stream, thinkingBudget: thinkingBudget, cache: cache), resolution: resolution)
            print(snippet.code, terminator: "")
        }
    }
}
