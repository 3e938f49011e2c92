import Foundation
import RelayCatalog
import RelayDefaults
import RelaySnippets
import RelayVerify
import Testing

/// The client virtual environments: `RELAYDOCS_CLIENT_VENVS`, or the `.venv-clients` that
/// `make client-venvs` (and `make test`) creates.
let clientVenvs: String = {
    if let folder = ProcessInfo.processInfo.environment["RELAYDOCS_CLIENT_VENVS"] { return folder }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".venv-clients").path
}()

@Suite("Every client set-up runs (or is replayed) against the stand-in relay", .serialized)
struct SetupVerifierTests {
    func run(_ templates: SnippetTemplates = defaultTemplates, clients: [String]? = nil) async throws -> [SetupResult] {
        let verifier = SetupVerifier(
            catalog: defaultCatalog, templates: templates,
            options: SetupVerifier.Options(clients: clients, venvs: clientVenvs))
        return try await verifier.run()
    }

    @Test(
        "the twelve clients' set-ups pass: env SDKs and frameworks with their pinned packages, agents and apps replayed"
    )
    func everySetupPasses() async throws {
        let results = try await run()
        // Each client through each protocol it speaks: LiteLLM through OpenAI's and Gemini's.
        #expect(results.count == 13)
        #expect(Set(results.map(\.setupCase.client.id)).count == 12)
        for result in results where !result.passed {
            Issue.record("\(result.line)\n\(result.details)")
        }
    }

    @Test("a set-up with the base URL in the wrong form fails: Claude Code given /v1, Cherry Studio given /v1 kept")
    func wrongBaseURLFails() async throws {
        var files = DefaultResources.templates
        let claude = try #require(files["clients/claude-code/client.yaml"])
        files["clients/claude-code/client.yaml"] = claude.replacingOccurrences(
            of: "baseURL: \"{base}\"", with: "baseURL: \"{base}/v1\"")
        let cherry = try #require(files["clients/cherry-studio/client.yaml"])
        files["clients/cherry-studio/client.yaml"] = cherry.replacingOccurrences(of: "    strip: /v1\n", with: "")
        let results = try await run(
            try SnippetTemplates(files: files, origin: "templates"), clients: ["claude-code", "cherry-studio"])
        #expect(results.count == 2)
        for result in results {
            #expect(!result.passed, "\(result.setupCase) passed with the wrong base URL")
        }
        #expect(results[0].problems.contains { $0.contains("/anthropic/v1/v1/messages") }, "\(results[0].problems)")
    }

    @Test("LiteLLM given the Gemini base URL without its version calls /models/… at the root of it, and fails")
    func litellmNeedsTheVersion() async throws {
        var files = DefaultResources.templates
        let litellm = try #require(files["clients/litellm/client.yaml"])
        files["clients/litellm/client.yaml"] = litellm.replacingOccurrences(
            of: "baseURL: \"{base}/{apiVersion}\"", with: "baseURL: \"{base}\"")
        let results = try await run(try SnippetTemplates(files: files, origin: "templates"), clients: ["litellm"])
        let gemini = try #require(results.first { $0.setupCase.protocolID == "gemini-generate" })
        #expect(!gemini.passed)
        #expect(gemini.problems.contains { $0.contains("404") }, "\(gemini.problems)")
    }

    @Test("a Codex set-up whose key does not survive the shell fails")
    func brokenExportFails() async throws {
        var files = DefaultResources.templates
        let codex = try #require(files["clients/codex-cli/client.yaml"])
        files["clients/codex-cli/client.yaml"] = codex.replacingOccurrences(
            of: "export RELAY_API_KEY={{shellWord(key)}}", with: "export RELAY_API_KEY=\\\"{{shell(key)}}\\\"")
        let results = try await run(try SnippetTemplates(files: files, origin: "templates"), clients: ["codex-cli"])
        #expect(results.count == 1 && !results[0].passed)
    }
}
