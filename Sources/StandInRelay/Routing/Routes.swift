import Foundation
import RelayCatalog

/// The paths the stand-in relay serves, made from a catalog: each protocol's endpoint (and stream
/// endpoint) below its provider's relay path, as the real relay would serve them.
///
/// `{model}` matches one path segment's worth of text; `{apiVersion}` matches any version segment
/// (`v1`, `v1beta`, `v1beta1`), since SDKs differ in the one they send and the relay serves them
/// all (verify checks that a snippet sends the pinned one); the protocol's other values
/// (`{project}`, `{region}`) match any segment.
struct Routes: Sendable {
    /// One served path pattern.
    struct Route: Sendable {
        var protocolID: String
        /// Whether this is the streaming endpoint of a protocol whose stream has its own path.
        var streamPath: Bool
        /// The path pattern, anchored, with one capture group per placeholder.
        var pattern: NSRegularExpression
        /// The placeholder names, in the order of their capture groups.
        var names: [String]
        /// The provider's relay path, which unknown paths are matched against for their error shape.
        var prefix: String
    }

    /// What matched a request's path.
    struct Match: Sendable {
        var protocolID: String
        var streamPath: Bool
        /// The placeholder values, percent-decoded: `model`, `apiVersion`, `project`, …
        var values: [String: String]
    }

    let routes: [Route]
    /// The model lists (`GET`), beside the protocols' endpoints.
    let modelLists: ModelLists
    /// Anthropic's token counting (`POST …/v1/messages/count_tokens`, which Claude Code calls),
    /// beside each Anthropic Messages endpoint: path to protocol id.
    let countTokens: [String: String]

    init(catalog: Catalog) {
        modelLists = ModelLists(catalog: catalog)
        var countTokens: [String: String] = [:]
        for wireProtocol in catalog.protocols where Dialect.of(wireProtocol.id).family == .anthropic {
            guard !Dialect.of(wireProtocol.id).isVertex else { continue }
            countTokens[catalog.provider(of: wireProtocol).relayPath + wireProtocol.endpoint + "/count_tokens"] =
                wireProtocol.id
        }
        self.countTokens = countTokens
        var routes: [Route] = []
        for wireProtocol in catalog.protocols {
            let prefix = catalog.provider(of: wireProtocol).relayPath
            var endpoints = [(wireProtocol.endpoint, false)]
            if let stream = wireProtocol.streamEndpoint { endpoints.append((stream, true)) }
            for (endpoint, streamPath) in endpoints {
                let path = String(endpoint.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
                let (pattern, names) = Self.pattern(prefix + path)
                routes.append(
                    Route(
                        protocolID: wireProtocol.id, streamPath: streamPath, pattern: pattern, names: names,
                        prefix: prefix))
            }
        }
        // Longer patterns first, so `/v1/messages/count_tokens` is not taken for `/v1/messages`.
        self.routes = routes.sorted { $0.pattern.pattern.count > $1.pattern.pattern.count }
    }

    /// The route a path belongs to, if any.
    func match(_ path: String) -> Match? {
        let range = NSRange(path.startIndex..., in: path)
        for route in routes {
            guard let found = route.pattern.firstMatch(in: path, range: range) else { continue }
            var values: [String: String] = [:]
            for (index, name) in route.names.enumerated() {
                guard let captured = Range(found.range(at: index + 1), in: path) else { continue }
                let text = String(path[captured])
                values[name] = text.removingPercentEncoding ?? text
            }
            return Match(protocolID: route.protocolID, streamPath: route.streamPath, values: values)
        }
        return nil
    }

    /// The protocol whose error shape an unknown path gets: the one whose provider path is the
    /// longest prefix of the path and whose endpoint looks most like it.
    func protocolForUnknown(_ path: String) -> String? {
        let candidates = routes.filter { path == $0.prefix || path.hasPrefix($0.prefix + "/") || $0.prefix.isEmpty }
        guard let longest = candidates.map(\.prefix.count).max() else { return routes.first?.protocolID }
        let best = candidates.filter { $0.prefix.count == longest }
        func looksLike(_ route: Route) -> Bool {
            switch route.protocolID {
            case "vertex-gemini": path.contains("/publishers/google/")
            case "vertex-anthropic": path.contains("/publishers/anthropic/") || path.contains("Predict")
            case "gemini-generate": path.contains(":")
            case "anthropic-messages": path.contains("messages")
            default: !path.contains(":")
            }
        }
        return (best.first(where: looksLike) ?? best.first)?.protocolID
    }

    /// An anchored regular expression for a path template, and its placeholder names.
    static func pattern(_ template: String) -> (NSRegularExpression, [String]) {
        var regex = "^"
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            regex += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            let name = String(rest[rest.index(after: open)..<close])
            names.append(name)
            regex += name == "apiVersion" ? "(v[0-9]+[a-z0-9]*)" : "([^/]+?)"
            rest = rest[rest.index(after: close)...]
        }
        regex += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        // The pattern is built from escaped text and fixed groups, so it always compiles.
        return (try! NSRegularExpression(pattern: regex), names)
    }
}
