import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import RelayServer

/// `/mcp`: MCP's streamable HTTP transport, stateless (the MCP Python client drives it for real in
/// Tests/mcp).
@Suite("relaydocs serve: /mcp")
struct MCPRouteTests {
    static let json: HTTPFields = [.contentType: "application/json", .accept: "application/json, text/event-stream"]

    static func message(_ method: String, id: Int = 1, params: String = "{}") -> ByteBuffer {
        ByteBuffer(string: #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#)
    }

    static let initialize = message(
        "initialize",
        params: #"{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"test","version":"1"}}"#)

    @Test("each POST is answered with JSON; no session; GET and DELETE are 405 with Allow: POST")
    func protocolSide() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/mcp", method: .post, headers: Self.json, body: Self.initialize) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.headers[HTTPField.Name("Mcp-Session-Id")!] == nil)
                let body = fixture.json(response.body)
                let result = body["result"] as? [String: Any]
                #expect((result?["serverInfo"] as? [String: Any])?["name"] as? String == "relaydocs")
                #expect(result?["protocolVersion"] as? String == "2025-11-25")
            }
            // Another client's request, with no initialize of its own on this server: answered too.
            try await client.execute(uri: "/mcp", method: .post, headers: Self.json, body: Self.message("tools/list")) {
                response in
                let tools = (fixture.json(response.body)["result"] as? [String: Any])?["tools"] as? [[String: Any]]
                #expect(
                    tools?.compactMap { $0["name"] as? String } == [
                        "list_models", "get_snippet", "domain_rules", "get_setup", "diagnose_base_url",
                    ])
            }
            try await client.execute(
                uri: "/mcp", method: .post, headers: Self.json,
                body: ByteBuffer(string: #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
            ) { response in
                #expect(response.status == .accepted)
            }
            for method in [HTTPRequest.Method.get, .delete] {
                try await client.execute(
                    uri: "/mcp", method: method, headers: [.accept: "text/event-stream"]
                ) { response in
                    #expect(response.status == .methodNotAllowed)
                    #expect(response.headers[.allow] == "POST")
                }
            }
        }
    }

    @Test("a browser page of another origin and a bad Accept are refused; loopback and listed origins pass")
    func refusals() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server(cors: ["https://console.example.com"]).router())
        try await app.test(.router) { client in
            var headers = Self.json
            headers[.origin] = "https://evil.example"
            try await client.execute(uri: "/mcp", method: .post, headers: headers, body: Self.initialize) { response in
                #expect(response.status == .forbidden)
            }
            headers[.origin] = "https://console.example.com"
            try await client.execute(uri: "/mcp", method: .post, headers: headers, body: Self.initialize) { response in
                #expect(response.status == .ok)
            }
            headers[.origin] = "http://localhost:5173"
            try await client.execute(uri: "/mcp", method: .post, headers: headers, body: Self.initialize) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/mcp", method: .post, headers: [.contentType: "application/json", .accept: "text/html"],
                body: Self.initialize
            ) { response in
                #expect(response.status == .notAcceptable)
            }
        }
    }

    @Test("a key passed to get_snippet reaches the code, never the log")
    func keyIsNotLogged() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        let key = "sk-mcp-secret-0123456789"
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/mcp", method: .post, headers: Self.json,
                body: Self.message(
                    "tools/call",
                    params: #"{"name":"get_snippet","arguments":{"model":"gpt-4o","language":"curl","key":"\#(key)"}}"#)
            ) { response in
                let result = fixture.json(response.body)["result"] as? [String: Any]
                let content = result?["content"] as? [[String: Any]]
                #expect((content?.first?["text"] as? String)?.contains("Bearer \(key)") == true)
            }
            try await client.execute(
                uri: "/mcp", method: .post, headers: Self.json,
                body: Self.message(
                    "tools/call",
                    params:
                        #"{"name":"get_snippet","arguments":{"model":"gpt-4o","language":"curl","key":"\#(key) x"}}"#)
            ) { response in
                let result = fixture.json(response.body)["result"] as? [String: Any]
                #expect(result?["isError"] as? Bool == true)
                #expect(!String(buffer: response.body).contains(key))
            }
        }
        let lines = fixture.capture.all
        #expect(lines.contains { $0.contains("POST /mcp 200") })
        #expect(!lines.contains { $0.contains("sk-mcp-secret") })
    }
}
