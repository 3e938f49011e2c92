import ArgumentParser
import Foundation
import RelayCatalog
import RelaySnippets

/// `relaydocs snippets`: every snippet of a model, as JSON or text.
struct SnippetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snippets",
        abstract:
            "Print every snippet of a model and recipe: each protocol it accepts × each language × plain and stream."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
        case text
    }

    @Option(help: "The model id, such as claude-sonnet-4-20250514.")
    var model: String

    @Option(
        help: ArgumentHelp(
            "What the snippets show: hello, reasoning, tools, … (relaydocs recipes lists them).", valueName: "id"))
    var recipe: String = Recipe.defaultID

    @Option(help: "The API key to write into the code (visible ASCII only).")
    var key: String?

    @Option(help: "The prompt to send.")
    var prompt: String?

    @Option(help: "json (an array of snippet objects) or text.")
    var format: Format = .text

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingFailures {
            let generator = try sources.load()
            let resolution = try generator.resolve(model: model)
            if let note = resolution.note { printError(note) }
            let snippets = try generator.snippets(model: model, recipe: recipe, key: try parseKey(key), prompt: prompt)
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(snippets), as: UTF8.self))
            case .text:
                for (index, snippet) in snippets.enumerated() {
                    if index > 0 { print() }
                    let mode = snippet.stream ? "stream" : "plain"
                    print(
                        "==> \(snippet.protocol) · \(snippet.recipe) · \(snippet.language) · \(snippet.sdk) · \(mode)")
                    print(snippet.code, terminator: "")
                }
            }
        }
    }
}
