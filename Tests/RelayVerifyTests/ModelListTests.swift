import Foundation
import RelayCatalog
import StandInRelay
import Testing

/// The model lists the stand-in relay serves for `relaydocs catalog import`.
@Suite("The stand-in relay's model lists")
struct ModelListTests {
    func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test("each API's list at its path, with its key header, built from the catalog")
    func listsOfTheDefaultCatalog() async throws {
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        defer { Task { await relay.stop() } }
        await relay.allow(key: "k")
        let openAI = try await send(
            relay, "/v1/models", method: "GET", headers: ["Authorization": "Bearer k"], body: nil)
        #expect(openAI.status == 200)
        let page = try ModelListPage(json: Data(openAI.body.utf8), source: "openai")
        #expect(page.kind == .openAI)
        #expect(page.models.map(\.id) == defaultCatalog.models.map(\.id))
        #expect(page.models.first { $0.id == "claude-opus-4-7" }?.ownedBy == "anthropic")

        let anthropic = try await send(
            relay, "/anthropic/v1/models", method: "GET",
            headers: ["x-api-key": "k", "anthropic-version": "2023-06-01"],
            body: nil)
        let claude = try ModelListPage(json: Data(anthropic.body.utf8), source: "anthropic")
        #expect(claude.kind == .anthropic)
        #expect(claude.models.map(\.id) == ["claude-sonnet-4-20250514", "claude-opus-4-7"])
        #expect(claude.models[1].thinkingStyles == [.adaptive])
        #expect(claude.models[1].effortLevels == ["low", "medium", "high", "xhigh", "max"])
        #expect(claude.models[0].thinkingStyles == [.budget])
        #expect(claude.models[0].displayName == "Claude Sonnet 4")

        let gemini = try await send(
            relay, "/google/v1beta/models", method: "GET", headers: ["x-goog-api-key": "k"], body: nil)
        let geminiPage = try ModelListPage(json: Data(gemini.body.utf8), source: "gemini")
        #expect(geminiPage.models.map(\.id) == ["gemini-2.5-flash", "gemini-3-pro-preview"])
        #expect(geminiPage.models[0].generationMethods?.contains("generateContent") == true)

        // The key must be in the header of the list's API.
        #expect(try await send(relay, "/v1/models", method: "GET", body: nil).status == 401)
        #expect(
            try await send(relay, "/v1/models", method: "GET", headers: ["x-api-key": "k"], body: nil).status == 401)
        #expect(
            try await send(
                relay, "/google/v1beta/models", method: "GET", headers: ["Authorization": "Bearer k"], body: nil
            )
            .status == 401)
        await relay.allow(key: "revoked", mode: .unauthorized)
        #expect(
            try await send(relay, "/v1/models", method: "GET", headers: ["Authorization": "Bearer revoked"], body: nil)
                .status == 401)
    }

    @Test("pages as the real APIs page: Anthropic by limit and after_id, Gemini by pageSize and pageToken")
    func paging() async throws {
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        defer { Task { await relay.stop() } }
        await relay.allow(key: "k")
        let headers = ["x-api-key": "k", "anthropic-version": "2023-06-01"]
        let first = object(
            try await send(relay, "/anthropic/v1/models?limit=1", method: "GET", headers: headers, body: nil).body)
        #expect(first["has_more"] as? Bool == true)
        #expect(first["last_id"] as? String == "claude-sonnet-4-20250514")
        let second = object(
            try await send(
                relay, "/anthropic/v1/models?limit=1&after_id=claude-sonnet-4-20250514", method: "GET",
                headers: headers,
                body: nil
            ).body)
        #expect((second["data"] as? [[String: Any]])?.first?["id"] as? String == "claude-opus-4-7")
        #expect(second["has_more"] as? Bool == false)
        let gemini = object(
            try await send(
                relay, "/google/v1beta/models?pageSize=1", method: "GET", headers: ["x-goog-api-key": "k"], body: nil
            ).body)
        #expect(gemini["nextPageToken"] as? String == "1")
    }

    @Test("where OpenAI's and Anthropic's lists share /v1/models, anthropic-version asks for Anthropic's")
    func sharedPath() async throws {
        #expect(rootRoutesCatalog.modelListEndpoints.map(\.path) == ["/v1/models", "/v1/models", "/v1beta/models"])
        let relay = try await StandInRelay.start(catalog: rootRoutesCatalog)
        defer { Task { await relay.stop() } }
        await relay.allow(key: "k")
        let openAI = try await send(
            relay, "/v1/models", method: "GET", headers: ["Authorization": "Bearer k"], body: nil)
        #expect(try ModelListPage(json: Data(openAI.body.utf8), source: "o").kind == .openAI)
        let anthropic = try await send(
            relay, "/v1/models", method: "GET", headers: ["x-api-key": "k", "anthropic-version": "2023-06-01"],
            body: nil)
        let page = try ModelListPage(json: Data(anthropic.body.utf8), source: "a")
        #expect(page.kind == .anthropic)
        #expect(page.models.map(\.id) == ["claude-sonnet-4-20250514"])
    }
}
