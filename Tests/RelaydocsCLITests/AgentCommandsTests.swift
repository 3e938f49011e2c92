import Foundation
import Testing

/// `relaydocs models` and `relaydocs domains`: the command-line twins of `relaydocs mcp`'s
/// list_models and domain_rules.
@Suite("relaydocs models and domains")
struct AgentCommandsTests {
    let cli = CLITests()

    @Test("models --format json lists every model with its protocols, native first, and its recipes")
    func modelsJSON() async throws {
        let result = try await cli.relaydocs("models", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let models = try #require(object["models"] as? [[String: Any]])
        let gemini = try #require(models.first { $0["id"] as? String == "gemini-2.5-flash" })
        let protocols = try #require(gemini["protocols"] as? [[String: Any]])
        #expect(protocols.first?["id"] as? String == "gemini-generate")
        #expect(protocols.first?["native"] as? Bool == true)
        let recipes = try #require(protocols.first?["recipes"] as? [[String: Any]])
        #expect(recipes.first?["id"] as? String == "hello")
        #expect((recipes.first?["languages"] as? [String])?.contains("curl") == true)
        let text = try await cli.relaydocs("models")
        #expect(text.stdout.hasPrefix("model "))
        #expect(text.stdout.contains("gemini-2.5-flash"))
    }

    @Test("domains prints the Providers table of catalog, in the locale asked for, from --origin")
    func domains() async throws {
        let result = try await cli.relaydocs("domains")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("provider "))
        #expect(result.stdout.contains("https://api.openai-proxy.org/anthropic"))
        let catalog = try await cli.relaydocs("catalog")
        #expect(catalog.stdout.contains("Providers\n" + result.stdout + "\nProtocols\n"))
        let moved = try await cli.relaydocs("domains", "--origin", "https://relay.example.net", "--locale", "zh")
        #expect(moved.stdout.contains("https://relay.example.net/google"))
        #expect(moved.stdout != result.stdout)
    }
}
