import Foundation
import RelayCatalog
import RelaySite
import RelaySnippets

/// The snippet API: code for one user's key and model, as a relay console shows it.
///
/// `GET /api/v1/snippets?model=M[&lang=L][&protocol=P][&recipe=R][&stream=true][&prompt=…]`
/// with `Authorization: Bearer <key>` answers every snippet of the model for the recipe (`hello`
/// unless told: each accepted protocol that can do it, or the one asked for; each language that
/// has it, or the one asked for) with the code and its highlighted HTML. `GET /api/v1/catalog`
/// answers the public catalog.
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
        let allowed = ["model", "lang", "protocol", "recipe", "stream", "prompt"]
        if query.keys.contains(where: { !allowed.contains($0) }),
            let unknown = query.keys.sorted().first(where: { !allowed.contains($0) })
        {
            return error(
                400, "unknown parameter \(unknown.debugDescription); expected \(allowed.joined(separator: ", "))")
        }
        guard let model = query["model"], !model.isEmpty else { return error(400, "the model parameter is required") }
        var languages = generator.languages
        if let name = query["lang"] {
            guard languages.contains(Language(rawValue: name)) else {
                return error(
                    400,
                    "unknown lang \(name.debugDescription); expected one of \(languages.map(\.rawValue).joined(separator: ", "))"
                )
            }
            languages = [Language(rawValue: name)]
        }
        let recipe = query["recipe"] ?? Recipe.defaultID
        guard generator.templates.recipe(id: recipe) != nil else {
            return error(
                400,
                "unknown recipe \(recipe.debugDescription); expected one of \(generator.templates.recipes.map(\.id).joined(separator: ", "))"
            )
        }
        var stream = false
        if let text = query["stream"] {
            guard let value = Bool(text) else { return error(400, "stream must be true or false") }
            stream = value
        }
        let prompt = query["prompt"]
        let render = { (key: APIKey) -> (Answer, [String]) in
            answer(
                model: model, languages: languages, protocolID: query["protocol"], recipe: recipe, stream: stream,
                prompt: prompt, key: key, generator: generator)
        }
        guard let cache else { return render(key).0 }
        let shape = [model, query["lang"] ?? "", query["protocol"] ?? "", recipe, "\(stream)", prompt ?? "\u{0}"]
            .joined(separator: "\u{1}")
        return cache.answer(shape: shape, key: key.value, avoiding: [model, prompt ?? ""]) { text in
            guard let placeholder = try? APIKey(text) else { return (error(400, "invalid key"), []) }
            return render(placeholder)
        }
    }

    /// The answer for one checked request, and each snippet's highlighted HTML.
    static func answer(
        model: String, languages: [Language], protocolID: String?, recipe: String, stream: Bool, prompt: String?,
        key: APIKey, generator: SnippetGenerator
    ) -> (Answer, [String]) {
        do throws(SnippetError) {
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
            // Protocols and languages that cannot do the recipe are left out; when none can, the
            // answer says why.
            for protocolID in protocols {
                for language in languages {
                    if let definition = generator.templates.recipe(id: recipe),
                        generator.unavailability(
                            of: definition, model: model, protocolID: protocolID, language: language)
                            != nil
                    {
                        continue
                    }
                    let snippet = try generator.snippet(
                        for: SnippetRequest(
                            model: model, language: language, protocolID: protocolID, recipe: recipe, key: key,
                            prompt: prompt, stream: stream), resolution: resolution)
                    let html = SnippetHTML.codeBlock(
                        snippet.code, language: generator.templates.language(language)?.fence ?? language.rawValue)
                    highlighted.append(html)
                    items.append(
                        "{\"code\":\(JSONText.string(snippet.code)),\"html\":\(JSONText.string(html)),"
                            + "\"language\":\(JSONText.string(language.rawValue)),\"protocol\":\(JSONText.string(snippet.protocol)),"
                            + "\"recipe\":\(JSONText.string(snippet.recipe)),"
                            + "\"sdk\":\(JSONText.string(snippet.sdk)),\"sdkVersions\":\(JSONText.string(snippet.sdkVersions)),"
                            + "\"stream\":\(snippet.stream)}")
                }
            }
            if items.isEmpty, let definition = generator.templates.recipe(id: recipe) {
                let first = protocols[0]
                throw SnippetError.recipeNotAvailable(
                    recipe: recipe, model: model, protocolID: first,
                    reason: generator.unavailability(
                        of: definition, model: model, protocolID: first, language: languages[0]) ?? "",
                    available: generator.recipes(model: model, protocolID: first, language: languages[0]).map(\.id))
            }
            var body = "{\"model\":\(JSONText.string(model)),"
            if let note = resolution.note { body += "\"note\":\(JSONText.string(note))," }
            body += "\"snippets\":[" + items.joined(separator: ",") + "]}"
            return (Answer(status: 200, body: Data(body.utf8)), highlighted)
        } catch {
            return (Self.error(400, error.description), [])
        }
    }

    /// `GET /api/v1/setup?client=C[&model=M]` with `Authorization: Bearer <key>`: the client's
    /// set-up filled in with the key, exactly as `relaydocs setup --client C --model M --key KEY
    /// --format json` prints it. No key: 401; an unknown client or parameter, a model the client
    /// cannot use, a key that is not visible ASCII: 400 with `{"error": {"message": …}}`.
    public static func setup(query: [String: String], authorization: String?, generator: SnippetGenerator) -> Answer {
        setup(query: query, authorization: authorization, generator: generator, cache: nil)
    }

    /// ``setup(query:authorization:generator:)``, made once per client and model with `cache`.
    static func setup(
        query: [String: String], authorization: String?, generator: SnippetGenerator, cache: SnippetAnswerCache?
    ) -> Answer {
        guard let authorization, !authorization.isEmpty else {
            return error(401, "send the user's key as Authorization: Bearer <key>")
        }
        guard authorization.hasPrefix("Bearer ") else {
            return error(401, "the Authorization header must be Bearer <key>")
        }
        let allowed = ["client", "model"]
        if let unknown = query.keys.sorted().first(where: { !allowed.contains($0) }) {
            return error(
                400, "unknown parameter \(unknown.debugDescription); expected \(allowed.joined(separator: ", "))")
        }
        guard let client = query["client"], !client.isEmpty else {
            return error(400, "the client parameter is required")
        }
        let render = { (key: String) -> (Answer, [String]) in
            let output = generator.setupCommand(client: client, model: query["model"], key: key, json: true)
            guard !output.failed else {
                var message = output.standardError
                if message.hasPrefix("error: ") { message.removeFirst("error: ".count) }
                while message.hasSuffix("\n") { message.removeLast() }
                return (error(400, message.replacingOccurrences(of: "--key: ", with: "the key: ")), [])
            }
            return (Answer(status: 200, body: Data(output.standardOutput.utf8)), [])
        }
        let key = String(authorization.dropFirst("Bearer ".count))
        // Made once per client and model, like the snippets (a set-up has no highlighted code);
        // a key the set-up refuses gets its error from a render with it.
        guard let cache, (try? APIKey(key)) != nil else { return render(key).0 }
        let shape = ["setup", client, query["model"] ?? "\u{0}"].joined(separator: "\u{1}")
        return cache.answer(shape: shape, key: key, avoiding: [client, query["model"] ?? ""], render: render)
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
