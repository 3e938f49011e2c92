import ArgumentParser
import Foundation
import RelayCatalog
import RelayDefaults
import RelaySite

/// `relaydocs init`: a new docs project for a relay, from the default site built into the binary.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a docs project for a relay: site.yaml, catalog.yaml and the starter pages.",
        discussion: """
            Writes the default site into DIR for your relay: site.yaml with your title and locales, \
            catalog.yaml with your relay's name and origin (each provider keeps its path; edit \
            providers, protocols and models there, or add models with `relaydocs catalog import`), \
            and every starter page of the chosen locales. Then `relaydocs build --content DIR` \
            builds it and `relaydocs serve --content DIR` previews it. DIR may exist, but nothing in \
            it is overwritten: a folder that already has site.yaml or catalog.yaml is refused.
            """
    )

    @Argument(help: ArgumentHelp("The folder to create the project in.", valueName: "dir"))
    var folder: String

    @Option(help: "The relay's name, for the site title and the pages (default: the folder's name).")
    var name: String?

    @Option(help: ArgumentHelp("Where the relay is served, such as https://api.example.com.", valueName: "url"))
    var origin = "https://api.example.com"

    @Option(
        help: ArgumentHelp(
            "The locales to keep, comma-separated, the first the default (default: every locale of the starter content: zh,en).",
            valueName: "codes"))
    var locales: String?

    var codes: [String]? { locales.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } }
    var relayName: String { name ?? URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent }

    /// The project's files; a bad origin, name or locale is a usage error.
    func project() throws -> [String: Data] {
        do throws(InvalidValue) {
            let origin: RelayOrigin
            do {
                origin = try RelayOrigin(self.origin)
            } catch {
                throw InvalidValue("--origin: \(error.message)")
            }
            return try StarterProject.files(
                from: DefaultResources.content, options: .init(name: relayName, origin: origin, locales: codes))
        } catch {
            throw ValidationError(error.message)
        }
    }

    func validate() throws { _ = try project() }

    func run() throws {
        let files = try project()
        let name = relayName
        let codes = self.codes
        try reportingFailures {
            do throws(InvalidValue) {
                try StarterProject.write(files, to: folder)
            } catch {
                throw Failure(error.message)
            }
            let pages = files.keys.filter { $0.hasSuffix(".md") }.count
            let chosen = codes ?? (try? StarterProject.locales(in: DefaultResources.content)) ?? []
            print(
                "created \(folder): site.yaml, catalog.yaml (\(name) at \(origin)), \(pages) pages in \(chosen.joined(separator: ", "))"
            )
            print("next: relaydocs build --content \(folder)   (or relaydocs serve --content \(folder) to preview)")
        }
    }
}
