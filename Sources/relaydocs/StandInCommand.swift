import ArgumentParser
import Foundation
import RelayCatalog
import StandInRelay

/// `relaydocs stand-in`: the stand-in relay that `verify` runs snippets against, on its own, to
/// try code by hand.
struct StandInCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stand-in",
        abstract: "Run the local stand-in relay that verify uses, to try code against it by hand.",
        discussion: """
            Serves the catalog's protocols at its paths on 127.0.0.1 and answers like the real APIs,
            refusals included; prints each request (keys masked) as it arrives. Point code at the
            printed origin with one of the --key values. Stop it with Ctrl-C.
            """
    )

    @Option(help: ArgumentHelp("A catalog YAML file to use instead of the built-in one.", valueName: "file"))
    var catalog: String?

    @Option(help: "The port to listen on (0: a free one).")
    var port = 0

    @Option(help: ArgumentHelp("A key the relay accepts (repeatable).", valueName: "key"))
    var key: [String] = ["sk-stand-in"]

    @Option(
        help: ArgumentHelp(
            "How requests with the keys are answered: \(StandInRelay.Mode.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "mode"))
    var mode: String = StandInRelay.Mode.normal.rawValue

    func run() async throws {
        guard let mode = StandInRelay.Mode(rawValue: mode) else {
            throw ValidationError(
                "--mode: expected one of \(StandInRelay.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let loaded = try loadCatalog(path: catalog)
        let relay = try await StandInRelay.start(catalog: loaded, port: port)
        for key in key { await relay.allow(key: key, mode: mode) }
        print(
            "stand-in relay at \(relay.origin) (\(mode.rawValue)); keys: \(key.map(APIKey.mask).joined(separator: ", "))"
        )
        var seen = 0
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(200))
            let requests = await relay.requests()
            for request in requests.dropFirst(seen) {
                var line =
                    "\(request.method) \(request.path)\(request.query.map { "?" + $0 } ?? "") -> \(request.status)"
                for secret in key { line = line.replacingOccurrences(of: secret, with: APIKey.mask(secret)) }
                print(line)
            }
            seen = requests.count
        }
    }
}
