import ArgumentParser
import RelayCatalog
import RelaySnippets

/// `relaydocs models`: the catalog's models, their protocols and what each can do.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "Print the models with their protocols (native first), features and the recipes each can do.",
        discussion: """
            --format json prints, for each model, its features, how it reasons and, through each \
            protocol, the recipes it has snippets for in which languages: what relaydocs mcp's \
            list_models tool answers.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
        case text
    }

    @Option(help: "json or text.")
    var format: Format = .text

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingFailures {
            let list = ModelList(generator: try sources.load())
            print(format == .json ? list.json : list.text, terminator: "")
        }
    }
}
