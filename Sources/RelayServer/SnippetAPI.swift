import Foundation
import RelayCatalog
import RelaySite
import RelaySnippets

/// The snippet API: code for one user's key and model, as a relay console shows it.
///
/// `GET /api/v1/snippets?model=M[&lang=python|curl|swift][&protocol=P][&stream=true][&prompt=…]`
/// with `Authorization: Bearer <key>` answers every snippet of the model (each accepted protocol,
/// or the one asked for; each language, or the one asked for) with the code and its
/// highlighted HTML. `GET /api/v1/catalog` answers the public catalog.
public enum SnippetAPI {
    /// An answer: status and JSON body.
    public struct Answer: Sendable {
        public var status: Int
        public var body: Data
    }

    static func error(_ status: Int, _ message: String) -> Answer {
        Answer(status: status, body: json(["error": ["message": message]]))
    }

    static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// `GET /api/v1/snippets`
    public static func snippets(query: [String: String], authorization: String?, generator: SnippetGenerator) -> Answer
    {
        snippets(query: query, authorization: authorization, generator: generator, cache: nil)
    }

    /// `GET /api/v1/snippets`, with answers for plain keys made once per request shape (see
    /// ``SnippetAnswerCache``).
    static func snippets(
        query: [String: String], authorization: String?, generator: SnippetGenerator, cache: SnippetAnswerCache?
    ) -> Answer {
        guard let authorization, !authorization.isEmpty else {
            return error(401, "send the user's key as Authorization: Bearer <key>")
        }
        guard authorization.hasPrefix("Bearer ") else {
            return error(401, "the Authorization header must be Bearer <key>")
        }
        let key: APIKey
        do {
            key = try APIKey(String(authorization.dropFirst("Bearer ".count)))
        } catch {
            return Answer(status: 400, body: json(["error": ["message": error.message]]))
        }
        let allowed = ["model", "lang", "protocol", "stream", "prompt"]
        if query.keys.contains(where: { !allowed.contains($0) }),
            let unknown = query.keys.sorted().first(where: { !allowed.contains($0) })
        {
            return error(
                400, "unknown parameter \(unknown.debugDescription); expected model, lang, protocol, stream, prompt")
        }
        guard let model = query["model"], !model.isEmpty else { return error(400, "the model parameter is required") }
        var languages = Language.allCases
        if let name = query["lang"] {
            guard let language = Language(rawValue: name) else {
                return error(400, "unknown lang \(name.debugDescription); expected python, curl or swift")
            }
            languages = [language]
        }
        var stream = false
        if let text = query["stream"] {
            guard let value = Bool(text) else { return error(400, "stream must be true or false") }
            stream = value
        }
        let prompt = query["prompt"]
        let render = { (key: APIKey) -> (Answer, [String]) in
            answer(
                model: model, languages: languages, protocolID: query["protocol"], stream: stream, prompt: prompt,
                key: key, generator: generator)
        }
        guard let cache else { return render(key).0 }
        let shape = [model, query["lang"] ?? "", query["protocol"] ?? "", "\(stream)", prompt ?? "\u{0}"]
            .joined(separator: "\u{1}")
        return cache.answer(shape: shape, key: key.value, avoiding: [model, prompt ?? ""]) { text in
            guard let placeholder = try? APIKey(text) else { return (error(400, "invalid key"), []) }
            return render(placeholder)
        }
    }

    /// The answer for one checked request, and each snippet's highlighted HTML.
    static func answer(
        model: String, languages: [Language], protocolID: String?, stream: Bool, prompt: String?, key: APIKey,
        generator: SnippetGenerator
    ) -> (Answer, [String]) {
        do {
            let resolution = try generator.resolve(model: model)
            var protocols = resolution.protocolIDs
            if let requested = protocolID {
                guard generator.catalog.wireProtocol(id: requested) != nil else {
                    return (
                        error(
                            400,
                            "unknown protocol \(requested.debugDescription); expected one of \(generator.catalog.protocols.map(\.id).joined(separator: ", "))"
                        ), []
                    )
                }
                protocols = [requested]
            }
            // Written by hand, keys in a fixed order: JSONSerialization was half of a request.
            var items: [String] = []
            var highlighted: [String] = []
            for protocolID in protocols {
                for language in languages {
                    let snippet = try generator.snippet(
                        for: SnippetRequest(
                            model: model, language: language, protocolID: protocolID, key: key, prompt: prompt,
                            stream: stream), resolution: resolution)
                    let html = SnippetHTML.codeBlock(
                        snippet.code, language: SnippetRenderers.renderer(for: language).fenceLanguage)
                    highlighted.append(html)
                    items.append(
                        "{\"code\":\(JSONText.string(snippet.code)),\"html\":\(JSONText.string(html)),"
                            + "\"language\":\(JSONText.string(language.rawValue)),\"protocol\":\(JSONText.string(snippet.protocol)),"
                            + "\"sdk\":\(JSONText.string(snippet.sdk)),\"sdkVersions\":\(JSONText.string(snippet.sdkVersions)),"
                            + "\"stream\":\(snippet.stream)}")
                }
            }
            var body = "{\"model\":\(JSONText.string(model)),"
            if let note = resolution.note { body += "\"note\":\(JSONText.string(note))," }
            body += "\"snippets\":[" + items.joined(separator: ",") + "]}"
            return (Answer(status: 200, body: Data(body.utf8)), highlighted)
        } catch {
            return (Self.error(400, error.description), [])
        }
    }

    /// `GET /api/v1/catalog`: providers with their relay base URLs, protocols and models.
    public static func catalog(_ catalog: Catalog) -> Answer {
        let body: [String: Any] = [
            "relay": ["name": catalog.relay.name, "origin": catalog.relay.origin.text],
            "providers": catalog.providers.map { provider in
                [
                    "id": provider.id, "name": provider.name, "originalBaseURL": provider.originalBaseURL,
                    "relayBaseURL": catalog.relayBaseURL(of: provider),
                    "note": Dictionary(
                        provider.note.translations.map { ($0.locale, $0.text) }, uniquingKeysWith: { first, _ in first }
                    ),
                ] as [String: Any]
            },
            "protocols": catalog.protocols.map { wireProtocol in
                [
                    "id": wireProtocol.id, "name": wireProtocol.name, "provider": wireProtocol.providerID,
                    "baseURL": catalog.relayBaseURL(of: catalog.provider(of: wireProtocol)),
                ] as [String: Any]
            },
            "models": catalog.models.map {
                ["id": $0.id, "name": $0.name, "vendor": $0.vendor, "protocols": $0.protocolIDs]
            },
        ]
        return Answer(status: 200, body: json(body))
    }
}
