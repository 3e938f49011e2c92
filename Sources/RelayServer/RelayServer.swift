import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RelayMCP
import RelaySite

/// `relaydocs serve`: the docs site with live reload, and the snippet API.
public struct RelayServer: Sendable {
    /// How to serve.
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// Rebuild and reload open pages when a watched file changes.
        public var watch: Bool
        /// Origins (such as `https://console.example.com`) whose pages may call the API.
        public var corsOrigins: [String]
        /// Whether `/mcp` serves the MCP tools (streamable HTTP).
        public var mcp: Bool

        public init(
            host: String = "127.0.0.1", port: Int = 8080, watch: Bool = true, corsOrigins: [String] = [],
            mcp: Bool = true
        ) {
            self.host = host
            self.port = port
            self.watch = watch
            self.corsOrigins = corsOrigins
            self.mcp = mcp
        }
    }

    public let site: LiveSite
    public let options: Options
    public let logger: Logger
    /// The script pages load for live reload (`templates/serve/live-reload.js`).
    public let liveReloadScript: String

    public init(site: LiveSite, options: Options, logger: Logger, liveReloadScript: String) {
        self.site = site
        self.options = options
        self.logger = logger
        self.liveReloadScript = liveReloadScript
    }

    /// The routes: the API, live-reload events and the site's files.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: CORSAllowListMiddleware(origins: options.corsOrigins))
        let site = self.site
        router.get("/api/v1/snippets") { request, _ -> Response in
            guard let inputs = site.current.get() else {
                return Self.json(
                    SnippetAPI.Answer(
                        status: 503, body: Data("{\"error\":{\"message\":\"the site has not built yet\"}}".utf8)))
            }
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            return Self.json(
                SnippetAPI.snippets(
                    query: query, authorization: request.headers[.authorization], generator: inputs.generator,
                    cache: inputs.answerCache))
        }
        router.get("/api/v1/setup") { request, _ -> Response in
            guard let inputs = site.current.get() else {
                return Self.json(
                    SnippetAPI.Answer(
                        status: 503, body: Data("{\"error\":{\"message\":\"the site has not built yet\"}}".utf8)))
            }
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            return Self.json(
                SnippetAPI.setup(
                    query: query, authorization: request.headers[.authorization], generator: inputs.generator,
                    cache: inputs.answerCache))
        }
        if options.mcp {
            let endpoint = MCPHTTPEndpoint(
                allowedOrigins: options.corsOrigins,
                loopbackOnly: MCPHTTPEndpoint.isLoopback(address: options.host)
            ) { site.current.get()?.generator }
            router.on("/mcp", method: .post) { request, _ in try await MCPRoute.respond(to: request, endpoint: endpoint)
            }
            router.on("/mcp", method: .get) { request, _ in try await MCPRoute.respond(to: request, endpoint: endpoint)
            }
            router.on("/mcp", method: .delete) { request, _ in
                try await MCPRoute.respond(to: request, endpoint: endpoint)
            }
        }
        // A trivial endpoint: health checks, and the ceiling the snippet API is measured against.
        router.get("/healthz") { _, _ -> Response in
            Self.file(Data("ok\n".utf8), type: "text/plain; charset=utf-8", status: .ok)
        }
        router.get("/api/v1/catalog") { _, _ -> Response in
            guard let inputs = await site.inputs else {
                return Self.json(
                    SnippetAPI.Answer(
                        status: 503, body: Data("{\"error\":{\"message\":\"the site has not built yet\"}}".utf8)))
            }
            return Self.json(SnippetAPI.catalog(inputs.generator.catalog))
        }
        if options.watch {
            let script = liveReloadScript
            router.get("/_relaydocs/live-reload.js") { _, _ -> Response in
                Self.file(Data(script.utf8), type: "text/javascript; charset=utf-8", status: .ok)
            }
            router.get("/_relaydocs/events") { _, _ -> Response in
                let events = await site.events()
                var headers = HTTPFields()
                headers[.contentType] = "text/event-stream"
                headers[.cacheControl] = "no-store"
                return Response(
                    status: .ok, headers: headers,
                    body: ResponseBody { writer in
                        try await writer.write(ByteBuffer(string: ": connected\n\n"))
                        for await event in events {
                            switch event {
                            case .reload(let version):
                                try await writer.write(ByteBuffer(string: "event: reload\ndata: \(version)\n\n"))
                            case .failure(let message):
                                let data = message.split(separator: "\n", omittingEmptySubsequences: false).map {
                                    "data: \($0)"
                                }
                                .joined(separator: "\n")
                                try await writer.write(ByteBuffer(string: "event: failure\n\(data)\n\n"))
                            }
                        }
                        try await writer.finish(nil)
                    })
            }
        }
        let watch = options.watch
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            Self.staticFile(request.uri.path, site: site, injectLiveReload: watch)
        }
        router.get("/", use: handler)
        router.get("**", use: handler)
        router.head("**", use: handler)
        return router
    }

    /// The application: HTTP/1.1 with header limits and an idle timeout for slow clients.
    public func application() -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(
                configuration: .init(
                    idleTimeout: .seconds(30),
                    httpDecoderConfiguration: .init(
                        maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100))),
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: "relaydocs"),
            logger: logger)
    }

    /// The headers of every API answer (made once: they were a tenth of a request's own work).
    static let jsonHeaders: HTTPFields = {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return headers
    }()

    static func json(_ answer: SnippetAPI.Answer) -> Response {
        Response(
            status: .init(code: answer.status), headers: jsonHeaders,
            body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    static func file(_ data: Data, type: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A built file for a URL path, with `index.html` for folders; 404 with the site's 404 page.
    static func staticFile(_ rawPath: String, site: LiveSite, injectLiveReload: Bool) -> Response {
        let files = site.served.get()
        let base = files?.basePath ?? "/"
        var path = rawPath.removingPercentEncoding ?? rawPath
        if base != "/", path.hasPrefix(base) { path = "/" + path.dropFirst(base.count) }
        let relative = String(path.drop { $0 == "/" })
        var candidates = [relative]
        if relative.split(separator: "/").contains("..") { candidates = [] }
        if candidates.isEmpty {
            // A path that climbs out of the site serves nothing.
        } else if relative.isEmpty || relative.hasSuffix("/") {
            candidates = [relative + "index.html"]
        } else if !relative.split(separator: "/").last!.contains(".") {
            candidates = [relative + ".html", relative + "/index.html"]
        }
        for candidate in candidates {
            if let data = files?.file(candidate) {
                return file(
                    body(data, path: candidate, inject: injectLiveReload), type: contentType(candidate), status: .ok)
            }
        }
        let notFound = files?.file("404.html") ?? Data("Not found".utf8)
        return file(
            body(notFound, path: "404.html", inject: injectLiveReload), type: "text/html; charset=utf-8",
            status: .notFound)
    }

    static func body(_ data: Data, path: String, inject: Bool) -> Data {
        guard inject, path.hasSuffix(".html"), let html = String(data: data, encoding: .utf8),
            let end = html.range(of: "</body>", options: .backwards)
        else { return data }
        var text = html
        text.replaceSubrange(end, with: "<script src=\"/_relaydocs/live-reload.js\" defer></script>\n</body>")
        return Data(text.utf8)
    }

    static func contentType(_ path: String) -> String {
        switch path.split(separator: ".").last.map(String.init) ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "txt": "text/plain; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}

/// Logs method, path (never the query), status and latency; never a header, so no key.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        let path = request.uri.path
        do {
            let response = try await next(request, context)
            log(request.method.rawValue, path, response.status.code, started)
            return response
        } catch let error as HTTPError {
            log(request.method.rawValue, path, error.status.code, started)
            throw error
        }
    }

    func log(_ method: String, _ path: String, _ status: Int, _ started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        // Tenths of a millisecond, formatted by hand: String(format:) was 3 % of a request.
        let tenths = elapsed.components.seconds * 10_000 + elapsed.components.attoseconds / 100_000_000_000_000
        logger.info("\(method) \(path) \(status) \(tenths / 10).\(tenths % 10)ms")
    }
}

/// CORS for the API, for the origins on the allow-list only.
struct CORSAllowListMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.uri.path.hasPrefix("/api/"), let origin = request.headers[.origin], origins.contains(origin)
        else {
            return try await next(request, context)
        }
        if request.method == .options {
            var headers = HTTPFields()
            headers[.accessControlAllowOrigin] = origin
            headers[.accessControlAllowMethods] = "GET, OPTIONS"
            headers[.accessControlAllowHeaders] = "Authorization"
            headers[.accessControlMaxAge] = "600"
            headers[.vary] = "Origin"
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        return response
    }
}
