@testable import RelayCatalog
import RelayDefaults
import Testing

@Suite("The built-in catalog")
struct DefaultCatalogTests {
    let catalog: Catalog

    init() throws {
        catalog = try Catalog.load(yaml: DefaultResources.catalogYAML, path: DefaultResources.catalogPath)
    }

    @Test func relayIsTheSeedRelay() {
        #expect(catalog.relay.origin.text == "https://api.openai-proxy.org")
        #expect(catalog.relay.placeholderKey.value == "sk-xxxxxx")
    }

    @Test("each provider's relay base URL is the origin plus the provider's path")
    func relayBaseURLs() throws {
        let urls = catalog.providers.map { [$0.originalBaseURL, catalog.relayBaseURL(of: $0)] }
        #expect(
            urls == [
                ["https://api.openai.com/v1", "https://api.openai-proxy.org/v1"],
                ["https://api.anthropic.com", "https://api.openai-proxy.org/anthropic"],
                ["https://generativelanguage.googleapis.com", "https://api.openai-proxy.org/google"],
                ["https://aiplatform.googleapis.com", "https://api.openai-proxy.org/google"],
            ])
    }

    @Test func requiredModelsAcceptTheirProtocols() throws {
        let expected: [String: [String]] = [
            "claude-sonnet-4-20250514": ["anthropic-messages", "openai-chat", "vertex-anthropic"],
            "gpt-4o": ["openai-chat", "openai-responses"],
            "gemini-2.5-flash": ["gemini-generate", "openai-chat", "vertex-gemini"],
            "deepseek-chat": ["openai-chat"],
        ]
        for (id, protocols) in expected {
            #expect(catalog.model(id: id)?.protocolIDs == protocols, "\(id)")
        }
        #expect(
            catalog.protocols.map(\.id) == [
                "openai-chat", "openai-responses", "anthropic-messages", "gemini-generate", "vertex-gemini",
                "vertex-anthropic",
            ])
    }

    @Test("endpoint URLs: the path of each protocol, the model as one encoded path segment")
    func endpointURLs() throws {
        let chat = try #require(catalog.wireProtocol(id: "openai-chat"))
        let gemini = try #require(catalog.wireProtocol(id: "gemini-generate"))
        let claude = try #require(catalog.wireProtocol(id: "anthropic-messages"))
        #expect(
            catalog.endpointURL(of: chat, model: "gpt-4o", stream: true)
                == "https://api.openai-proxy.org/v1/chat/completions")
        #expect(
            catalog.endpointURL(of: claude, model: "x", stream: false)
                == "https://api.openai-proxy.org/anthropic/v1/messages")
        #expect(
            catalog.endpointURL(of: gemini, model: "gemini-2.5-flash", stream: false)
                == "https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent")
        #expect(
            catalog.endpointURL(of: gemini, model: "gemini-2.5-flash", stream: true)
                == "https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")
        #expect(
            catalog.endpointURL(of: gemini, model: "../a/b?c#d é", stream: false)
                == "https://api.openai-proxy.org/google/v1beta/models/..%2Fa%2Fb%3Fc%23d%20%C3%A9:generateContent")
        #expect(
            catalog.endpointURL(of: gemini, model: "..", stream: false)
                == "https://api.openai-proxy.org/google/v1beta/models/%2E%2E:generateContent")
    }

    @Test(
        "Vertex: express-mode paths for Gemini, the project path and the @ model id for Claude, AnthropicVertex's base URL"
    )
    func vertexURLs() throws {
        let gemini = try #require(catalog.wireProtocol(id: "vertex-gemini"))
        let claude = try #require(catalog.wireProtocol(id: "vertex-anthropic"))
        #expect(gemini.apiVersion == "v1beta1")
        #expect(claude.apiVersion == "vertex-2023-10-16")
        #expect(
            catalog.endpointURL(of: gemini, model: "gemini-2.5-flash", stream: false)
                == "https://api.openai-proxy.org/google/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent"
        )
        #expect(
            catalog.endpointURL(of: gemini, model: "gemini-2.5-flash", stream: true)
                == "https://api.openai-proxy.org/google/v1beta1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
        )
        let path = "/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514"
        #expect(
            catalog.endpointURL(of: claude, model: "claude-sonnet-4-20250514", stream: false)
                == "https://api.openai-proxy.org/google/v1" + path + ":rawPredict")
        #expect(
            catalog.endpointURL(of: claude, model: "claude-sonnet-4-20250514", stream: true)
                == "https://api.openai-proxy.org/google/v1" + path + ":streamRawPredict")
        #expect(catalog.sdkBaseURL(of: claude) == "https://api.openai-proxy.org/google/v1")
        #expect(catalog.sdkPath(of: claude, model: "claude-sonnet-4-20250514", stream: false) == path + ":rawPredict")
        #expect(catalog.sdkBaseURL(of: gemini) == "https://api.openai-proxy.org/google")
        // Neither Vertex protocol is a model's native one.
        #expect(!catalog.models.contains { $0.protocolIDs.first?.hasPrefix("vertex-") == true })
    }

    @Test("another origin keeps each provider's path")
    func replacingOrigin() throws {
        let staging = catalog.replacingOrigin(with: try RelayOrigin("http://127.0.0.1:8080/relay/"))
        #expect(
            staging.providers.map { staging.relayBaseURL(of: $0) } == [
                "http://127.0.0.1:8080/relay/v1", "http://127.0.0.1:8080/relay/anthropic",
                "http://127.0.0.1:8080/relay/google", "http://127.0.0.1:8080/relay/google",
            ])
    }

    @Test func notesAreLocalized() throws {
        let anthropic = try #require(catalog.provider(id: "anthropic"))
        #expect(anthropic.note.text(for: "zh") == "添加 /anthropic 后缀")
        #expect(anthropic.note.text(for: "en") == "Add the /anthropic suffix")
        #expect(anthropic.note.text(for: "fr") == "Add the /anthropic suffix")
    }
}

