import RelayCatalog
import RelayDefaults
import RelaySnippets
import Testing

@Suite("Choosing protocols and options")
struct SnippetGeneratorTests {
    let generator = Fixtures.generator

    @Test("without a protocol the model's native protocol is used")
    func nativeProtocol() throws {
        let snippet = try generator.snippet(for: SnippetRequest(model: "claude-sonnet-4-20250514", language: .python))
        #expect(snippet.protocol == "anthropic-messages")
        #expect(snippet.sdk == "anthropic")
        #expect(snippet.code.contains("from anthropic import Anthropic"))
        #expect(snippet.code.contains("base_url=\"https://api.openai-proxy.org/anthropic\""))
    }

    @Test("a model not in the catalog is served through openai-chat, with a note")
    func unlistedModel() throws {
        let resolution = try generator.resolve(model: "qwen-max")
        #expect(resolution.protocolIDs == ["openai-chat"])
        #expect(resolution.isListed == false)
        #expect(resolution.note?.contains("not in the catalog") == true)
        let snippet = try generator.snippet(for: SnippetRequest(model: "qwen-max", language: .curl))
        #expect(snippet.protocol == "openai-chat")
        #expect(snippet.code.contains("https://api.openai-proxy.org/v1/chat/completions"))
        #expect(snippet.code.contains("\"model\": \"qwen-max\""))
        #expect(try generator.snippets(model: "qwen-max").count == 12, "six languages, plain and stream")
    }

    @Test("an unlisted model may still ask for another protocol by name")
    func unlistedModelWithProtocol() throws {
        let snippet = try generator.snippet(
            for: SnippetRequest(model: "claude-opus-9", language: .python, protocolID: "anthropic-messages"))
        #expect(snippet.code.contains("model=\"claude-opus-9\""))
    }

