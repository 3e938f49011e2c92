import ArgumentParser
import Foundation
import RelayCatalog
import RelayYAML

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `relaydocs catalog import`: models from the relay's model lists, added to a catalog file.
struct CatalogImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the models a relay lists (GET …/models) to a catalog, by the catalog's import rules.",
        discussion: """
            Reads OpenAI-style lists ({"object": "list", "data": [{"id", "owned_by"}]}), Anthropic's \
            (with capabilities) and Gemini's (with supportedGenerationMethods and thinking), from a \
            file or from the relay. Each listed model takes the first rule of the catalog's \
            `import: rules:` it matches (by id prefix, owned_by or list), which gives its protocols \
            (native first), vendor, features and reasoning; a list's capabilities narrow the \
            features. New models are appended to the models list as text, models already there only \
            gain protocols they lack, and every other line of the file stays as it was. A URL is \
            fetched with the key in the header its API expects (Authorization: Bearer, x-api-key or \
            x-goog-api-key, told by the URL's path in the catalog), page after page; the key is never \
            printed.
            """
    )

    @Option(
        name: .customLong("models"),
        help: ArgumentHelp(
            "A model list: a JSON file (- for standard input) or the relay's URL, such as https://relay.example/v1/models; repeat to merge lists.",
            valueName: "file-or-url"))
    var sources: [String]

    @Option(help: "The key to fetch a URL with (visible ASCII only; never printed).")
    var key: String?

    @Option(
        help: ArgumentHelp(
            "Which API's list a URL is when its path does not tell: openai, anthropic or gemini.", valueName: "kind"))
    var list: String?

    @Option(
        help: ArgumentHelp(
            "The catalog file to add to (default: catalog.yaml, else content/catalog.yaml).", valueName: "file"))
    var catalog: String?

    @Flag(help: "Print the change as a diff and change nothing.")
    var dryRun = false

    func validate() throws {
        if let list, ModelListKind(rawValue: list) == nil {
            throw ValidationError("--list: expected openai, anthropic or gemini, not \(list.debugDescription)")
        }
        if sources.isEmpty { throw ValidationError("give a model list with --models FILE|URL") }
    }

    func run() async throws {
        do {
            try await importModels()
        } catch let failure as Failure {
            // A relay's error may quote the key back; it is masked before anything is printed.
            printError(
                mask(failure.description).split(separator: "\n").map {
                    $0.contains(": error: ") ? String($0) : "error: \($0)"
                }.joined(separator: "\n"))
            throw ExitCode.failure
        }
    }

    func importModels() async throws {
        let key = try parseKey(key)
        let path = try catalogPath()
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Failure("cannot read \(path): \((error as NSError).localizedDescription)")
        }
        let loaded: Catalog
        do {
            loaded = try Catalog.load(yaml: text, path: path)
        } catch {
            throw Failure(error.description)
        }
        guard !loaded.importRules.isEmpty else {
            throw Failure(
                "\(path) has no import rules, so no listed model can be added; add an `import: rules:` section (the catalog of `relaydocs init` has one to start from)"
            )
        }
        var listed: [ListedModel] = []
        for source in sources {
            let models = try await read(source, catalog: loaded, key: key)
            printError("\(redacted(source)): \(models.count) models")
            listed += models
        }
        let plan = ModelImport(catalog: loaded, listed: listed)
        report(plan)
        guard !plan.changesNothing else {
            printError("\(path): up to date; nothing to add")
            return
        }
        let result: (text: String, edits: [YAMLTextEdit])
        do {
            result = try plan.applied(
                to: text, path: path, source: sources.map(redacted).joined(separator: ", "))
        } catch {
            throw Failure(error.message)
        }
        if dryRun {
            print(
                YAMLText(text).unifiedDiff(result.edits, oldName: path, newName: path + " (after import)"),
                terminator: "")
            printError("\(path): would \(summary(of: plan, done: false)) (dry run: nothing written)")
            return
        }
        do {
            try result.text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw Failure("cannot write \(path): \((error as NSError).localizedDescription)")
        }
        printError("\(path): \(summary(of: plan, done: true))")
    }

    func catalogPath() throws -> String {
        if let catalog { return catalog }
        for candidate in ["catalog.yaml", "content/catalog.yaml"]
        where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        throw Failure(
            "no catalog.yaml here or in content/; pass --catalog FILE (relaydocs init DIR makes a project with one)")
    }

    /// The models of one list, from a file or from the relay (every page).
    func read(_ source: String, catalog: Catalog, key: APIKey?) async throws -> [ListedModel] {
        guard source.hasPrefix("http://") || source.hasPrefix("https://") else {
            let data: Data?
            data =
                source == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: source)
            guard let data else { throw Failure("cannot read \(source)") }
            do {
                return try ModelListPage(json: data, source: source).models
            } catch {
                throw Failure(error.message)
            }
        }
        guard var components = URLComponents(string: source), components.host != nil else {
            throw Failure("\(redacted(source)) is not a URL")
        }
        let endpoint = try listEndpoint(for: components.path, catalog: catalog, source: source)
        let baseQuery = components.queryItems ?? []
        var models: [ListedModel] = []
        var next: [String: String] = [:]
        for _ in 0..<100 {
            components.queryItems =
                baseQuery + next.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
            if components.queryItems?.isEmpty == true { components.queryItems = nil }
            guard let url = components.url else { throw Failure("\(redacted(source)) is not a URL") }
            var request = URLRequest(url: url, timeoutInterval: 30)
            request.setValue("application/json", forHTTPHeaderField: "Accept")
            if let key {
                switch endpoint.kind {
                case .openAI: request.setValue("Bearer " + key.value, forHTTPHeaderField: "Authorization")
                case .anthropic: request.setValue(key.value, forHTTPHeaderField: "x-api-key")
                case .gemini: request.setValue(key.value, forHTTPHeaderField: "x-goog-api-key")
                }
            }
            if endpoint.kind == .anthropic {
                let version = catalog.wireProtocol(id: endpoint.protocolID)?.apiVersion ?? "2023-06-01"
                request.setValue(version, forHTTPHeaderField: "anthropic-version")
            }
            let data: Data
            let response: URLResponse
            do {
                (data, response) = try await URLSession.shared.data(for: request)
            } catch {
                throw Failure("GET \(redacted(source)): \((error as NSError).localizedDescription)")
            }
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard (200..<300).contains(status) else {
                let body = String(decoding: data.prefix(500), as: UTF8.self)
                throw Failure(
                    "GET \(redacted(source)) answered \(status): \(body)\(status == 401 && key == nil ? " (pass the relay key with --key)" : "")"
                )
            }
            let page: ModelListPage
            do {
                page = try ModelListPage(json: data, source: redacted(source))
            } catch {
                throw Failure(error.message)
            }
            models += page.models
            guard let query = page.nextQuery else { return models }
            next = query
        }
        throw Failure("GET \(redacted(source)): still more pages after 100; stopped")
    }

    /// The list a URL path is, from the catalog's model lists (the origin may differ: a staging
    /// relay, a stand-in); `--list` decides where the path does not.
    func listEndpoint(for path: String, catalog: Catalog, source: String) throws -> Catalog.ModelListEndpoint {
        let endpoints = catalog.modelListEndpoints
        let wanted = list.flatMap(ModelListKind.init(rawValue:))
        // The path itself, or (for an origin with a path of its own) the longest list path it ends with.
        var atPath = endpoints.filter { $0.path == path }
        if atPath.isEmpty {
            let longest = endpoints.filter { path.hasSuffix($0.path) }.map(\.path.count).max()
            atPath = endpoints.filter { path.hasSuffix($0.path) && $0.path.count == longest }
        }
        // Where two lists share a path (a relay that serves Anthropic at its root), OpenAI's is the
        // one relays answer without an anthropic-version header.
        if let endpoint = atPath.first(where: { $0.kind == (wanted ?? .openAI) })
            ?? atPath.first(where: { wanted == nil || $0.kind == wanted })
        {
            return endpoint
        }
        if let wanted, let endpoint = endpoints.first(where: { $0.kind == wanted }) { return endpoint }
        let known = endpoints.map { "\($0.path) (\($0.kind))" }.joined(separator: ", ")
        throw Failure(
            "\(redacted(source)): the catalog lists models at \(known), not at \(path); pass --list openai|anthropic|gemini to say which API's list it is"
        )
    }

    func report(_ plan: ModelImport) {
        if !plan.unmatched.isEmpty {
            printError(
                "note: no import rule matches \(plan.unmatched.count) listed model\(plan.unmatched.count == 1 ? "" : "s") (not added): \(plan.unmatched.joined(separator: ", "))"
            )
        }
        for skipped in plan.skipped { printError("skipped \(skipped.id): \(skipped.reason)") }
        for note in plan.notes { printError("note: \(note)") }
        if !plan.unlisted.isEmpty {
            printError("note: not in the lists (left as they are): \(plan.unlisted.joined(separator: ", "))")
        }
    }

    func summary(of plan: ModelImport, done: Bool) -> String {
        var parts: [String] = []
        if !plan.added.isEmpty {
            parts.append(
                "\(done ? "added" : "add") \(plan.added.count) model\(plan.added.count == 1 ? "" : "s") (\(plan.added.map(\.id).joined(separator: ", ")))"
            )
        }
        for gain in plan.gains {
            parts.append("\(done ? "gave" : "give") \(gain.modelID) \(gain.protocolIDs.joined(separator: ", "))")
        }
        return parts.joined(separator: "; ")
    }

    /// A source as it may be printed: a URL without its query (which may hold `key=`).
    func redacted(_ source: String) -> String {
        guard source.hasPrefix("http"), let query = source.firstIndex(of: "?") else { return mask(source) }
        return mask(String(source[..<query]))
    }

    func mask(_ text: String) -> String {
        guard let key, !key.isEmpty else { return text }
        return text.replacingOccurrences(of: key, with: APIKey.mask(key))
    }
}
