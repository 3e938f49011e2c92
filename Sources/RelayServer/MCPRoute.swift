import Foundation
import HTTPTypes
import Hummingbird
import MCP
import NIOCore
import RelayMCP

/// `/mcp`: MCP's streamable HTTP transport. The protocol side is the SDK's (``MCPHTTPEndpoint``
/// explains why stateless); this converts between Hummingbird's request and response and the
/// SDK's framework-agnostic ones.
enum MCPRoute {
    /// The largest JSON-RPC message accepted (tool calls are small; this bounds what a client can
    /// make the server hold).
    static let maximumBody = 1 << 20

    static func respond(to request: Request, endpoint: MCPHTTPEndpoint) async throws -> Response {
        var request = request
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.rawName] = headers[field.name.rawName].map { $0 + ", " + field.value } ?? field.value
        }
        // HTTP/1's Host header arrives as the request's authority; the origin check reads it as Host.
        if let authority = request.head.authority { headers["Host"] = authority }
        let body: Data?
        do {
            body = Data(buffer: try await request.collectBody(upTo: maximumBody))
        } catch {
            return response(.error(statusCode: 413, .invalidRequest("Payload Too Large")))
        }
        let answer = await endpoint.handle(
            MCP.HTTPRequest(
                method: request.method.rawValue, headers: headers, body: body?.isEmpty == true ? nil : body,
                path: request.uri.path))
        return response(answer)
    }

    static func response(_ answer: MCP.HTTPResponse) -> Response {
        var headers = HTTPFields()
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
        let status = HTTPTypes.HTTPResponse.Status(code: answer.statusCode)
        if case .stream(let events, _) = answer {
            return Response(
                status: status, headers: headers,
                body: ResponseBody(asyncSequence: events.map { ByteBuffer(bytes: $0) }))
        }
        return Response(
            status: status, headers: headers,
            body: answer.bodyData.map { ResponseBody(byteBuffer: ByteBuffer(bytes: $0)) } ?? ResponseBody())
    }
}
