import Foundation
import MCP
import RelayCatalog
import RelayDefaults
import RelayMCP
import RelaySnippets
import Testing

/// The tools of `relaydocs mcp`, called in-process (the MCP Python client drives the binary in
/// Tests/mcp).
@Suite("relaydocs mcp: the tools")
struct RelayMCPTests {
    static func generator(templates: [String: String] = DefaultResources.templates) throws -> SnippetGenerator {
        SnippetGenerator(
            catalog: try Catalog.load(yaml: DefaultResources.catalogYAML, path: "catalog.yaml"),
            templates: try SnippetTemplates(files: templates, origin: "templates"))
    }

    static func texts(_ result: CallTool.Result) -> [String] {
        result.content.compactMap { content in
            if case .text(let text, _, _) = content { return text }
            return nil
        }
    }

    static func schemaEnum(_ tool: Tool, _ property: String) -> [String] {
        tool.inputSchema.objectValue?["properties"]?.objectValue?[property]?.objectValue?["enum"]?.arrayValue?
            .compactMap(\.stringValue) ?? []
    }

    @Test("four tools; get_setup only with clients, and diagnose_base_url (not landed) never")
    func tools() throws {
        let server = RelayMCPServer(generator: try Self.generator())
        #expect(server.tools.map(\.name) == ["list_models", "get_snippet", "domain_rules", "get_setup"])
        let noClients = DefaultResources.templates.filter { !$0.key.hasPrefix("clients/") }
        let without = RelayMCPServer(generator: try Self.generator(templates: noClients))
        #expect(without.tools.map(\.name) == ["list_models", "get_snippet", "domain_rules"])
    }

