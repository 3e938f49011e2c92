import ArgumentParser
import RelayCatalog
import RelaySnippets

/// `relaydocs setup`: what to write, run and type in to point one client at the relay.
struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Print how to set up a client (coding agent, app, framework or SDK) to use the relay.",
        discussion: """
            Prints the files to write (such as ~/.codex/config.toml), the shell lines to run, the \
            fields to type into an app and the requests the client then makes, filled in with the \
            model and key. --format json prints one object: {"client", "protocol", "model", \
            "files": [{"path", "language", "content"}], "commands": [...], "settings": [{"name", \
            "value"}], "requests": [{"method", "url"}]}. relaydocs clients lists the clients. An \
            unknown client, or a model the client cannot use, is a usage error (exit 64).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Option(
        help: ArgumentHelp(
            "The client, such as claude-code or codex-cli (relaydocs clients lists them).", valueName: "id"))
    var client: String

    @Option(help: "The model (default: the first of the catalog the client speaks natively).")
    var model: String?

    @Option(help: "The API key to write into the set-up (visible ASCII only).")
    var key: String?

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingFailures {
            try write(try sources.load().setupCommand(client: client, model: model, key: key, json: format == .json))
        }
    }
}