@Suite("Keys and origins")
struct ValueTests {
    @Test(arguments: ["sk-abc", "sk-'\"$(id)`\\", "!~", String(repeating: "k", count: 500)])
    func visibleASCIIKeysAreAccepted(key: String) throws {
        #expect(try APIKey(key).value == key)
    }

    @Test(arguments: [
        ("", "empty"), ("sk abc", "a space at character 3"), ("sk-\tx", "a tab"), ("sk-\n", "a newline"),
        ("sk-\r", "a carriage return"), ("sk-é", "U+00E9"), ("sk-\u{7F}", "U+007F"), ("sk-\u{0}", "U+0000"),
    ])
    func otherKeysAreRefused(key: String, reason: String) {
        #expect {
            try APIKey(key)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test func keysPrintMasked() throws {
        let key = try APIKey("sk-1234567890abcdef")
        #expect("\(key)" == "sk-**************ef")
        #expect(!"\(key)".contains("1234"))
    }

    @Test(arguments: [
        ("https://api.openai-proxy.org", "https://api.openai-proxy.org"),
        ("https://relay.example.com/", "https://relay.example.com"),
        ("http://127.0.0.1:9000/prefix//", "http://127.0.0.1:9000/prefix"),
    ])
    func originsAreNormalized(text: String, expected: String) throws {
        #expect(try RelayOrigin(text).text == expected)
    }

    @Test(arguments: [
        "", "api.openai-proxy.org", "ftp://x.org", "https://", "https://x.org/?q=1", "https://x.org/#f",
        "https://u:p@x.org", "https://x.org/a b", "https://x.org/'$(id)'",
    ])
    func badOriginsAreRefused(text: String) {
        #expect(throws: InvalidValue.self) { try RelayOrigin(text) }
    }
}

@Suite("Endpoint templates")
struct EndpointTemplateTests {
    @Test("placeholders are filled; unknown ones and lone braces stay as written")
    func filling() {
        let values = ["{model}": "gemini%2F2.5", "{apiVersion}": "v1beta"]
        #expect(
            Catalog.filling("/{apiVersion}/models/{model}:generateContent", values)
                == "/v1beta/models/gemini%2F2.5:generateContent")
        #expect(Catalog.filling("/a/{other}/{model}", values) == "/a/{other}/gemini%2F2.5")
        #expect(Catalog.filling("/a{/b}{model", values) == "/a{/b}{model")
        #expect(Catalog.filling("/{model}{model}", values) == "/gemini%2F2.5gemini%2F2.5")
        #expect(Catalog.filling("/plain", values) == "/plain")
        #expect(Catalog.filling("/中文/{model}", values) == "/中文/gemini%2F2.5")
        // Found on bytes: non-ASCII names, values and text on either side keep their characters.
        #expect(Catalog.filling("「{名字}」用 {model}。{未知}", ["{名字}": "模型", "{model}": "é"]) == "「模型」用 é。{未知}")
        #expect(Catalog.filling("e\u{301}{x}{", ["{x}": "😀"]) == "e\u{301}😀{")
    }
}
