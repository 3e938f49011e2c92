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

/// `relaydocs doctor`, run the way users run it.
@Suite("relaydocs doctor")
struct DoctorCommandTests {
    func relaydocs(_ arguments: String...) async throws -> ProgramResult {
        try await ProgramRunner.run(CLITests.binary, arguments, directory: FileManager.default.temporaryDirectory)
    }

    @Test("JSON has exactly the six keys; exit 0 when served (nulls), 1 when not (the fix), 64 for bad input")
    func exitStatuses() async throws {
        let served = try await relaydocs(
            "doctor", "--client", "claude-code", "--base-url", "https://api.openai-proxy.org/anthropic", "--format",
            "json")
        #expect(served.status == 0, "\(served.stderr)")
        #expect(
            served.stdout == """
                {
                  "client": "claude-code",
                  "baseURL": "https://api.openai-proxy.org/anthropic",
                  "requestURL": "https://api.openai-proxy.org/anthropic/v1/messages",
                  "served": true,
                  "suggestedBaseURL": null,
                  "reason": null
                }

                """)
        let wrong = try await relaydocs(
            "doctor", "--client", "openai", "--base-url", "https://api.openai-proxy.org", "--format", "json")
        #expect(wrong.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(wrong.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["client", "baseURL", "requestURL", "served", "suggestedBaseURL", "reason"])
        #expect(object["requestURL"] as? String == "https://api.openai-proxy.org/chat/completions")
        #expect(object["suggestedBaseURL"] as? String == "https://api.openai-proxy.org/v1")
        let text = try await relaydocs(
            "doctor", "--client", "claude-code", "--base-url", "https://api.openai-proxy.org/anthropic/v1", "--locale",
            "zh")
        #expect(text.status == 1)
        #expect(text.stdout.contains("请求:"))
        #expect(text.stdout.contains("https://api.openai-proxy.org/anthropic/v1/v1/messages"))
        #expect(text.stdout.contains("基础地址多了 /v1"))
        let unknown = try await relaydocs("doctor", "--client", "cursor", "--base-url", "https://x.example/v1")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown client \"cursor\""))
        let badURL = try await relaydocs("doctor", "--client", "openai", "--base-url", "not a url")
        #expect(badURL.status == 64)
        #expect(badURL.stderr.contains("--base-url"))
    }
}
