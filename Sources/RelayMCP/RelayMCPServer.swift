import Foundation
import Logging
import MCP
import RelaySnippets

/// `relaydocs mcp`: the relay's code and tables as Model Context Protocol tools, on the
/// modelcontextprotocol/swift-sdk `Server`.
///
/// Each call answers what the command line prints for the same input. No argument is ever logged:
/// the server logs nothing about calls, and the SDK's log lines reach standard error without their
/// metadata (see ``MessageOnlyLogHandler``).
public struct RelayMCPServer: Sendable {
    /// The name and version clients see.
    public static let name = "relaydocs"
    public static let version = "1.0.0"

    /// The catalog and templates the tools answer from.
    public let generator: SnippetGenerator
    /// The tools, made once from the generator.
    public let tools: [any RelayTool]

    /// A server over the generator's catalog and templates.
    public init(generator: SnippetGenerator, tools: [RelayTools.Maker] = RelayTools.all) {
        self.generator = generator
        self.tools = tools.map { $0(generator) }.filter { !($0 is GetSetupTool) || !generator.clients.isEmpty }
    }

    /// What the server tells agents it is for.
    var instructions: String {
        """
        Code and settings for \(generator.catalog.relay.name), an API relay for OpenAI, Anthropic and Gemini \
        models at \(generator.catalog.relay.origin). list_models tells what each model can do and through which \
        protocols; get_snippet writes verified code for a model, language and protocol (with the user's key when \
        given); domain_rules gives the base URL that replaces each provider's; get_setup sets up a coding agent, \
        app, framework or SDK to use the relay.
        """
    }

    /// The answer to one `tools/call`.
    public func call(_ name: String, arguments: [String: Value]?) throws(MCPError) -> CallTool.Result {
        guard let tool = tools.first(where: { $0.name == name }) else {
            throw MCPError.invalidParams(
                "unknown tool \(name.debugDescription); expected one of \(tools.map(\.name).joined(separator: ", "))")
        }
        let output: CommandOutput
        do {
            output = try tool.call(try ToolArguments(arguments, allowed: tool.argumentNames))
        } catch {
            output = error.output
        }
        return Self.result(output)
    }

    /// A command's output as a tool result: standard output as the first text, standard error (a
    /// note) as a second; a failure is an error result holding the error lines.
    static func result(_ output: CommandOutput) -> CallTool.Result {
        func text(_ text: String) -> Tool.Content { .text(text: text, annotations: nil, _meta: nil) }
        if output.failed { return CallTool.Result(content: [text(output.standardError)], isError: true) }
        var content = [text(output.standardOutput)]
        if !output.standardError.isEmpty { content.append(text(output.standardError)) }
        return CallTool.Result(content: content, isError: false)
    }

    /// An SDK server with the tools' handlers, not yet started.
    public func makeServer() async -> Server {
        let server = Server(
            name: Self.name, version: Self.version, title: "\(generator.catalog.relay.name) docs",
            instructions: instructions, capabilities: .init(tools: .init(listChanged: false)))
        let definitions = tools.map(\.definition)
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: definitions) }
        await server.withMethodHandler(CallTool.self) { [self] parameters in
            try call(parameters.name, arguments: parameters.arguments)
        }
        return server
    }

    /// Serves over standard input and output until the client closes standard input.
    public func serveStandardIO(logger: Logger) async throws {
        let server = await makeServer()
        try await server.start(transport: StdioTransport(logger: logger))
        await server.waitUntilCompleted()
    }
}

/// Writes log lines to standard error with their level and message only: the SDK puts what it
/// was handling (errors, sizes, ids) into metadata, which is left out, so no argument of a call can
/// reach the log.
public struct MessageOnlyLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    let label: String

    public init(label: String, level: Logger.Level = .warning) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        FileHandle.standardError.write(Data("\(label): \(event.level): \(event.message)\n".utf8))
    }
}
