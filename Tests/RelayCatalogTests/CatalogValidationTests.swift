import RelayCatalog
import Testing

@Suite("Catalog validation")
struct CatalogValidationTests {
    /// Loads YAML that must fail and returns its diagnostics as `line: message` strings.
    func problems(_ yaml: String) -> [String] {
        do {
            _ = try Catalog.load(yaml: yaml, path: "broken.yaml")
            Issue.record("the catalog loaded, but it has errors")
            return []
        } catch {
            #expect(error.diagnostics.allSatisfy { $0.path == "broken.yaml" })
            return error.diagnostics.map { "\($0.line): \($0.message)" }
        }
    }

    static let valid = """
        relay:
          name: Test relay
          origin: https://relay.example.com
          placeholderKey: sk-test
          defaultPrompt: hi
        providers:
          - id: openai
            name: OpenAI
            originalBaseURL: https://api.openai.com/v1
            relayBaseURL: "{origin}/v1"
        protocols:
          - id: openai-chat
            name: Chat
            provider: openai
            endpoint: /chat/completions
            sdks: { python: openai, curl: curl, swift: urlsession }
        sdks:
          - { id: openai, language: python, package: openai, versions: ">=1" }
          - { id: curl, language: curl, package: curl, versions: any }
          - { id: urlsession, language: swift, package: Foundation, versions: any }
        models:
          - id: gpt-test
            name: GPT test
            vendor: OpenAI
            protocols: [openai-chat]
        """

    @Test func aValidCatalogLoads() throws {
        let catalog = try Catalog.load(yaml: Self.valid, path: "ok.yaml")
        #expect(catalog.models.map(\.id) == ["gpt-test"])
        #expect(catalog.relayBaseURL(of: catalog.providers[0]) == "https://relay.example.com/v1")
    }

    @Test("every problem is reported at once, each with its line")
    func allProblemsAtOnce() {
        let yaml = """
            relay:
              name: Test relay
              origin: relay.example.com
              placeholderKey: "sk test"
              defaultPrompt: hi
            providers:
              - id: openai
                name: OpenAI
                originalBaseURL: not a url
                relayBaseURL: "https://elsewhere/v1"
              - id: openai
                name: Copy
                originalBaseURL: https://api.openai.com/v1
                relayBaseURL: "{origin}/v1"
            protocols:
              - id: openai-chat
                name: Chat
                provider: opnai
                endpoint: /chat/completions
                sdks: { python: openai, curl: curl, swift: urlsession }
              - id: gemini
                name: Gemini
                provider: openai
                endpoint: "/{apiVersion}/models/{model}:generate"
                sdks: { python: curl, curl: curl }
            sdks:
              - { id: openai, language: python, package: openai, versions: ">=1" }
              - { id: curl, language: curl, package: curl, versions: any }
              - { id: urlsession, language: swift, package: Foundation, versions: any }
              - { id: rust, language: Rust, package: reqwest, versions: any }
            models:
              - id: gpt-test
                name: GPT test
                vendor: OpenAI
                protocols: []
              - id: other
                name: Other
                vendor: X
                protocols: [openai-chat, vertex]
                colour: blue
            """
        let found = problems(yaml)
        let expected = [
            "3: invalid origin: the origin \"relay.example.com\"",
            "4: invalid placeholderKey: the API key has a space at character 3",
            "9: originalBaseURL \"not a url\" is not an http or https URL",
            "10: relayBaseURL \"https://elsewhere/v1\" must be \"{origin}\" followed by a path",
            "11: duplicate id \"openai\" in providers; it is already used on line 7",
            "18: unknown provider \"opnai\"",
            "24: endpoint uses {apiVersion} but the protocol has no apiVersion",
            "25: sdks has no entry for swift",
            "25: SDK \"curl\" is for curl, not python",
            "30: language \"Rust\" in an SDK must be lowercase letters, digits, dots and dashes",
            "35: model \"gpt-test\" has no protocol",
            "39: unknown protocol \"vertex\"",
            "40: unknown key \"colour\" in a model",
        ]
        #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
        for (line, prefix) in zip(found, expected) {
            #expect(line.hasPrefix(prefix), "expected \(prefix)… but got \(line)")
        }
    }

