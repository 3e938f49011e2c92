import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A local server that answers like the relay: OpenAI Chat Completions and Responses under
/// `/v1`, Anthropic Messages under `/anthropic/v1`, Gemini generateContent under
/// `/google/{v1,v1beta}`. It records every request and answers with a known text.
///
/// Like the real relay it refuses what the real APIs refuse: an unknown path gets 404 in the
/// error shape of the API the path belongs to, a missing key or a key in the wrong header gets
/// 401, so a snippet with a wrong base URL or header fails.
///
/// ```swift
/// let relay = try await StandInRelay.start()
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

    private init(origin: String, script: ReplyScript, state: State, server: Task<Void, Error>) {
        self.origin = origin
        self.script = script
        self.state = state
        self.server = server
    }

    /// Starts the relay on a free loopback port.
    public static func start(script: ReplyScript = .standard) async throws -> StandInRelay {
        let state = State()
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "stand-in-relay")
        logger.logLevel = .critical
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 8 << 20)
            return await Self.respond(to: request, body: Data(buffer: body), state: state, script: script)
        }
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
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

    /// Accepts a key: requests with any other key (or none) get 401.
    public func allow(key: String) async { await state.allow(key) }

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
        var keys: Set<String> = []
        var log: [RecordedRequest] = []

        func allow(_ key: String) { keys.insert(key) }
        func isAllowed(_ key: String?) -> Bool { key.map(keys.contains) ?? false }
        func record(_ request: RecordedRequest) { log.append(request) }
    }

    // MARK: - Routing

    static func respond(to request: Request, body: Data, state: State, script: ReplyScript) async -> Response {
        let path = request.uri.path
        let headers = request.headers.map { RecordedRequest.Header(name: $0.name.canonicalName, value: $0.value) }
        var record = RecordedRequest(
            method: request.method.rawValue, path: path, query: request.uri.query, headers: headers, body: body,
            status: 0, responseBody: Data())
        let answer = await route(record, state: state, script: script)
        record.status = answer.status
        record.responseBody = answer.body
        await state.record(record)

        var fields = HTTPFields()
        fields[.contentType] = answer.contentType
        if answer.status >= 400 { fields[HTTPField.Name("x-should-retry")!] = "false" }
        let chunks = answer.chunks
        return Response(
            status: .init(code: answer.status), headers: fields,
            body: ResponseBody { writer in
                for chunk in chunks { try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
            })
    }

    static func route(_ request: RecordedRequest, state: State, script: ReplyScript) async -> Answer {
        let path = request.path
        if path.hasPrefix("/anthropic/") || path == "/anthropic" {
            guard request.method == "POST", path == "/anthropic/v1/messages" else {
                return AnthropicMessages.error(404, "Not found: \(path)", type: "not_found_error")
            }
            let key = request.header("x-api-key") ?? bearer(request.header("authorization"))
            guard await state.isAllowed(key) else {
                return AnthropicMessages.error(401, "invalid x-api-key", type: "authentication_error")
            }
            guard request.header("anthropic-version") != nil else {
                return AnthropicMessages.error(400, "anthropic-version: header is required")
            }
            guard let body = RequestBody(request.body) else { return AnthropicMessages.error(400, "invalid JSON body") }
            return AnthropicMessages.message(body, script: script)
        }
        if path.hasPrefix("/google/") || path == "/google" {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            // ["", "google", version, "models", "model:method"]
            guard request.method == "POST", parts.count == 5, ["v1", "v1beta"].contains(parts[2]), parts[3] == "models",
                let colon = parts[4].lastIndex(of: ":")
            else {
                return GeminiGenerate.error(404, "Requested entity was not found: \(path)", status: "NOT_FOUND")
            }
            let model = String(parts[4][..<colon]).removingPercentEncoding ?? String(parts[4][..<colon])
            let method = parts[4][parts[4].index(after: colon)...]
            guard method == "generateContent" || method == "streamGenerateContent", !model.isEmpty else {
                return GeminiGenerate.error(404, "Requested entity was not found: \(path)", status: "NOT_FOUND")
            }
            guard await state.isAllowed(request.header("x-goog-api-key") ?? request.queryValue("key")) else {
                return GeminiGenerate.error(
                    401, "API key not valid. Please pass a valid API key.", status: "UNAUTHENTICATED")
            }
            guard let body = RequestBody(request.body) else {
                return GeminiGenerate.error(400, "Invalid JSON payload received.", status: "INVALID_ARGUMENT")
            }
            let stream = method == "streamGenerateContent"
            if stream, request.queryValue("alt") != "sse" {
                return GeminiGenerate.error(400, "this relay streams only with ?alt=sse", status: "INVALID_ARGUMENT")
            }
            return GeminiGenerate.generate(body, model: model, stream: stream, script: script)
        }
        guard request.method == "POST", path == "/v1/chat/completions" || path == "/v1/responses" else {
            return OpenAIProtocols.error(404, "Invalid URL (\(request.method) \(path))")
        }
        guard let key = bearer(request.header("authorization")) else {
            return OpenAIProtocols.error(
                401,
                "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
            )
        }
        guard await state.isAllowed(key) else {
            return OpenAIProtocols.error(401, "Incorrect API key provided.", type: "invalid_api_key")
        }
        guard let body = RequestBody(request.body) else {
            return OpenAIProtocols.error(400, "We could not parse the JSON body of your request.")
        }
        return path == "/v1/responses"
            ? OpenAIProtocols.response(body, script: script) : OpenAIProtocols.chatCompletion(body, script: script)
    }

    /// The token of an `Authorization: Bearer …` header.
    public static func bearer(_ header: String?) -> String? {
        guard let header, header.hasPrefix("Bearer ") else { return nil }
        return String(header.dropFirst("Bearer ".count))
    }
}
