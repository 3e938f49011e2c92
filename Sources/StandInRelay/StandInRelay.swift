import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RelayCatalog

/// A local server that answers like the relay, at the paths a catalog gives: OpenAI Chat
/// Completions and Responses, Anthropic Messages, Gemini generateContent, and Gemini and Claude on
/// Vertex AI, each under its provider's relay path, and each API's model list (`GET …/models`, see
/// ``ModelLists``). It records every request and answers with a known text.
///
/// Like the real relay it refuses what the real APIs refuse: an unknown path gets 404 in the
/// error shape of the API the path belongs to, a missing key or a key in the wrong header gets
/// 401, so a snippet with a wrong base URL or header fails. A key can also be told to fail
/// (``Mode``), to check that snippets fail loudly.
///
/// Like relays such as new-api it lets web pages call it (``CORS``): every answer carries
/// `Access-Control-Allow-Origin: *` and a preflight (`OPTIONS`) is answered with the methods and
/// headers the APIs use, so a page such as the docs' key page can test a key from the browser.
/// With ``CORS/deny`` it answers as a relay without CORS does: no such headers, preflights 404.
///
/// ```swift
/// let relay = try await StandInRelay.start(catalog: catalog)
/// await relay.allow(key: "sk-test")
/// // … run a client against relay.origin …
/// let requests = await relay.requests()
/// await relay.stop()
/// ```
public final class StandInRelay: Sendable {
    /// `http://127.0.0.1:PORT`, the origin clients use.
    public let origin: String
    /// What the relay answers.
    public let script: ReplyScript
    private let state: State
    private let server: Task<Void, Error>

    /// How the relay answers requests that carry a key.
    public enum Mode: String, Sendable, CaseIterable {
        /// As the real API does.
        case normal
        /// 401 in the API's error shape, as for a revoked key.
        case unauthorized
        /// 404 in the API's error shape, as for a base URL the relay does not serve.
        case notFound
        /// 500 in the API's error shape (with `x-should-retry: false`, so SDKs do not retry).
        case serverError
        /// A streaming request is answered with the plain JSON of a non-streaming one, as some
        /// relays do.
        case jsonToStream
    }

    /// Whether web pages on other origins may call the relay.
    public enum CORS: String, Sendable, CaseIterable {
        /// `Access-Control-Allow-Origin: *` on every answer, and preflights answered.
        case allow
        /// No CORS headers, and preflights get 404, so browsers keep the answers from pages.
        case deny
    }

    /// The request headers a preflight is told pages may send: those of the relay's APIs.
    static let allowedHeaders =
        "authorization, content-type, x-api-key, anthropic-version, anthropic-beta, x-goog-api-key"

    private init(origin: String, script: ReplyScript, state: State, server: Task<Void, Error>) {
        self.origin = origin
        self.script = script
        self.state = state
        self.server = server
    }

