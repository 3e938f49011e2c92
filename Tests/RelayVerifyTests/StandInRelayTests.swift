import Foundation
import StandInRelay
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The stand-in relay answers like the real APIs, refusals included.
@Suite("The stand-in relay")
struct StandInRelayTests {
    func send(
        _ relay: StandInRelay, _ path: String, headers: [String: String] = [:], body: String = "{}"
    ) async throws -> (status: Int, headers: [AnyHashable: Any], body: String) {
        var request = URLRequest(url: URL(string: relay.origin + path)!)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, http.allHeaderFields, String(decoding: data, as: UTF8.self))
    }

    func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// One request with any method, for the CORS checks.
    func request(
        _ relay: StandInRelay, _ method: String, _ path: String, headers: [String: String]
    ) async throws -> (status: Int, headers: [AnyHashable: Any]) {
        var request = URLRequest(url: URL(string: relay.origin + path)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (_, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, http.allHeaderFields)
    }

    func header(_ name: String, in headers: [AnyHashable: Any]) -> String? {
        headers.first { ($0.key as? String)?.lowercased() == name }?.value as? String
    }

    @Test("web pages may call it: a preflight is answered and every answer allows any origin; --cors deny refuses")
    func cors() async throws {
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        await relay.allow(key: "sk-cors")
        let preflightHeaders = [
            "Origin": "http://127.0.0.1:1", "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        ]
        let preflight = try await request(relay, "OPTIONS", "/v1/models", headers: preflightHeaders)
        #expect(preflight.status == 204)
        #expect(header("access-control-allow-origin", in: preflight.headers) == "*")
        #expect(header("access-control-allow-methods", in: preflight.headers)?.contains("GET") == true)
        #expect(header("access-control-allow-headers", in: preflight.headers)?.contains("authorization") == true)
        let list = try await request(relay, "GET", "/v1/models", headers: ["Authorization": "Bearer sk-cors"])
        #expect(list.status == 200)
        #expect(header("access-control-allow-origin", in: list.headers) == "*")
        // Refusals too, so a page can read the status.
        let refused = try await request(relay, "GET", "/v1/models", headers: ["Authorization": "Bearer sk-other"])
        #expect(refused.status == 401)
        #expect(header("access-control-allow-origin", in: refused.headers) == "*")
        #expect(await relay.requests().map(\.method) == ["OPTIONS", "GET", "GET"])
        await relay.stop()

        let closed = try await StandInRelay.start(catalog: defaultCatalog, cors: .deny)
        await closed.allow(key: "sk-cors")
        let denied = try await request(closed, "OPTIONS", "/v1/models", headers: preflightHeaders)
        #expect(denied.status == 404)
        #expect(header("access-control-allow-origin", in: denied.headers) == nil)
        let plain = try await request(closed, "GET", "/v1/models", headers: ["Authorization": "Bearer sk-cors"])
        #expect(plain.status == 200)
        #expect(header("access-control-allow-origin", in: plain.headers) == nil)
        await closed.stop()
    }

    @Test("an unknown path gets 404 in the error shape of its API")
    func unknownPaths() async throws {
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        defer { Task { await relay.stop() } }
        await relay.allow(key: "k")
        let openai = try await send(relay, "/chat/completions", headers: ["Authorization": "Bearer k"])
        #expect(openai.status == 404)
        #expect((json(openai.body)["error"] as? [String: Any])?["message"] is String)
        let anthropic = try await send(relay, "/anthropic/messages", headers: ["x-api-key": "k"])
        #expect(anthropic.status == 404)
        #expect(json(anthropic.body)["type"] as? String == "error")
        let gemini = try await send(
            relay, "/google/models/gemini-2.5-flash:generateContent", headers: ["x-goog-api-key": "k"])
        #expect(gemini.status == 404)
        #expect((json(gemini.body)["error"] as? [String: Any])?["status"] as? String == "NOT_FOUND")
        #expect(await relay.requests().map(\.status) == [404, 404, 404])
    }

    @Test("Anthropic's count_tokens beside /v1/messages: the key, the version header and a body with messages")
    func countTokens() async throws {
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        await relay.allow(key: "sk-count")
        let body =
            #"{"model": "claude-sonnet-4-20250514", "messages": [{"role": "user", "content": "Say hi to everyone"}]}"#
        let counted = try await send(
            relay, "/anthropic/v1/messages/count_tokens",
            headers: ["Authorization": "Bearer sk-count", "anthropic-version": "2023-06-01"], body: body)
        #expect(counted.status == 200)
        #expect((json(counted.body)["input_tokens"] as? Int ?? 0) > 0, "\(counted.body)")
        let noVersion = try await send(
            relay, "/anthropic/v1/messages/count_tokens", headers: ["x-api-key": "sk-count"], body: body)
        #expect(noVersion.status == 400)
        let noKey = try await send(
            relay, "/anthropic/v1/messages/count_tokens", headers: ["anthropic-version": "2023-06-01"], body: body)
        #expect(noKey.status == 401)
        await relay.stop()
    }

    @Test("a missing key, a wrong key or a key in the wrong header gets 401")
    func authentication() async throws {
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        defer { Task { await relay.stop() } }
        await relay.allow(key: "good")
        let body = #"{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":10}"#
        #expect(try await send(relay, "/v1/chat/completions", body: body).status == 401)
        #expect(
            try await send(relay, "/v1/chat/completions", headers: ["Authorization": "Bearer bad"], body: body).status
                == 401)
        #expect(try await send(relay, "/v1/chat/completions", headers: ["x-api-key": "good"], body: body).status == 401)
        #expect(
            try await send(relay, "/v1/chat/completions", headers: ["Authorization": "Bearer good"], body: body).status
                == 200)
        let anthropic = ["anthropic-version": "2023-06-01"]
        #expect(try await send(relay, "/anthropic/v1/messages", headers: anthropic, body: body).status == 401)
        #expect(
            try await send(
                relay, "/anthropic/v1/messages", headers: anthropic.merging(["x-api-key": "good"]) { $1 }, body: body
            ).status == 200)
        #expect(
            try await send(
                relay, "/anthropic/v1/messages", headers: anthropic.merging(["Authorization": "Bearer good"]) { $1 },
                body: body
            ).status == 200)
        let gemini = #"{"contents":[{"parts":[{"text":"hi"}]}]}"#
        #expect(
            try await send(
                relay, "/google/v1beta/models/g:generateContent", headers: ["Authorization": "Bearer good"],
                body: gemini
            ).status == 401)
        #expect(try await send(relay, "/google/v1beta/models/g:generateContent?key=good", body: gemini).status == 200)
        #expect(
            try await send(
                relay, "/google/v1/models/g:generateContent", headers: ["x-goog-api-key": "good"], body: gemini
            ).status == 200)
    }

    @Test("streams follow each SDK's rules: event names for Anthropic, none for Gemini")
    func streams() async throws {
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        defer { Task { await relay.stop() } }
        await relay.allow(key: "k")
        let anthropic = try await send(
            relay, "/anthropic/v1/messages", headers: ["x-api-key": "k", "anthropic-version": "2023-06-01"],
            body:
                #"{"model":"m","max_tokens":4096,"stream":true,"thinking":{"type":"enabled","budget_tokens":1024},"messages":[{"role":"user","content":"hi"}]}"#
        )
        #expect(anthropic.status == 200)
        let events = anthropic.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(events.allSatisfy { $0.hasPrefix("event: ") })
        #expect(events.first?.hasPrefix("event: message_start\n") == true)
        let thinkingStart = try #require(anthropic.body.range(of: "\"type\":\"thinking\""))
        let textStart = try #require(anthropic.body.range(of: "\"type\":\"text\""))
        #expect(thinkingStart.lowerBound < textStart.lowerBound, "thinking comes before text")

        let gemini = try await send(
            relay, "/google/v1beta/models/g:streamGenerateContent?alt=sse", headers: ["x-goog-api-key": "k"],
            body: #"{"contents":[{"parts":[{"text":"hi"}]}]}"#)
        #expect(gemini.status == 200)
        #expect(!gemini.body.contains("event:"))
        #expect(!gemini.body.contains("[DONE]"))
        #expect(
            gemini.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }.allSatisfy { $0.hasPrefix("data: {") })

        let chat = try await send(
            relay, "/v1/chat/completions", headers: ["Authorization": "Bearer k"],
            body: #"{"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}"#)
        #expect(chat.body.hasSuffix("data: [DONE]\n\n"))
    }

    @Test("Gemini on Vertex: express-mode paths, the key in x-goog-api-key only, Google's errors")
    func vertexGemini() async throws {
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        defer { Task { await relay.stop() } }
        await relay.allow(key: "k")
        let body = #"{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}"#
        let path = "/google/v1beta1/publishers/google/models/gemini-2.5-flash"
        let plain = try await send(relay, path + ":generateContent", headers: ["x-goog-api-key": "k"], body: body)
        #expect(plain.status == 200)
        #expect(plain.body.contains("Hello from the stand-in relay"))
        #expect(json(plain.body)["modelVersion"] as? String == "gemini-2.5-flash")
        let stream = try await send(
            relay, path + ":streamGenerateContent?alt=sse", headers: ["x-goog-api-key": "k"], body: body)
        #expect(stream.status == 200)
        #expect((stream.headers["Content-Type"] as? String)?.hasPrefix("text/event-stream") == true)
        #expect(
            stream.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }.allSatisfy { $0.hasPrefix("data: {") })
        // A Bearer token is not an express-mode key.
        let bearer = try await send(
            relay, path + ":generateContent", headers: ["Authorization": "Bearer k"], body: body)
        #expect(bearer.status == 401)
        #expect((json(bearer.body)["error"] as? [String: Any])?["status"] as? String == "UNAUTHENTICATED")
        let unknown = try await send(
            relay, "/google/v1beta1/publishers/google/gemini-2.5-flash:generateContent",
            headers: ["x-goog-api-key": "k"], body: body)
        #expect(unknown.status == 404)
        #expect((json(unknown.body)["error"] as? [String: Any])?["status"] as? String == "NOT_FOUND")
    }

    @Test(
        "Claude on Vertex: the project path, a Bearer token, anthropic_version and no model in the body, Anthropic's errors"
    )
    func vertexAnthropic() async throws {
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        defer { Task { await relay.stop() } }
        await relay.allow(key: "k")
        let path = "/google/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514"
        let bearer = ["Authorization": "Bearer k"]
        let body =
            #"{"anthropic_version":"vertex-2023-10-16","max_tokens":64,"messages":[{"role":"user","content":"hi"}]}"#
        let plain = try await send(relay, path + ":rawPredict", headers: bearer, body: body)
        #expect(plain.status == 200)
        #expect(json(plain.body)["model"] as? String == "claude-sonnet-4@20250514")
        let streamBody = body.replacingOccurrences(of: #""max_tokens":64"#, with: #""max_tokens":64,"stream":true"#)
        let stream = try await send(relay, path + ":streamRawPredict", headers: bearer, body: streamBody)
        #expect(stream.status == 200)
        let events = stream.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(
            !events.isEmpty && events.allSatisfy { $0.hasPrefix("event: ") },
            "AnthropicVertex skips events without a name")

        func refusal(_ path: String, headers: [String: String], body: String) async throws -> (Int, String?) {
            let answer = try await send(relay, path, headers: headers, body: body)
            let object = json(answer.body)
            #expect(object["type"] as? String == "error", "Anthropic's error shape: \(answer.body)")
            return (answer.status, (object["error"] as? [String: Any])?["message"] as? String)
        }
        #expect(try await refusal(path + ":rawPredict", headers: ["x-api-key": "k"], body: body).0 == 401)
        #expect(try await refusal(path + ":rawPredict", headers: [:], body: body).0 == 401)
        let withModel = body.replacingOccurrences(of: "{", with: #"{"model":"claude-sonnet-4@20250514","#)
        let model = try await refusal(path + ":rawPredict", headers: bearer, body: withModel)
        #expect(model.0 == 400 && model.1?.hasPrefix("model:") == true)
        let noVersion = body.replacingOccurrences(of: #""anthropic_version":"vertex-2023-10-16","#, with: "")
        #expect(try await refusal(path + ":rawPredict", headers: bearer, body: noVersion).0 == 400)
        #expect(try await refusal(path + ":rawPredict", headers: bearer, body: streamBody).0 == 400)
        #expect(try await refusal(path + ":streamRawPredict", headers: bearer, body: body).0 == 400)
        #expect(try await refusal(path + ":predict", headers: bearer, body: body).0 == 404)
    }

    @Test("every request is recorded with its headers and body, and keys are masked in descriptions")
    func recording() async throws {
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        defer { Task { await relay.stop() } }
        await relay.allow(key: "sk-secret-123456")
        _ = try await send(
            relay, "/v1/responses", headers: ["Authorization": "Bearer sk-secret-123456"],
            body: #"{"model":"gpt-4o","input":"hello"}"#)
        let recorded = try #require(await relay.requests(carrying: "sk-secret-123456").first)
        #expect(recorded.path == "/v1/responses")
        #expect(recorded.jsonBody?["input"] as? String == "hello")
        #expect(recorded.status == 200)
        let description = recorded.described(masking: "sk-secret-123456")
        #expect(!description.contains("sk-secret-123456"))
        #expect(description.contains("sk-***********56"))
    }
}
