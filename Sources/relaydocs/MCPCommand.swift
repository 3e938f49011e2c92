import ArgumentParser
import Logging
import RelayMCP

/// `relaydocs mcp`: the relay's code and tables as Model Context Protocol tools, over standard
/// input and output.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the catalog's code and tables as MCP tools to a coding agent, over standard input and output.",
        discussion: """
            Tools: list_models (relaydocs models --format json), get_snippet (relaydocs snippet), domain_rules \
            (relaydocs domains). Each answers what the command prints for the same input, errors included; \
            --catalog, --templates and --origin apply as they do there. relaydocs serve offers the same tools \
            over streamable HTTP at /mcp. No argument of a call (such as a key) is ever logged.
            """
    )

    @OptionGroup var sources: SourceOptions

    @Option(
        help: "The lowest level of the SDK's log lines on standard error: trace, debug, info, notice, warning, error.")
    var logLevel: String = "warning"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level: expected trace, debug, info, notice, warning, error or critical")
        }
        var loaded: RelayMCPServer?
        try reportingFailures { loaded = RelayMCPServer(generator: try sources.load()) }
        guard let server = loaded else { return }
        let logger = Logger(label: "relaydocs mcp") { label in MessageOnlyLogHandler(label: label, level: level) }
        try await server.serveStandardIO(logger: logger)
    }
}
