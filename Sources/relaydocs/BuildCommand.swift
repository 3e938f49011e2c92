import ArgumentParser
import Foundation
import RelayCatalog
import RelayDefaults
import RelaySite
import RelaySnippets

/// `relaydocs build`: the static docs site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static docs site from Markdown, the catalog and the layout templates.",
        discussion: """
            Builds into a temporary folder and replaces the output folder only when the whole build
            worked; every problem (broken links and anchors, unknown models in snippet blocks, bad
            front matter) is reported as file:line, and the previous site is left as it was.
            """
    )

    @Option(help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "content"

    @Option(help: ArgumentHelp("The output folder.", valueName: "dir"))
    var out = "site"

    @Option(
        help: ArgumentHelp(
            "The catalog (default: catalog.yaml in the content folder, else the built-in one).", valueName: "file"))
    var catalog: String?

    @Option(
        help: ArgumentHelp(
            "A folder laid out like templates/ (snippets/ and site/) instead of the built-in templates.",
            valueName: "dir"))
    var templates: String?

    func run() throws {
        try reportingFailures {
            let builder = try siteBuilder(
                content: content, output: out, catalogPath: siteCatalogPath(content: content, option: catalog),
                templates: templates
            ).builder
            do throws(SiteBuildError) {
                let summary = try builder.build { printError($0) }
                let seconds = String(format: "%.2f", summary.seconds)
                printError(
                    "built \(summary.pages) pages in \(summary.locales) locale\(summary.locales == 1 ? "" : "s") into \(summary.output)/ in \(seconds) s"
                )
            } catch {
                throw Failure(error.description)
            }
        }
    }
}
