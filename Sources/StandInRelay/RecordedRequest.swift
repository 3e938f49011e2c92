import Foundation
import RelayCatalog

/// One request as the stand-in relay received it, with the answer it gave.
public struct RecordedRequest: Sendable, CustomStringConvertible {
    public var method: String
    /// The path, without the query.
    public var path: String
    public var query: String?
    /// The headers in the order they arrived.
    public var headers: [Header]
    public var body: Data
    public var status: Int
    public var responseBody: Data
    /// What the request did, as the relay saw it: `toolCall`, `toolResult`, `history`, `image`,
    /// `schema`, `reasoning`, `cacheWrite`, `cacheHit`.
    public var facts: [String] = []
    /// The token counts the relay reported: `input` (all input tokens) and `cached`.
    public var usage: [String: Int] = [:]

    /// One header field.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// The first value of a header, matched without regard to case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body parsed as a JSON object, if it is one.
    public var jsonBody: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    /// The value of a query parameter.
    public func queryValue(_ name: String) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.first == name { return parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : "" }
        }
        return nil
    }

    /// The request in a readable form, with every occurrence of `secret` masked.
    public func described(masking secret: String?) -> String {
        var text = "\(method) \(path)\(query.map { "?" + $0 } ?? "") -> \(status)\n"
        for header in headers { text += "  \(header.name): \(header.value)\n" }
        text += "  body: \(String(decoding: body.prefix(4000), as: UTF8.self))\n"
        guard let secret, !secret.isEmpty else { return text }
        return text.replacingOccurrences(of: secret, with: APIKey.mask(secret))
    }

    public var description: String { described(masking: nil) }

}
