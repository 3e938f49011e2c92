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
            Serves the catalog's protocols at its paths on 127.0.0.1 and answers like the real APIs, \
            refusals included; prints each request (keys masked) as it arrives. Point code at the \
            printed origin with one of the --key values. Stop it with Ctrl-C.

            Web pages may call it, as they may call relays such as new-api: every answer carries \
            Access-Control-Allow-Origin: *, and preflights (OPTIONS) are answered. --cors deny \
            answers like a relay without CORS, for trying what a page (the docs' key page) says then.
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

    @Option(
        help: ArgumentHelp(
            "Whether web pages may call it: \(StandInRelay.CORS.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "cors"))
    var cors: String = StandInRelay.CORS.allow.rawValue

    @Flag(help: "Print each request's headers too (keys masked).")
    var showHeaders = false

    func run() async throws {
        guard let mode = StandInRelay.Mode(rawValue: mode) else {
            throw ValidationError(
                "--mode: expected one of \(StandInRelay.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let cors = StandInRelay.CORS(rawValue: cors) else {
            throw ValidationError(
                "--cors: expected one of \(StandInRelay.CORS.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let loaded = try loadCatalog(path: catalog)
        let relay = try await StandInRelay.start(catalog: loaded, port: port, cors: cors)
        for key in key { await relay.allow(key: key, mode: mode) }
        Self.emit(
            "stand-in relay at \(relay.origin) (\(mode.rawValue), CORS \(cors.rawValue)); keys: \(key.map(APIKey.mask).joined(separator: ", "))"
        )
        var seen = 0
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(200))
            let requests = await relay.requests()
            for request in requests.dropFirst(seen) {
                var line =
                    "\(request.method) \(request.path)\(request.query.map { "?" + $0 } ?? "") -> \(request.status)"
                if showHeaders {
                    for header in request.headers { line += "\n  \(header.name): \(Self.shown(header))" }
                }
                for secret in key { line = line.replacingOccurrences(of: secret, with: APIKey.mask(secret)) }
                Self.emit(line)
            }
            seen = requests.count
        }
    }

    /// Writes a line to standard output at once (print's buffer would hold it back from a pipe).
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A header's value as printed: the key headers' values masked, whatever key they carry.
    static func shown(_ header: RecordedRequest.Header) -> String {
        switch header.name.lowercased() {
        case "authorization":
            let parts = header.value.split(separator: " ", maxSplits: 1).map(String.init)
            return parts.count == 2 ? parts[0] + " " + APIKey.mask(parts[1]) : APIKey.mask(header.value)
        case "x-api-key", "x-goog-api-key": return APIKey.mask(header.value)
        default: return header.value
        }
    }
}
