import ArgumentParser
import Foundation
import RelayCatalog
import RelayDefaults
import RelayServer
import RelaySite
import RelaySnippets

/// `relaydocs benchmark`: the in-process measurements `make bench` prints (not tests).
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure a one-page rebuild (the path serve uses) and snippet rendering; prints JSON.",
        shouldDisplay: false
    )

    @Option(help: ArgumentHelp("The content folder to rebuild.", valueName: "dir"))
    var content: String

    @Option(help: ArgumentHelp("The page (below the content folder) to edit between builds.", valueName: "path"))
    var page: String

    @Option(help: "How many one-page rebuilds to time (the median is printed).")
    var runs = 5

    @Option(help: "How long to render snippets, in seconds.")
    var snippetSeconds = 2.0

    func run() async throws {
        let content = self.content
        // What serve does on every change: read the catalog and templates, then rebuild.
        let catalogPath = siteCatalogPath(content: content, option: nil)
        let site = LiveSite {
            let made = try siteBuilder(content: content, output: "", catalogPath: catalogPath, templates: nil)
            return SiteInputs(builder: made.builder, generator: made.generator)
        }
        // The first build renders everything; it is the full in-memory build.
        if let failure = await site.rebuild() { throw Failure(failure) }
        let full = await site.lastRebuild.seconds
        let file = URL(fileURLWithPath: content).appendingPathComponent(page)
        let original = try String(contentsOf: file, encoding: .utf8)
        defer { try? original.write(to: file, atomically: true, encoding: .utf8) }
        var times: [Double] = []
        var rendered = 0
        var laidOut = 0
        for run in 0..<runs {
            try (original + "\nEdited for the benchmark, run \(run).\n").write(
                to: file, atomically: true, encoding: .utf8)
            if let failure = await site.rebuild() { throw Failure(failure) }
            let last = await site.lastRebuild
            times.append(last.seconds)
            rendered = last.rendered
            laidOut = last.laidOut
        }
        times.sort()

        // Snippets per second in one process.
        guard let generator = await site.inputs?.generator else { throw Failure("the site did not build") }
        let catalog = generator.catalog
        let requests = catalog.models.flatMap { model in
            model.protocolIDs.flatMap { protocolID in
                generator.languages.map {
                    SnippetRequest(model: model.id, language: $0, protocolID: protocolID, stream: true)
                }
            }
        }
        let key = try APIKey("sk-bench-'\"$(id)")
        var count = 0
        let started = Date()
        while Date().timeIntervalSince(started) < snippetSeconds {
            for var request in requests {
                request.key = key
                _ = try generator.snippet(for: request)
                count += 1
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        let result: [String: Any] = [
            "fullBuildSeconds": full, "rebuildSeconds": times[times.count / 2], "rebuildRendered": rendered,
            "rebuildLaidOut": laidOut, "snippetsPerSecond": Double(count) / elapsed,
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
