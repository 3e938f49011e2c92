import Foundation
import RelayCatalog
import RelayDefaults
import RelaySnippets
import Testing

@testable import RelayVerify

@Suite("Client set-ups")
struct ClientSetupTests {
    static let ids = [
        "claude-code", "codex-cli", "gemini-cli", "cherry-studio", "langchain", "openai-agents", "litellm",
        "llamaindex", "pydantic-ai", "openai-env", "anthropic-env", "genai-env",
    ]

    @Test("the templates have exactly the twelve clients, each with a kind and a protocol the catalog has")
    func twelveClients() {
        let clients = Fixtures.generator.clients
        #expect(Set(clients.map(\.id)) == Set(Self.ids))
        #expect(clients.count == 12)
        for client in clients {
            #expect(!client.protocolIDs.isEmpty)
            for protocolID in client.protocolIDs {
                #expect(Fixtures.catalog.wireProtocol(id: protocolID) != nil, "\(client.id): \(protocolID)")
            }
        }
        #expect(clients.filter { $0.kind == .agent }.map(\.id) == ["claude-code", "codex-cli", "gemini-cli"])
        #expect(clients.filter { $0.kind == .sdk }.map(\.id) == ["openai-env", "anthropic-env", "genai-env"])
    }

    @Test("each client gets the base URL in the form it wants, from the catalog's provider base URL")
    func baseURLForms() throws {
        func setup(_ client: String) throws -> Setup {
            try Fixtures.generator.setup(for: SetupRequest(client: client))
        }
        let claude = try setup("claude-code")
        #expect(claude.files[0].content.contains("\"ANTHROPIC_BASE_URL\": \"https://api.openai-proxy.org/anthropic\""))
        #expect(
            claude.requests.map(\.url) == [
                "https://api.openai-proxy.org/anthropic/v1/messages/count_tokens",
                "https://api.openai-proxy.org/anthropic/v1/messages",
            ])
        let codex = try setup("codex-cli")
        #expect(codex.files[0].content.contains("base_url = \"https://api.openai-proxy.org/v1\""))
        #expect(codex.files[0].content.contains("wire_api = \"responses\""))
        #expect(codex.requests.map(\.url) == ["https://api.openai-proxy.org/v1/responses"])
        let cherry = try setup("cherry-studio")
        #expect(cherry.settings.first { $0.name == "API address" }?.value == "https://api.openai-proxy.org")
        #expect(cherry.requests.map(\.url) == ["https://api.openai-proxy.org/v1/chat/completions"])
        let gemini = try setup("gemini-cli")
        #expect(gemini.files[0].content.contains("GOOGLE_GEMINI_BASE_URL=https://api.openai-proxy.org/google\n"))
        // A relay served elsewhere moves every set-up with it.
        let local = SnippetGenerator(
            catalog: Fixtures.catalog.replacingOrigin(with: try RelayOrigin("http://127.0.0.1:9999/relay")),
            templates: Fixtures.templates)
        let moved = try local.setup(for: SetupRequest(client: "claude-code"))
        #expect(moved.requests[1].url == "http://127.0.0.1:9999/relay/anthropic/v1/messages")
    }

    @Test("with the hostile key, every client's files parse with their real parsers and hold the key byte for byte")
    func hostileKeyEverywhere() async throws {
        let key = try APIKey(ClientEscaperPropertyTests.hostileKey)
        let verifier = SetupVerifier(catalog: Fixtures.catalog, templates: Fixtures.templates)
        let python = ClientEscaperPropertyTests.dotenvPython()
        for client in Fixtures.generator.clients {
            let output = Fixtures.generator.setupCommand(
                client: client.id, model: nil, key: key.value, json: true)
            #expect(!output.failed, "\(output.standardError)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
            let files = try #require(object["files"] as? [[String: String]])
            let folder = try TemporaryFolder()
            var written: [(path: String, format: String)] = []
            for (index, file) in files.enumerated() {
                let url = try folder.write(file["content"] ?? "", to: "\(index)/" + (file["path"] ?? "x"))
                written.append((url.path, file["language"] ?? ""))
            }
            // Every file parses, and a file that holds the key holds it byte for byte.
            let problems = try await verifier.parseProblems(written, key: key.value, python: python, in: folder.url)
            #expect(problems.isEmpty, "\(client.id): \(problems)")
            // The key reaches the user somewhere: a file, an export line (run in bash) or a field.
            let commands = (object["commands"] as? [String] ?? []).filter { $0.hasPrefix("export ") }
            let settings = (object["settings"] as? [[String: String]] ?? []).compactMap { $0["value"] }
            let script = try folder.write(
                commands.joined(separator: "\n") + "\nenv -0\n", to: "env.sh")
            let exported = try await ProgramRunner.run("bash", [script.path], environment: [:])
            let holdsKey =
                files.contains { ($0["content"] ?? "").contains("sk-'") }
                || exported.stdout.split(separator: "\0").contains { $0.hasSuffix("=" + key.value) }
                || settings.contains(key.value)
            #expect(holdsKey, "\(client.id) does not hand the key over")
        }
    }

    @Test("the export lines of a set-up give bash the key byte for byte")
    func exportLinesCarryTheKey() async throws {
        let key = ClientEscaperPropertyTests.hostileKey
        let setup = try Fixtures.generator.setup(for: SetupRequest(client: "codex-cli", key: try APIKey(key)))
        let folder = try TemporaryFolder()
        let script = try folder.write(
            setup.commands.filter { $0.hasPrefix("export ") }.joined(separator: "\n")
                + "\nprintf '%s' \"$RELAY_API_KEY\"\n", to: "env.sh")
        let result = try await ProgramRunner.run("bash", [script.path])
        #expect(result.stdout == key)
    }

    @Test("relaydocs setup --format json has the seven keys in order")
    func jsonShape() throws {
        let output = Fixtures.generator.setupCommand(client: "claude-code", model: nil, key: nil, json: true)
        let text = output.standardOutput
        let order = [
            "\"client\"", "\"protocol\"", "\"model\"", "\"files\"", "\"commands\"", "\"settings\"", "\"requests\"",
        ]
        let positions = order.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == 7 && positions == positions.sorted())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["client"] as? String == "claude-code")
        #expect(object["protocol"] as? String == "anthropic-messages")
        #expect((object["files"] as? [[String: String]])?.first?["path"] == "~/.claude/settings.json")
        #expect((object["requests"] as? [[String: String]])?.first?["method"] == "POST")
    }

    @Test("an unknown client and a model the client cannot use are usage errors that say what is possible")
    func errors() {
        let unknown = Fixtures.generator.setupCommand(client: "cursor", model: nil, key: nil, json: false)
        #expect(unknown.failed && unknown.usageError)
        #expect(unknown.standardError.hasPrefix("error: unknown client \"cursor\"; expected one of claude-code"))
        let wrong = Fixtures.generator.setupCommand(client: "claude-code", model: "gpt-4o", key: nil, json: false)
        #expect(wrong.failed && wrong.usageError)
        #expect(wrong.standardError.contains("claude-code speaks anthropic-messages, but gpt-4o is served through"))
        let key = Fixtures.generator.setupCommand(client: "claude-code", model: nil, key: "sk- space", json: false)
        #expect(key.failed && !key.usageError && key.standardError.hasPrefix("error: --key:"))
        #expect(!key.standardError.contains("sk- space"))
    }

    @Test("a client template that writes a value bare, or a client.yaml with mistakes, is refused with its place")
    func refusals() throws {
        var files = DefaultResources.templates
        files["clients/claude-code/settings.json.mustache"] = "{\"key\": \"{{key}}\"}\n"
        let unsafe = try SnippetTemplates(files: files, origin: "t")
        #expect(throws: SnippetError.self) {
            try SnippetGenerator(catalog: Fixtures.catalog, templates: unsafe).setup(
                for: SetupRequest(client: "claude-code"))
        }
        files = DefaultResources.templates
        files["clients/broken/client.yaml"] =
            "name: Broken\nkind: robot\nsummary: x\nprotocols:\n  openai-chat:\n    baseURL: /v1\n"
        do {
            _ = try SnippetTemplates(files: files, origin: "t")
            Issue.record("a broken client.yaml loaded")
        } catch {
            let text = error.description
            #expect(text.contains("t/clients/broken/client.yaml:2:"), "\(text)")
            #expect(text.contains("kind \"robot\" is not one of agent, app, framework, sdk"))
            #expect(text.contains("baseURL \"/v1\" must start with {base}"))
            #expect(text.contains("must list the requests the client then makes"))
        }
    }
}