    @Test("a Vertex-style protocol: values in the path, sdkBase where the endpoints start, per-protocol model ids")
    func vertexStyleProtocol() throws {
        let protocolYAML = """
              - id: vertex-anthropic
                name: Claude on Vertex
                provider: openai
                apiVersion: vertex-2023-10-16
                endpoint: "/v1/projects/{project}/locations/{region}/publishers/anthropic/models/{model}:rawPredict"
                sdkBase: SDKBASE
                values: { project: p, region: us-east5 }
                sdks: { python: openai, curl: curl, swift: urlsession }
            models:
              - id: claude-test
                name: Claude test
                vendor: Anthropic
                protocols: [openai-chat, vertex-anthropic]
                ids: { IDS }
            """
        // The valid catalog with the protocol added after its protocols and the model replacing its models.
        let parts = Self.valid.components(separatedBy: "sdks:\n  - { id: openai")
        let sdkSection = "sdks:\n  - { id: openai" + parts[1].components(separatedBy: "models:")[0]
        let base = parts[0]
        func catalog(sdkBase: String, ids: String) -> String {
            base
                + protocolYAML.components(separatedBy: "models:")[0]
                .replacingOccurrences(of: "SDKBASE", with: sdkBase) + sdkSection + "models:"
                + protocolYAML.components(separatedBy: "models:")[1].replacingOccurrences(of: "IDS", with: ids)
        }
        let loaded = try Catalog.load(
            yaml: catalog(sdkBase: "/v1", ids: "vertex-anthropic: claude-test@20250101"), path: "ok.yaml")
        let vertex = try #require(loaded.wireProtocol(id: "vertex-anthropic"))
        #expect(
            loaded.endpointURL(of: vertex, model: "claude-test", stream: false)
                == "https://relay.example.com/v1/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-test@20250101:rawPredict"
        )
        #expect(loaded.sdkBaseURL(of: vertex) == "https://relay.example.com/v1/v1")
        #expect(loaded.modelID("claude-test", on: loaded.wireProtocol(id: "openai-chat")!) == "claude-test")

        let wrongBase = problems(catalog(sdkBase: "/v2", ids: "vertex-anthropic: claude-test@20250101"))
        #expect(wrongBase.count == 1 && wrongBase[0].contains("sdkBase \"/v2\" must be where endpoint"), "\(wrongBase)")
        let slash = problems(catalog(sdkBase: "/v1/", ids: "vertex-anthropic: claude-test@20250101"))
        #expect(slash.count == 1 && slash[0].contains("sdkBase \"/v1/\" must be a path"), "\(slash)")
        let unlisted = problems(catalog(sdkBase: "/v1", ids: "vertex-gemini: claude-test@20250101"))
        #expect(
            unlisted.count == 1
                && unlisted[0].contains("ids names protocol \"vertex-gemini\", which the model does not list"),
            "\(unlisted)")
    }

    @Test func missingSectionsAreNamed() {
        let found = problems("relay:\n  name: x\n")
        #expect(found.contains { $0.hasPrefix("1: the catalog has no \"providers\"") })
        #expect(found.contains { $0.contains("relay has no \"origin\"") })
        #expect(found.contains { $0.contains("the catalog has no \"models\"") })
    }

    @Test func invalidYAMLNamesItsLine() {
        let found = problems("relay:\n  name: [unclosed\nproviders: []\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("3: invalid YAML") == true, "\(found)")
    }

    @Test func diagnosticsReadLikeCompilerErrors() {
        let diagnostic = CatalogDiagnostic(path: "c.yaml", line: 4, column: 7, message: "bad")
        #expect(diagnostic.description == "c.yaml:4:7: error: bad")
    }

    @Test func aMissingFileIsReported() {
        #expect {
            try Catalog.load(path: "/nonexistent/catalog.yaml")
        } throws: { error in
            "\(error)".hasPrefix("/nonexistent/catalog.yaml: error: cannot read the catalog")
        }
    }
}
