import ArgumentParser
import RelayCatalog
import RelaySnippets

/// `relaydocs domains`: the domain rules, each provider's base URL and the relay's that replaces it.
struct DomainsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "domains",
        abstract: "Print the domain rules: each provider's original base URL and the relay base URL that replaces it.",
        discussion: "The Providers table of relaydocs catalog; what relaydocs mcp's domain_rules tool answers."
    )

    @Option(help: "The locale of the notes: zh or en.")
    var locale = "en"

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingFailures {
            print(CatalogTables(catalog: try sources.load().catalog, locale: locale).domains, terminator: "")
        }
    }
}