    /// Starts the relay on a loopback port (0: a free one), serving the catalog's protocols at its
    /// paths; `cors` says whether web pages may call it.
    public static func start(
        catalog: Catalog, port: Int = 0, script: ReplyScript = .standard, cors: CORS = .allow
    ) async throws -> StandInRelay {
        let state = State()
        let routes = Routes(catalog: catalog)
        await state.learn(catalog.models)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "stand-in-relay")
        logger.logLevel = .critical
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 8 << 20)
            return await Self.respond(
                to: request, body: Data(buffer: body), state: state, routes: routes, script: script, cors: cors)
        }
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let server = Task { try await application.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            server.cancel()
            throw StartFailure()
        }
        return StandInRelay(origin: "http://127.0.0.1:\(port)", script: script, state: state, server: server)
    }

    /// Accepts a key: requests with any other key (or none) get 401. Requests with this key are
    /// answered as `mode` says.
    public func allow(key: String, mode: Mode = .normal) async { await state.allow(key, mode: mode) }

    /// Every request received so far, in order of arrival.
    public func requests() async -> [RecordedRequest] { await state.log }

    /// The requests that carry `key` in any header or in the query.
    public func requests(carrying key: String) async -> [RecordedRequest] {
        await state.log.filter { request in
            request.headers.contains { $0.value.contains(key) } || (request.query?.contains(key) ?? false)
                || request.queryValue("key") == key
        }
    }

    /// Stops the server.
    public func stop() async {
        server.cancel()
        _ = try? await server.value
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String { "the stand-in relay could not bind a loopback port" }
    }

    /// The keys and the request log.
    actor State {
        var keys: [String: Mode] = [:]
        var log: [RecordedRequest] = []
        /// The catalog's models by every id they are sent as.
        var models: [String: RelayCatalog.Model] = [:]
        var conversations: [String: Conversation] = [:]

        func learn(_ catalogModels: [RelayCatalog.Model]) {
            for model in catalogModels {
                models[model.id] = model
                for id in model.protocolModelIDs.values { models[id] = model }
            }
        }

        func model(_ id: String?) -> RelayCatalog.Model? { id.flatMap { models[$0] } }
        func conversation(of key: String) -> Conversation { conversations[key] ?? Conversation() }
        func store(_ conversation: Conversation, of key: String) { conversations[key] = conversation }

        func allow(_ key: String, mode: Mode) { keys[key] = mode }
        /// The mode of a key, or nil when the key is not allowed.
        func mode(of key: String?) -> Mode? { key.flatMap { keys[$0] } }
        func record(_ request: RecordedRequest) { log.append(request) }
    }

    // MARK: - Routing

    static func respond(
        to request: Request, body: Data, state: State, routes: Routes, script: ReplyScript, cors: CORS
    ) async -> Response {
        let path = request.uri.path
        let headers = request.headers.map { RecordedRequest.Header(name: $0.name.canonicalName, value: $0.value) }
        var record = RecordedRequest(
            method: request.method.rawValue, path: path, query: request.uri.query, headers: headers, body: body,
            status: 0, responseBody: Data())
        let preflight =
            cors == .allow && record.method == "OPTIONS"
            && record.header("access-control-request-method") != nil
        let (answer, facts, usage) =
            preflight
            ? (Answer(status: 204, contentType: "text/plain", chunks: []), [], [:])
            : await route(record, state: state, routes: routes, script: script)
        record.status = answer.status
        record.facts = facts
        record.usage = usage
        record.responseBody = answer.body
        await state.record(record)

        var fields = HTTPFields()
        fields[.contentType] = answer.contentType
        if answer.status >= 400 { fields[HTTPField.Name("x-should-retry")!] = "false" }
        if cors == .allow {
            fields[.accessControlAllowOrigin] = "*"
            if preflight {
                fields[.accessControlAllowMethods] = "GET, POST, OPTIONS"
                fields[.accessControlAllowHeaders] = Self.allowedHeaders
                fields[.accessControlMaxAge] = "600"
            }
        }
        let chunks = answer.chunks
        return Response(
            status: .init(code: answer.status), headers: fields,
            body: ResponseBody { writer in
                for chunk in chunks { try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
            })
    }

    static func route(_ request: RecordedRequest, state: State, routes: Routes, script: ReplyScript) async -> (
        Answer, [String], [String: Int]
    ) {
        if request.method == "GET", request.path == Self.samplePNGPath {
            return (Answer(status: 200, contentType: "image/png", chunks: [Self.samplePNG]), [], [:])
        }
        if request.method == "GET", let list = routes.modelLists.endpoint(for: request) {
            let dialect = Dialect.of(list.protocolID)
            guard let key = dialect.key(in: request), let mode = await state.mode(of: key) else {
                return (dialect.error(401, .unauthorized), [], [:])
            }
            return (routes.modelLists.answer(list, request: request, mode: mode), [], [:])
        }
        if request.method == "POST", let protocolID = routes.countTokens[request.path] {
            return await countTokens(request, dialect: Dialect.of(protocolID), state: state)
        }
        guard let match = routes.match(request.path), request.method == "POST" else {
            let protocolID = routes.protocolForUnknown(request.path) ?? "openai-chat"
            return (Dialect.of(protocolID).notFound(request), [], [:])
        }
        let dialect = Dialect.of(match.protocolID)
        guard let key = dialect.key(in: request), let mode = await state.mode(of: key) else {
            return (dialect.error(401, .unauthorized), [], [:])
        }
        switch mode {
        case .normal, .jsonToStream: break
        case .unauthorized: return (dialect.error(401, .unauthorized), [], [:])
        case .notFound: return (dialect.notFound(request), [], [:])
        case .serverError: return (dialect.error(500, .server), [], [:])
        }
        if let refusal = dialect.refusal(of: request, match: match) { return (refusal, [], [:]) }
        guard let body = RequestBody(request.body) else { return (dialect.error(400, .invalidJSON), [], [:]) }
        var conversation = await state.conversation(of: key)
        let model = await state.model(match.values["model"] ?? body.model)
        // A relay that cannot stream answers a stream request with the plain JSON of a normal one.
        let stream: Bool? = mode == .jsonToStream ? false : nil
        let (answer, facts, usage) = dialect.answer(
            body, request: request, match: match, stream: stream, script: script, model: model,
            conversation: &conversation)
        await state.store(conversation, of: key)
        return (answer, facts, usage)
    }

    /// `POST …/v1/messages/count_tokens`: the input tokens of a Messages body, as Anthropic's API
    /// counts them (here: about one per four bytes of the texts), with the key and version checks
    /// of Messages.
    static func countTokens(_ request: RecordedRequest, dialect: Dialect, state: State) async -> (
        Answer, [String], [String: Int]
    ) {
        guard let key = dialect.key(in: request), let mode = await state.mode(of: key) else {
            return (dialect.error(401, .unauthorized), [], [:])
        }
        switch mode {
        case .normal, .jsonToStream: break
        case .unauthorized: return (dialect.error(401, .unauthorized), [], [:])
        case .notFound: return (dialect.notFound(request), [], [:])
        case .serverError: return (dialect.error(500, .server), [], [:])
        }
        guard request.header("anthropic-version") != nil else {
            return (AnthropicMessages.error(400, "anthropic-version: header is required"), [], [:])
        }
        guard let body = request.jsonBody else { return (dialect.error(400, .invalidJSON), [], [:]) }
        guard body["model"] is String else { return (AnthropicMessages.error(400, "model: Field required"), [], [:]) }
        guard let messages = body["messages"] as? [Any], !messages.isEmpty else {
            return (AnthropicMessages.error(400, "messages: Field required"), [], [:])
        }
        let bytes = dialect.userTexts(in: body).map(\.utf8.count).reduce(0, +)
        let tokens = max(1, bytes / 4)
        return (.json(["input_tokens": tokens]), ["countTokens"], ["input": tokens])
    }

    /// Where the relay serves ``samplePNG`` (`GET`), so snippets can be given an image URL.
    public static let samplePNGPath = "/images/photo.png"

    /// A small valid PNG (8 × 8, one colour), for the image recipes.
    public static let samplePNG = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGOQqziBFTEMLQkABkZXgRDDjAEAAAAASUVORK5CYII="
    )!

    /// The token of an `Authorization: Bearer …` header.
    public static func bearer(_ header: String?) -> String? {
        guard let header, header.hasPrefix("Bearer ") else { return nil }
        return String(header.dropFirst("Bearer ".count))
    }
}
