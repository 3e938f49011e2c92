import Foundation
import MCP
import RelaySnippets

/// MCP's streamable HTTP transport for `relaydocs serve` (`/mcp`), independent of the HTTP server:
/// the server hands each request in as the SDK's `HTTPRequest` and writes the `HTTPResponse` back.
///
/// The SDK's framework-agnostic `StatelessHTTPServerTransport` does the protocol's HTTP side
/// (JSON-RPC over POST, the Accept, Content-Type and protocol-version checks, 202 for
/// notifications, 405 with `Allow: POST` for GET and DELETE); this type only gives each POST a
/// fresh SDK `Server` over the current catalog and templates and stops it when the answer is out.
/// Stateless, not the SDK's stateful transport with sessions, because:
/// - every tool is a pure function of its arguments and the server sends nothing on its own, so a
///   session would carry no state, and one `Server` per POST is what lets any number of clients
///   call at once (a shared stateless `Server` refuses a second `initialize`, and two clients'
///   JSON-RPC ids would meet in one transport);
/// - the stateful transport keeps every response of a session for replay, and `get_snippet`'s
///   responses hold the user's key: stateless, no key outlives its request;
/// - a rebuilt catalog (under `relaydocs serve`'s watch) is used from the next request on.
public struct MCPHTTPEndpoint: Sendable {
    /// The catalog and templates to answer from; nil while the site has not built yet.
    let generator: @Sendable () async -> SnippetGenerator?
    let validation: StandardValidationPipeline

    /// An endpoint.
    ///
    /// - Parameters:
    ///   - allowedOrigins: the browser origins (`Origin` header) allowed besides loopback ones;
    ///     requests without an `Origin` (agents, command lines) are always allowed.
    ///   - loopbackOnly: whether the server listens on loopback only; then the `Host` header must
    ///     name loopback too, which stops DNS rebinding.
    public init(
        allowedOrigins: [String], loopbackOnly: Bool, generator: @escaping @Sendable () async -> SnippetGenerator?
    ) {
        self.generator = generator
        validation = StandardValidationPipeline(validators: [
            OriginCheck(allowedOrigins: allowedOrigins, loopbackOnly: loopbackOnly),
            AcceptHeaderValidator(mode: .jsonOnly),
            ContentTypeValidator(),
            ProtocolVersionValidator(),
        ])
    }

    /// Whether an address to listen on (`--host`) is loopback only.
    public static func isLoopback(address: String) -> Bool {
        ["localhost", "::1", "[::1]"].contains(address) || address.hasPrefix("127.")
    }

    /// The answer to one HTTP request to the endpoint.
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let transport = StatelessHTTPServerTransport(validationPipeline: validation)
        guard request.method.uppercased() == "POST" else { return await transport.handleRequest(request) }
        guard let generator = await generator() else {
            return .error(statusCode: 503, .internalError("the site has not built yet"))
        }
        let server = await RelayMCPServer(generator: generator).makeServer()
        do {
            try await server.start(transport: transport)
        } catch {
            return .error(statusCode: 500, .internalError("the MCP server did not start"))
        }
        let response = await transport.handleRequest(request)
        await server.stop()
        return response
    }
}

/// The `Origin` (and, on loopback, `Host`) check the streamable HTTP transport asks for: a
/// browser page may call only from a loopback origin or one on the allow-list.
struct OriginCheck: HTTPRequestValidator {
    let allowedOrigins: [String]
    let loopbackOnly: Bool

    static let loopbackHosts = ["127.0.0.1", "localhost", "[::1]"]

    func validate(_ request: HTTPRequest, context: HTTPValidationContext) -> HTTPResponse? {
        if loopbackOnly, let host = request.header(HTTPHeaderName.host), !Self.isLoopback(host: host) {
            return .error(statusCode: 421, .invalidRequest("Misdirected Request: Host header not allowed"))
        }
        if let origin = request.header(HTTPHeaderName.origin), !allowedOrigins.contains(origin) {
            let hostPart = origin.hasPrefix("http://") ? String(origin.dropFirst("http://".count)) : nil
            guard let hostPart, Self.isLoopback(host: hostPart) else {
                return .error(statusCode: 403, .invalidRequest("Forbidden: Origin not allowed"))
            }
        }
        return nil
    }

    /// `127.0.0.1`, `localhost` or `[::1]`, with or without a port.
    static func isLoopback(host: String) -> Bool {
        loopbackHosts.contains { name in
            let port = host.dropFirst(name.count + 1)
            return host == name || (host.hasPrefix(name + ":") && !port.isEmpty && port.allSatisfy(\.isNumber))
        }
    }
}
