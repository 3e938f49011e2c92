import Foundation
import RelayCatalog
import RelaySnippets
import StandInRelay

/// What the requests of one snippet must look like when they reach the relay: as many as its
/// recipe makes, each at the protocol's path with the key where the protocol puts it, the model,
/// the stream flag, the prompt (and follow-up) intact, and what the recipe asks the relay to see.
struct RequestChecks {
    let verificationCase: VerificationCase
    let catalog: Catalog
    let recipe: Recipe
    let prompt: String

    /// The problems with the requests that carried the case's key; empty when all is right.
    func problems(in requests: [RecordedRequest]) -> [String] {
        guard !requests.isEmpty else {
            return ["no request reached the relay with this snippet's key"]
        }
        var problems: [String] = []
        let expected = recipe.expectations.requests
        if requests.count != expected {
            problems.append(
                "\(requests.count) requests arrived; expected exactly \(expected == 1 ? "one" : String(expected))")
        }
        guard let wireProtocol = catalog.wireProtocol(id: verificationCase.protocolID) else {
            return ["the catalog has no protocol \(verificationCase.protocolID)"]
        }
        for (index, request) in requests.enumerated() {
            let label = requests.count > 1 ? "request \(index + 1): " : ""
            problems += self.problems(in: request, index: index, of: requests.count, wireProtocol: wireProtocol).map {
                label + $0
            }
        }
        return problems
    }

    /// The problems with one request of the snippet.
    func problems(in request: RecordedRequest, index: Int, of count: Int, wireProtocol: WireProtocol) -> [String] {
        var problems: [String] = []
        let key = verificationCase.key.value
        let request_ = verificationCase.request
        let stream = request_.stream

        // The path.
        let dialect = Dialect(protocolID: wireProtocol.id)
        let expectedURL = catalog.endpointURL(of: wireProtocol, model: request_.model, stream: stream)
        let expected = URLComponents(string: expectedURL)
        let expectedPath = expected?.percentEncodedPath ?? expectedURL
        if request.path != expectedPath { problems.append("path \(request.path); expected \(expectedPath)") }
        for item in expected?.queryItems ?? [] where request.queryValue(item.name) != item.value {
            problems.append("no \(item.name)=\(item.value ?? "") in the query")
        }
        if request.method != "POST" { problems.append("method \(request.method); expected POST") }
        if request.status != 200 {
            let message = Verifier.errorMessage(in: request.responseBody).map { ": \($0)" } ?? ""
            problems.append("the relay answered \(request.status)\(message)")
        }

        // The key, byte for byte, where the protocol puts it.
        if dialect.key(in: request) != key { problems.append("the key did not arrive intact in \(dialect.keyPlace)") }
        if wireProtocol.id == "anthropic-messages", request.header("anthropic-version") == nil {
            problems.append("no anthropic-version header")
        }

        // The body: model, prompt, stream flag, what the recipe asks the relay to see, and the
        // Anthropic extras of hello.
        guard let body = request.jsonBody else {
            problems.append("the body is not a JSON object")
            return problems
        }
        let model = catalog.modelID(request_.model, on: wireProtocol)
        if dialect.modelInBody, body["model"] as? String != model {
            problems.append("model \(String(describing: body["model"] ?? "none")); expected \(model)")
        } else if !dialect.modelInBody, body["model"] != nil {
            problems.append("the body names a model, which \(wireProtocol.id) takes in the path only")
        }
        let prompts = dialect.userTexts(in: body)
        var expectedPrompts = [prompt]
        if index == count - 1, index > 0, let followUp = recipe.followUp { expectedPrompts.append(followUp) }
        if prompts != expectedPrompts {
            problems.append(
                "the prompt did not arrive intact: got \(prompts.map(\.debugDescription)), expected \(expectedPrompts.map(\.debugDescription))"
            )
        }
        if dialect.streamInBody, (body["stream"] as? Bool ?? false) != stream {
            problems.append("stream is \(body["stream"] as? Bool ?? false); expected \(stream)")
        }
        let facts = index < recipe.expectations.facts.count ? recipe.expectations.facts[index] : []
        for fact in facts where !request.facts.contains(fact) {
            problems.append("the relay did not see \(fact) (it saw \(request.facts))")
        }
        guard recipe.id == Recipe.defaultID else { return problems }
        if let budget = request_.thinkingBudget {
            let thinking = body["thinking"] as? [String: Any]
            if thinking?["type"] as? String != "enabled" || thinking?["budget_tokens"] as? Int != budget {
                problems.append(
                    "thinking is \(String(describing: body["thinking"] ?? "absent")); expected enabled with budget \(budget)"
                )
            }
        } else if body["thinking"] != nil {
            problems.append("thinking was sent but not asked for")
        }
        let cached = Self.cacheControls(in: body)
        if request_.cache, cached != ["ephemeral"] {
            problems.append("cache_control is \(cached); expected one {\"type\": \"ephemeral\"}")
        } else if !request_.cache, !cached.isEmpty {
            problems.append("cache_control was sent but not asked for")
        }
        return problems
    }

    /// The `type` of every `cache_control` in a body.
    static func cacheControls(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            var found = (object["cache_control"] as? [String: Any]).map { [$0["type"] as? String ?? "?"] } ?? []
            for (key, child) in object where key != "cache_control" { found += cacheControls(in: child) }
            return found
        }
        if let array = value as? [Any] { return array.flatMap(cacheControls) }
        return []
    }

    /// What the snippet must print, from the recipe's expectations and what the relay answered:
    /// `{text}`, `{followUpText}`, `{thinking}`, `{reasoningTokens}`, `{N.input}`, `{N.cached}`.
    static func expectedOutput(
        _ recipe: Recipe, protocolID: String, script: ReplyScript, requests: [RecordedRequest]
    ) -> String {
        var values = [
            "{text}": script.text, "{followUpText}": script.followUpText, "{thinking}": script.thinking,
            "{reasoningTokens}": String(script.reasoningTokens),
        ]
        for (index, request) in requests.enumerated() {
            values["{\(index + 1).input}"] = String(request.usage["input"] ?? 0)
            values["{\(index + 1).cached}"] = String(request.usage["cached"] ?? 0)
        }
        return Catalog.filling(recipe.expectations.output(for: protocolID), values)
    }
}
