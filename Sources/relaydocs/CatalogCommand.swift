import ArgumentParser
import RelayCatalog
import RelaySnippets

/// `relaydocs catalog`: show or check a catalog (the default), or import models into one.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Print the catalog's providers, protocols and models, check a catalog file, or import models.",
        discussion: "`relaydocs catalog import` adds the models a relay lists to a catalog file.",
        subcommands: [CatalogShowCommand.self, CatalogImportCommand.self],
        defaultSubcommand: CatalogShowCommand.self
    )
}

/// `relaydocs catalog [show]`: print or check a catalog.
struct CatalogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the catalog's providers, protocols and models, or check a catalog file (the default)."
    )

    @Option(help: ArgumentHelp("A catalog YAML file to print instead of the built-in one.", valueName: "file"))
    var catalog: String?

    @Option(
        help: ArgumentHelp(
            "Validate this catalog file (and that the templates cover its protocols); print every problem with its line.",
            valueName: "file"))
    var check: String?

    @Option(help: ArgumentHelp("A templates folder to check the catalog against.", valueName: "dir"))
    var templates: String?

    @Option(help: "The locale of the notes: zh or en.")
    var locale = "en"

    func run() throws {
        try reportingFailures {
            if let check {
                let loaded = try loadCatalog(path: check)
                let generator = SnippetGenerator(
                    catalog: loaded, templates: try loadTemplateSet(folder: templates).snippets)
                let missing = generator.missingTemplates()
                guard missing.isEmpty else {
                    throw Failure(
                        missing.map { "\(check): error: no template \($0) for a protocol of the catalog" }.joined(
                            separator: "\n"))
                }
                print(
                    "\(check): ok: \(loaded.providers.count) providers, \(loaded.protocols.count) protocols, \(loaded.sdks.count) SDKs, \(loaded.models.count) models"
                )
                return
            }
            print(CatalogTables(catalog: try loadCatalog(path: catalog), locale: locale).text, terminator: "")
        }
    }
}
