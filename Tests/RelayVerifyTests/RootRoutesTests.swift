import Foundation
import RelayCatalog
import RelayDefaults
import RelaySite
import RelaySnippets
import RelayVerify
import StandInRelay
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The example catalog of a relay that serves every API at its root (LiteLLM, new-api).
let rootRoutesFolder = packageRoot.appendingPathComponent("examples/root-routes")
let rootRoutesCatalog = try! Catalog.load(path: rootRoutesFolder.appendingPathComponent("catalog.yaml").path)

/// Sends one request to a stand-in relay.
func send(
    _ relay: StandInRelay, _ path: String, method: String = "POST", headers: [String: String] = [:],
    body: String? = "{}"
) async throws -> (status: Int, body: String) {
    var request = URLRequest(url: URL(string: relay.origin + path)!)
    request.httpMethod = method
    if let body {
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
}

@Suite("A relay that serves every API at its root", .serialized)
struct RootRoutesTests {
    @Test("its snippets state its routes: the bare origin for Anthropic and Gemini, nothing says /anthropic or /google")
    func snippetsStateTheRoutes() throws {
        let generator = SnippetGenerator(catalog: rootRoutesCatalog, templates: defaultTemplates)
        var count = 0
        for model in rootRoutesCatalog.models {
            for protocolID in model.protocolIDs {
                for language in generator.languages {
                    for recipe in generator.recipes(model: model.id, protocolID: protocolID, language: language) {
                        for stream in recipe.noStream.contains(language) ? [false] : [false, true] {
                            let code = try generator.snippet(
                                for: SnippetRequest(
                                    model: model.id, language: language, protocolID: protocolID, recipe: recipe.id,
                                    stream: stream)
                            ).code
                            count += 1
                            for path in ["/anthropic", "/google"] {
                                #expect(
                                    !code.contains(path), "\(model.id) \(protocolID) \(language) \(recipe.id): \(path)")
                            }
                            for fact in ["openai-proxy", "CloseAI"] {
                                #expect(!code.contains(fact), "\(model.id) \(protocolID) \(language): \(fact)")
                            }
                        }
                    }
                }
            }
        }
        #expect(count >= 30)
        let anthropic = try generator.snippet(
            for: SnippetRequest(model: "claude-sonnet-4-20250514", language: .python)
        ).code
        #expect(anthropic.contains("# RootRelay's base URL for the Anthropic API; the SDK appends /v1/messages.\n"))
        #expect(anthropic.contains("base_url=\"https://llm.example.com\",\n"))
        let gemini = try generator.snippet(for: SnippetRequest(model: "gemini-2.5-flash", language: .python)).code
        #expect(
            gemini.contains(
                "# RootRelay's base URL for the Google Gemini API; the SDK appends /v1beta/models/gemini-2.5-flash:generateContent."
            ))
        #expect(gemini.contains("base_url=\"https://llm.example.com\",\n"))
        let curl = try generator.snippet(for: SnippetRequest(model: "claude-sonnet-4-20250514", language: .curl)).code
        #expect(curl.contains("https://llm.example.com/v1/messages"))
    }

    @Test("the stand-in relay serves the root routes, and the default catalog's paths get 404")
    func standInServesTheRoutes() async throws {
        let relay = try await StandInRelay.start(catalog: rootRoutesCatalog)
        defer { Task { await relay.stop() } }
        await relay.allow(key: "k")
        let message =
            #"{"model":"claude-sonnet-4-20250514","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"#
        let anthropic = ["x-api-key": "k", "anthropic-version": "2023-06-01"]
        #expect(try await send(relay, "/v1/messages", headers: anthropic, body: message).status == 200)
        #expect(try await send(relay, "/anthropic/v1/messages", headers: anthropic, body: message).status == 404)
        let gemini = #"{"contents":[{"parts":[{"text":"hi"}]}]}"#
        #expect(
            try await send(
                relay, "/v1beta/models/gemini-2.5-flash:generateContent", headers: ["x-goog-api-key": "k"],
                body: gemini
            ).status == 200)
        #expect(
            try await send(
                relay, "/google/v1beta/models/gemini-2.5-flash:generateContent", headers: ["x-goog-api-key": "k"],
                body: gemini
            ).status == 404)
        let chat = #"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}"#
        #expect(
            try await send(relay, "/v1/chat/completions", headers: ["Authorization": "Bearer k"], body: chat).status
                == 200)
    }
}

// In the suite of the default catalog's matrix, so the two runs take turns: verify starts many
// programs at once, and two matrices beside the negative runs were more than this machine's two
// cores keep steady.
extension VerifierTests {
    @Test("every snippet of the root-routes catalog and its site runs against the stand-in relay serving its routes")
    func verifyRootRoutes() async throws {
        let generator = SnippetGenerator(catalog: rootRoutesCatalog, templates: defaultTemplates)
        let siteSnippets = try SiteSnippets.requests(inContent: rootRoutesFolder.path, generator: generator)
        #expect(siteSnippets.count >= 9, "the example site shows three models in three languages")
        let started = ContinuousClock.now
        let report = try await verify(catalog: rootRoutesCatalog, languages: nil, extraRequests: siteSnippets)
        let failures = report.results.filter { !$0.passed }
        #expect(failures.isEmpty, "\(failures.map(\.line).joined(separator: "\n"))\n\(failures.first?.details ?? "")")
        #expect(report.results.count >= 40)
        for protocolID in ["openai-chat", "openai-responses", "anthropic-messages", "gemini-generate"] {
            for language in generator.languages {
                #expect(
                    report.results.contains {
                        $0.passed && $0.verificationCase.protocolID == protocolID
                            && $0.verificationCase.request.language == language
                    }, "\(protocolID) \(language) not verified")
            }
        }
        print("root-routes verify: \(report.summary) in \(ContinuousClock.now - started)")
    }
}
