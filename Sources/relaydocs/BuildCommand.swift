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
            Builds into a temporary folder and replaces the output folder only when the whole build \
            worked; every problem (broken links and anchors, unknown models in snippet blocks, bad \
            front matter) is reported as file:line, and the previous site is left as it was.

            When nothing the site is built from (the content and templates folders, the catalog, \
            these options, this relaydocs) and nothing in the output folder has changed since the \
            last build into it, the build says so and leaves the site as it is; --force builds \
            it anyway. What the last build read and wrote is kept in the user's cache folder \
            ($XDG_CACHE_HOME/relaydocs/builds, else ~/.cache/relaydocs/builds), never in the site.
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

    @Flag(help: "Build even when nothing has changed since the last build into the output folder.")
    var force = false

    func run() throws {
        try reportingFailures {
            let catalogPath = siteCatalogPath(content: content, option: catalog)
            let started = BuildStamp.now
            let listInputs = { @Sendable [content, templates, out] in
                BuildStamp(
                    folders: [content] + (templates.map { [$0] } ?? []), files: catalogPath.map { [$0] } ?? [],
                    words: [
                        "content " + content, "catalog " + (catalogPath ?? "built in"),
                        "templates " + (templates ?? "built in"),
                    ],
                    output: out, started: started)
            }
            let makeBuilder = { @Sendable [content, templates, out] in
                try siteBuilder(content: content, output: out, catalogPath: catalogPath, templates: templates).builder
            }
            let stamp: BuildStamp
            let builder: SiteBuilder
            if !force, BuildStamp.mayBeUpToDate(output: out) {
                // Listed before anything is read, and nothing more done when nothing changed.
                stamp = listInputs()
                if stamp.isUpToDate {
                    printError(
                        "\(out)/ is up to date: nothing it is built from has changed since its last build (--force builds it again)"
                    )
                    return
                }
                builder = try makeBuilder()
            } else {
                // A build that cannot be up to date lists its inputs while it reads the catalog and
                // templates; an input changed after `started` keeps the stamp from being saved.
                let (listed, made) = both(listInputs, makeBuilder)
                stamp = try listed.get()
                builder = try made.get()
            }
            do throws(SiteBuildError) {
                let summary = try builder.build { printError($0) }
                stamp.save()
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
