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
