import Foundation
import RelayVerify
import Testing

/// `relaydocs clients` and `relaydocs setup`, run the way users run them.
@Suite("relaydocs clients and setup")
struct SetupCommandTests {
    func relaydocs(_ arguments: String...) async throws -> ProgramResult {
        try await ProgramRunner.run(CLITests.binary, arguments, directory: FileManager.default.temporaryDirectory)
    }

    @Test("clients lists the twelve with their kind and protocols")
    func clients() async throws {
        let result = try await relaydocs("clients")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("client") == true)
        let ids = lines.dropFirst().map { String($0.split(separator: " ")[0]) }
        #expect(
            ids == [
                "claude-code", "codex-cli", "gemini-cli", "cherry-studio", "langchain", "openai-agents", "litellm",
                "llamaindex", "pydantic-ai", "openai-env", "anthropic-env", "genai-env",
            ])
        #expect(
            lines.contains { $0.hasPrefix("claude-code") && $0.contains("agent") && $0.contains("anthropic-messages") })
        #expect(lines.contains { $0.hasPrefix("litellm") && $0.contains("openai-chat, gemini-generate") })
    }

    @Test("setup --format json with the hostile key keeps it byte for byte, and --origin moves the base URL")
    func setupJSON() async throws {
        let key = "sk-'\"$(id)`x`\\n"
        let result = try await relaydocs(
            "setup", "--client", "claude-code", "--key", key, "--origin", "http://127.0.0.1:9", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let file = try #require((object["files"] as? [[String: String]])?.first)
        let settings = try #require(
            try JSONSerialization.jsonObject(with: Data((file["content"] ?? "").utf8)) as? [String: [String: String]])
        #expect(settings["env"]?["ANTHROPIC_AUTH_TOKEN"] == key)
        #expect(settings["env"]?["ANTHROPIC_BASE_URL"] == "http://127.0.0.1:9/anthropic")
        #expect(!result.stderr.contains(key))
    }

    @Test("an unknown client or a model the client cannot use exits 64 with what is possible")
    func usageErrors() async throws {
        let unknown = try await relaydocs("setup", "--client", "cursor")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown client \"cursor\"; expected one of claude-code"))
        let wrong = try await relaydocs("setup", "--client", "codex-cli", "--model", "claude-sonnet-4-20250514")
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("codex-cli speaks openai-responses"))
        let badKey = try await relaydocs("setup", "--client", "codex-cli", "--key", "sk-a b")
        #expect(badKey.status == 1)
        #expect(!badKey.stderr.contains("sk-a b"))
    }
}