    @Test func aProtocolTheModelDoesNotAcceptIsRefused() {
        #expect(
            throws: SnippetError.protocolNotAccepted(
                model: "deepseek-chat", protocolID: "anthropic-messages", accepted: ["openai-chat"])
        ) {
            try generator.snippet(
                for: SnippetRequest(model: "deepseek-chat", language: .python, protocolID: "anthropic-messages"))
        }
    }

    @Test func anUnknownProtocolIsRefusedWithTheKnownOnes() {
        #expect {
            try generator.snippet(for: SnippetRequest(model: "gpt-4o", language: .python, protocolID: "vertex"))
        } throws: { error in
            "\(error)"
                == "unknown protocol \"vertex\"; expected one of openai-chat, openai-responses, anthropic-messages, gemini-generate, vertex-gemini, vertex-anthropic"
        }
    }

    @Test(arguments: [
        (
            SnippetRequest(model: "gpt-4o", language: .python, thinkingBudget: 2048),
            "--thinking needs the anthropic-messages protocol"
        ),
        (
            SnippetRequest(model: "gemini-2.5-flash", language: .curl, cache: true),
            "--cache needs the anthropic-messages protocol"
        ),
        (SnippetRequest(model: "claude-sonnet-4-20250514", language: .swift, thinkingBudget: 1000), "at least 1024"),
        (SnippetRequest(model: "claude-sonnet-4-20250514", language: .swift, thinkingBudget: 20_000), "add --stream"),
        (
            SnippetRequest(model: "claude-sonnet-4-20250514", language: .swift, stream: true, thinkingBudget: 500_000),
            "largest budget"
        ),
        (SnippetRequest(model: "gpt-4o", language: .swift, prompt: ""), "the prompt is empty"),
        (SnippetRequest(model: "", language: .swift), "the model is empty"),
    ])
    func optionsThatDoNotFitAreRefused(request: SnippetRequest, message: String) {
        #expect {
            try generator.snippet(for: request)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test("a large thinking budget streams")
    func largeBudgetStreams() throws {
        let snippet = try generator.snippet(
            for: SnippetRequest(
                model: "claude-sonnet-4-20250514", language: .curl, stream: true, thinkingBudget: 32_000))
        #expect(snippet.code.contains("\"budget_tokens\": 32000"))
        #expect(snippet.code.contains("\"max_tokens\": 33024"))
    }

    @Test(
        "snippets: each accepted protocol × python, curl, swift, javascript, go, java × plain and stream, in that order"
    )
    func allSnippetsOfAModel() throws {
        let snippets = try generator.snippets(model: "claude-sonnet-4-20250514")
        #expect(snippets.count == 36)
        #expect(
            snippets.map(\.protocol) == Array(repeating: "anthropic-messages", count: 12)
                + Array(repeating: "openai-chat", count: 12) + Array(repeating: "vertex-anthropic", count: 12))
        #expect(
            snippets.prefix(12).map { "\($0.language)-\($0.stream)" } == [
                "python-false", "python-true", "curl-false", "curl-true", "swift-false", "swift-true",
                "javascript-false", "javascript-true", "go-false", "go-true", "java-false", "java-true",
            ])
        #expect(
            snippets.map(\.sdk).prefix(12).enumerated().filter { $0.offset % 2 == 0 }.map(\.element) == [
                "anthropic", "curl", "Foundation URLSession", "Node.js fetch", "net/http", "java.net.http",
            ])
    }

    @Test("another origin reaches every snippet and keeps the provider paths")
    func otherOrigin() throws {
        let staging = SnippetGenerator(
            catalog: Fixtures.catalog.replacingOrigin(with: try RelayOrigin("http://127.0.0.1:8765")),
            templates: Fixtures.templates)
        for snippet in try staging.snippets(model: "gemini-2.5-flash") {
            #expect(!snippet.code.contains("openai-proxy.org"), "\(snippet.language) \(snippet.protocol)")
            #expect(snippet.code.contains("http://127.0.0.1:8765/"), "\(snippet.language) \(snippet.protocol)")
        }
    }

    @Test("the key and prompt appear in every snippet, escaped for its language")
    func valuesAreEscaped() throws {
        let key = try APIKey("sk-'\"$(id)")
        let snippets = try generator.snippets(model: "claude-sonnet-4-20250514", key: key, prompt: "a'b\"c\\d")
        for snippet in snippets {
            switch snippet.language {
            case .python:
                // AnthropicVertex takes the relay's key as its access token.
                #expect(
                    snippet.code.contains(#"api_key="sk-'\"$(id)""#)
                        || snippet.code.contains(#"access_token="sk-'\"$(id)""#))
                #expect(snippet.code.contains(#""a'b\"c\\d""#))
            case .curl:
                #expect(snippet.code.contains(#"sk-'\''"$(id)'"#))
                #expect(snippet.code.contains(#""a'\''b\"c\\d""#))
            case .swift:
                #expect(snippet.code.contains(#"let apiKey = "sk-'\"$(id)""#))
                #expect(snippet.code.contains(#"let prompt = "a'b\"c\\d""#))
            case "javascript":
                #expect(snippet.code.contains(#"const apiKey = "sk-'\"$(id)";"#))
                #expect(snippet.code.contains(#"const prompt = "a'b\"c\\d";"#))
            case "go":
                #expect(snippet.code.contains(#"apiKey := "sk-'\"$(id)""#))
                #expect(snippet.code.contains(#"prompt := "a'b\"c\\d""#))
            case "java":
                #expect(snippet.code.contains(#"String apiKey = "sk-'\"$(id)";"#))
                #expect(snippet.code.contains(#"String prompt = "a'b\"c\\d";"#))
            default:
                Issue.record("no expectation for \(snippet.language)")
            }
        }
    }
}

@Suite("Templates cannot paste a value unescaped")
struct TemplateSafetyTests {
    /// The built-in language and recipe definitions without their templates.
    static var definitions: [String: String] {
        DefaultResources.templates.filter { $0.key.hasPrefix("snippets/") && $0.key.hasSuffix(".yaml") }
    }

    func render(_ template: String, language: Language = .curl) throws(SnippetError) -> String {
        var files = Self.definitions
        files["snippets/recipes/hello/\(language)/openai-chat.mustache"] = template
        let templates = try SnippetTemplates(files: files, origin: "test-templates")
        let generator = SnippetGenerator(catalog: Fixtures.catalog, templates: templates)
        return try generator.snippet(for: SnippetRequest(model: "gpt-4o", language: language)).code
    }

    @Test func escapedValuesRender() throws {
        #expect(
            try render("curl {{shellWord(url)}} -H 'Authorization: Bearer {{shell(key)}}' -d '{{shell(json(prompt))}}'")
                == "curl https://api.openai-proxy.org/v1/chat/completions -H 'Authorization: Bearer sk-xxxxxx' -d '\"Say hi\"'\n"
        )
    }

    @Test(arguments: [
        ("curl -H 'Authorization: Bearer {{key}}'", "{{key}} writes a value without a final escaper"),
        ("curl -d {{json(prompt)}}", "json(prompt) writes a value without a final escaper"),
        ("curl {{python(url)}}", "this language has no escaper \"python\""),
        ("curl {{shell(shell(key))}}", "applied to code that is already escaped"),
        ("curl {{{key}}}", "{{key}} writes a value without a final escaper"),
    ])
    func unsafeTemplatesAreRefused(template: String, message: String) {
        #expect {
            try render(template)
        } throws: { error in
            guard case .unsafeTemplate(let path, let text) = error as? SnippetError else { return false }
            return path == "test-templates/snippets/recipes/hello/curl/openai-chat.mustache" && text.contains(message)
        }
    }

    @Test func aTemplateThatDoesNotParseNamesItsLine() {
        #expect {
            try render("line one\n{{#stream}}\nunclosed\n")
        } throws: { error in
            guard case .invalidTemplate(let path, let line, _, _) = error as? SnippetError else { return false }
            return path == "test-templates/snippets/recipes/hello/curl/openai-chat.mustache" && line >= 2
        }
    }

    @Test func aMissingTemplateIsNamed() throws {
        let templates = try SnippetTemplates(files: Self.definitions, origin: "empty")
        let generator = SnippetGenerator(catalog: Fixtures.catalog, templates: templates)
        #expect(throws: SnippetError.missingTemplate(path: "empty/snippets/recipes/hello/python/openai-chat.mustache"))
        {
            try generator.snippet(for: SnippetRequest(model: "gpt-4o", language: .python))
        }
        #expect(
            generator.missingTemplates().count == Fixtures.catalog.protocols.count * Fixtures.catalog.languages.count)
        #expect(Fixtures.generator.missingTemplates().isEmpty)
    }
}