    @Test("get_setup answers what relaydocs setup --format json prints, errors included")
    func setupAnswers() throws {
        let generator = try Self.generator()
        let server = RelayMCPServer(generator: generator)
        let key = "sk-'\"$(id)`x`\\n"
        let result = try server.call("get_setup", arguments: ["client": "gemini-cli", "key": .string(key)])
        #expect(result.isError == false)
        #expect(
            Self.texts(result) == [
                generator.setupCommand(client: "gemini-cli", model: nil, key: key, json: true).standardOutput
            ])
        let tool = try #require(server.tools.first { $0.name == "get_setup" })
        #expect(Self.schemaEnum(tool.definition, "client") == generator.clients.map(\.id))
        let unknown = try server.call("get_setup", arguments: ["client": "cursor"])
        #expect(unknown.isError == true)
        #expect(Self.texts(unknown).first?.hasPrefix("error: unknown client \"cursor\"") == true)
    }

    @Test("get_snippet's choices come from the catalog and templates it started with")
    func choicesFromData() throws {
        let generator = try Self.generator()
        let tool = try #require(RelayMCPServer(generator: generator).tools.first { $0.name == "get_snippet" })
        #expect(Self.schemaEnum(tool.definition, "language") == generator.languages.map(\.rawValue))
        #expect(Self.schemaEnum(tool.definition, "protocol") == generator.catalog.protocols.map(\.id))
        #expect(Self.schemaEnum(tool.definition, "recipe").contains("tools"))
        // Templates without the tools recipe: the tool offers it no more.
        let fewer = DefaultResources.templates.filter { !$0.key.hasPrefix("snippets/recipes/tools/") }
        let trimmed = try #require(
            RelayMCPServer(generator: try Self.generator(templates: fewer)).tools.first { $0.name == "get_snippet" })
        #expect(!Self.schemaEnum(trimmed.definition, "recipe").contains("tools"))
        #expect(Self.schemaEnum(trimmed.definition, "recipe").contains("hello"))
    }

    @Test("a call answers what the command prints: the code, the note of an unlisted model, the error")
    func answers() throws {
        let generator = try Self.generator()
        let server = RelayMCPServer(generator: generator)
        let key = "sk-mcp-'\"$(id)"
        let code = try server.call(
            "get_snippet", arguments: ["model": "gpt-4o", "language": "python", "key": .string(key), "stream": true])
        #expect(code.isError == false)
        #expect(
            Self.texts(code) == [
                generator.snippetCommand(SnippetRequest(model: "gpt-4o", language: .python, stream: true), key: key)
                    .standardOutput
            ])
        let unlisted = try server.call("get_snippet", arguments: ["model": "my-model", "language": "curl"])
        #expect(Self.texts(unlisted).count == 2)
        #expect(Self.texts(unlisted)[1].hasPrefix("note: model \"my-model\" is not in the catalog"))
        let spaced = try server.call(
            "get_snippet", arguments: ["model": "gpt-4o", "language": "python", "key": "sk-a b"])
        #expect(spaced.isError == true)
        #expect(
            Self.texts(spaced) == [
                "error: --key: the API key has a space at character 5; a key must be visible ASCII (0x21-0x7E), since no HTTP header can carry anything else\n"
            ])
        #expect(!Self.texts(spaced).joined().contains("sk-a b"), "the key is not repeated")
        let models = try server.call("list_models", arguments: nil)
        #expect(Self.texts(models) == [ModelList(generator: generator).json])
        let domains = try server.call("domain_rules", arguments: ["locale": "zh"])
        #expect(Self.texts(domains) == [CatalogTables(catalog: generator.catalog, locale: "zh").domains])
    }

    @Test("arguments are checked: names, types, what is required; an unknown tool is a protocol error")
    func arguments() throws {
        let server = RelayMCPServer(generator: try Self.generator())
        func error(_ name: String, _ arguments: [String: Value]) throws -> [String] {
            let result = try server.call(name, arguments: arguments)
            #expect(result.isError == true)
            return Self.texts(result)
        }
        #expect(try error("get_snippet", ["model": "gpt-4o"]) == ["error: language is required\n"])
        #expect(
            try error("get_snippet", ["model": "gpt-4o", "language": "python", "thinking": "lots"]) == [
                "error: thinking must be a whole number\n"
            ])
        #expect(try error("domain_rules", ["local": "zh"]) == ["error: unknown argument \"local\"; expected locale\n"])
        let budget = try server.call(
            "get_snippet",
            arguments: [
                "model": "claude-sonnet-4-20250514", "language": "python", "protocol": "anthropic-messages",
                "thinking": 2048.0, "prompt": .null,
            ])
        #expect(budget.isError == false, "2048.0 is a whole number; null is absent")
        #expect(try error("get_setup", [:]) == ["error: client is required\n"])
        #expect(throws: MCPError.self) { try server.call("diagnose_base_url", arguments: [:]) }
    }

    @Test("over HTTP, a server on loopback refuses a Host that is not loopback (DNS rebinding)")
    func hostCheck() async throws {
        let generator = try Self.generator()
        let endpoint = MCPHTTPEndpoint(allowedOrigins: [], loopbackOnly: true) { generator }
        let open = MCPHTTPEndpoint(allowedOrigins: [], loopbackOnly: false) { generator }
        let body = Data(#"{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}"#.utf8)
        func request(host: String) -> MCP.HTTPRequest {
            MCP.HTTPRequest(
                method: "POST",
                headers: ["Host": host, "Content-Type": "application/json", "Accept": "application/json"], body: body)
        }
        #expect(await endpoint.handle(request(host: "attacker.example")).statusCode == 421)
        #expect(await endpoint.handle(request(host: "localhost:")).statusCode == 421)
        #expect(await endpoint.handle(request(host: "127.0.0.1:8080")).statusCode == 200)
        #expect(await endpoint.handle(request(host: "[::1]:8080")).statusCode == 200)
        #expect(await open.handle(request(host: "docs.example.com")).statusCode == 200, "served on a public address")
        let waiting = MCPHTTPEndpoint(allowedOrigins: [], loopbackOnly: true) { nil }
        #expect(await waiting.handle(request(host: "localhost")).statusCode == 503)
    }

    @Test("the models list has each model's protocols (native first) and the recipes and languages of each")
    func modelList() throws {
        let generator = try Self.generator()
        let list = ModelList(generator: generator)
        let claude = try #require(list.models.first { $0.id == "claude-sonnet-4-20250514" })
        #expect(claude.protocols.map(\.id) == ["anthropic-messages", "openai-chat", "vertex-anthropic"])
        #expect(claude.protocols.map(\.native) == [true, false, false])
        let hello = try #require(claude.protocols[0].recipes.first { $0.id == "hello" })
        #expect(hello.languages == generator.languages.map(\.rawValue), "hello is written in every language")
        let tools = try #require(claude.protocols[0].recipes.first { $0.id == "tools" })
        #expect(!tools.languages.isEmpty && tools.languages.allSatisfy(generator.languages.map(\.rawValue).contains))
        #expect(claude.reasoning?.style == "budget")
        let json = list.json
        #expect(json.hasSuffix("}\n"))
        #expect(try JSONDecoder().decode(ModelList.self, from: Data(json.utf8)) == list)
    }
}
