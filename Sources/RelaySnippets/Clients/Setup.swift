import RelayCatalog
import RelayTemplates

/// What a user asks `relaydocs setup` for: one client, and optionally the model and their key.
public struct SetupRequest: Sendable, Equatable {
    /// The client's id, such as `claude-code`.
    public var client: String
    /// The model; nil takes the first catalog model the client can use natively.
    public var model: String?
    /// The user's key; nil takes the catalog's placeholder key.
    public var key: APIKey?
    /// The prompt a framework's program sends; nil takes the catalog's default prompt.
    public var prompt: String?

    /// Creates a request.
    public init(client: String, model: String? = nil, key: APIKey? = nil, prompt: String? = nil) {
        self.client = client
        self.model = model
        self.key = key
        self.prompt = prompt
    }
}

/// A client's set-up, filled in: the files to write, the shell lines to run, the fields to type
/// into an app and the requests the client then makes. What `relaydocs setup` prints.
public struct Setup: Sendable, Equatable {
    /// A file to write.
    public struct File: Sendable, Equatable {
        /// `~/.codex/config.toml`, or a path relative to the project.
        public var path: String
        /// Its format: `json`, `toml`, `dotenv`, `shell`, `python`.
        public var language: String
        public var content: String
    }

    /// A field of an app, or a link to open.
    public struct Setting: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// A request the client makes.
    public struct Request: Sendable, Equatable {
        public var method: String
        public var url: String
    }

    public var client: String
    public var `protocol`: String
    public var model: String
    public var files: [File]
    public var commands: [String]
    public var settings: [Setting]
    public var requests: [Request]

    /// The set-up as `relaydocs setup --format json` prints it: one object with the keys in the
    /// order `client`, `protocol`, `model`, `files`, `commands`, `settings`, `requests`,
    /// pretty-printed, ending in a newline.
    public var json: String {
        func string(_ text: String) -> String { JSONLiteral.string(text) }
        func list(_ items: [String], indent: String) -> String {
            items.isEmpty ? "[]" : "[\n" + items.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n\(indent)]"
        }
        let files = files.map { file in
            "{\"path\": \(string(file.path)), \"language\": \(string(file.language)), \"content\": \(string(file.content))}"
        }
        let settings = settings.map { "{\"name\": \(string($0.name)), \"value\": \(string($0.value))}" }
        let requests = requests.map { "{\"method\": \(string($0.method)), \"url\": \(string($0.url))}" }
        return """
            {
              "client": \(string(client)),
              "protocol": \(string(`protocol`)),
              "model": \(string(model)),
              "files": \(list(files, indent: "  ")),
              "commands": \(list(commands.map(string), indent: "  ")),
              "settings": \(list(settings, indent: "  ")),
              "requests": \(list(requests, indent: "  "))
            }

            """
    }

    /// The set-up as `relaydocs setup` prints it for a person: each file with its path, the
    /// commands, the fields and the requests.
    public func text(clientName: String) -> String {
        var text = "\(clientName) through \(`protocol`), model \(model)\n"
        for file in files {
            text += "\n# \(file.path) (\(file.language))\n" + file.content
            if !file.content.hasSuffix("\n") { text += "\n" }
        }
        if !commands.isEmpty {
            text += "\n# run\n" + commands.map { $0 + "\n" }.joined()
        }
        if !settings.isEmpty {
            text += "\n# settings\n" + settings.map { "\($0.name): \($0.value)\n" }.joined()
        }
        text += "\n# then \(clientName) sends\n" + requests.map { "\($0.method) \($0.url)\n" }.joined()
        return text
    }
}

extension SnippetGenerator {
    /// The clients the templates describe, in their order.
    public var clients: [ClientDefinition] { templates.clients }

    /// The protocol and model a client is set up with: for a given model, the first of its
    /// protocols (native first) that the client speaks; without one, the first model of the
    /// catalog whose native protocol the client speaks (else any it accepts).
    public func resolveSetup(client: ClientDefinition, model: String?) throws(SnippetError) -> (
        protocolID: String, model: String, note: String?
    ) {
        let spoken = client.protocolIDs.filter { catalog.wireProtocol(id: $0) != nil }
        guard !spoken.isEmpty else {
            throw .invalidValue(
                InvalidValue(
                    "\(client.id) speaks \(client.protocolIDs.joined(separator: ", ")), which the catalog does not have"
                ))
        }
        guard let model else {
            for protocolID in spoken {
                if let found = catalog.models.first(where: { $0.protocolIDs.first == protocolID }) {
                    return (protocolID, found.id, nil)
                }
            }
            for protocolID in spoken {
                if let found = catalog.models.first(where: { $0.protocolIDs.contains(protocolID) }) {
                    return (protocolID, found.id, nil)
                }
            }
            throw .invalidValue(
                InvalidValue(
                    "no model of the catalog is served through \(spoken.joined(separator: " or ")), which \(client.id) speaks"
                ))
        }
        let resolution = try resolve(model: model)
        guard let protocolID = resolution.protocolIDs.first(where: spoken.contains) else {
            let fitting = catalog.models.filter { $0.protocolIDs.contains(where: spoken.contains) }.map(\.id)
            throw .clientCannotUse(
                client: client.id, model: model, spoken: spoken, served: resolution.protocolIDs, fitting: fitting)
        }
        return (protocolID, model, resolution.note)
    }

    /// A client's set-up for a model and key.
    ///
    /// - Throws: ``SnippetError/unknownClient(_:known:)``, ``SnippetError/clientCannotUse(client:model:spoken:served:fitting:)``,
    ///   or a template's error.
    public func setup(for request: SetupRequest) throws(SnippetError) -> Setup {
        guard let client = templates.client(id: request.client) else {
            throw .unknownClient(request.client, known: templates.clients.map(\.id))
        }
        let (protocolID, model, _) = try resolveSetup(client: client, model: request.model)
        guard let wireProtocol = catalog.wireProtocol(id: protocolID), let shape = client.setup(for: protocolID) else {
            throw .unknownProtocol(protocolID, known: catalog.protocols.map(\.id))
        }
        let provider = catalog.provider(of: wireProtocol)
        var base = catalog.relayBaseURL(of: provider)
        if let strip = shape.strip, base.hasSuffix(strip) { base.removeLast(strip.count) }
        let origin = catalog.relay.origin.text
        let apiVersion = wireProtocol.apiVersion ?? ""
        let baseURL = Catalog.filling(
            shape.baseURL, ["{base}": base, "{origin}": origin, "{apiVersion}": apiVersion])
        let modelID = catalog.modelID(model, on: wireProtocol)
        let key = (request.key ?? catalog.relay.placeholderKey).value
        let prompt = request.prompt ?? catalog.relay.defaultPrompt
        let plain: [(String, String)] = [
            ("key", key), ("model", modelID), ("baseURL", baseURL), ("origin", origin),
            ("providerBaseURL", catalog.relayBaseURL(of: provider)), ("apiVersion", apiVersion), ("prompt", prompt),
            ("relay.name", catalog.relay.name), ("relay.id", Self.slug(catalog.relay.name)),
            ("provider.name", provider.name), ("client.name", client.name),
        ]
        var rendered: [(String, String)] = []
        func context(_ format: ClientFormat) -> TemplateValue {
            let escapers = format.escapers
            var object: [String: TemplateValue] = [:]
            var relay: [String: TemplateValue] = [:]
            var providerValue: [String: TemplateValue] = [:]
            var clientValue: [String: TemplateValue] = [:]
            var parts: [String: TemplateValue] = [:]
            for (name, text) in plain {
                let value = TemplateValue.custom(UntrustedText(name: name, value: text, escapers: escapers))
                switch name {
                case "relay.name": relay["name"] = value
                case "relay.id": relay["id"] = value
                case "provider.name": providerValue["name"] = value
                case "client.name": clientValue["name"] = value
                default: object[name] = value
                }
            }
            for (name, text) in rendered {
                parts[name] = .custom(UntrustedText(name: "parts.\(name)", value: text, escapers: escapers))
            }
            object["relay"] = .object(relay)
            object["provider"] = .object(providerValue)
            object["client"] = .object(clientValue)
            object["parts"] = .object(parts)
            return .object(object)
        }
        for part in shape.parts {
            let text = try templates.renderClient(part.template, context: context(part.format))
            rendered.append((part.name, Self.trimmingFinalNewlines(text)))
        }
        var files: [Setup.File] = []
        for file in shape.files {
            let text = try templates.renderClient(file.template, context: context(file.format))
            files.append(Setup.File(path: file.path, language: file.format.rawValue, content: Self.tidy(text)))
        }
        var commands: [String] = []
        for command in shape.commands {
            commands.append(
                Self.trimmingFinalNewlines(try templates.renderClient(command.template, context: context(.shell))))
        }
        var settings: [Setup.Setting] = []
        for setting in shape.settings {
            settings.append(
                Setup.Setting(
                    name: setting.name,
                    value: Self.trimmingFinalNewlines(
                        try templates.renderClient(setting.template, context: context(setting.format)))))
        }
        let urlValues = [
            "{baseURL}": baseURL, "{origin}": origin, "{apiVersion}": apiVersion,
            "{model}": PathSegment.encode(modelID),
        ]
        let requests = shape.requests.map {
            Setup.Request(method: $0.method, url: Catalog.filling($0.url, urlValues))
        }
        return Setup(
            client: client.id, protocol: protocolID, model: model, files: files, commands: commands,
            settings: settings, requests: requests)
    }

    /// Which commands of a set-up `relaydocs verify` runs before the client (in order, as they
    /// are in ``Setup/commands``).
    public func commandsRunInVerify(client: ClientDefinition, protocolID: String) -> [Bool] {
        client.setup(for: protocolID)?.commands.map(\.runsInVerify) ?? []
    }

    /// What `relaydocs setup` prints for a request and the key as typed (`--format json` or
    /// text): the set-up on standard output; an unknown client or a model the client cannot use
    /// as a usage error.
    public func setupCommand(client: String, model: String?, key: String?, json: Bool) -> CommandOutput {
        var notes = ""
        do throws(SnippetError) {
            guard let definition = templates.client(id: client) else {
                throw .unknownClient(client, known: templates.clients.map(\.id))
            }
            let resolved = try resolveSetup(client: definition, model: model)
            if let note = resolved.note { notes += note + "\n" }
            var request = SetupRequest(client: client, model: model)
            if let key {
                do {
                    request.key = try APIKey(key)
                } catch {
                    throw .invalidValue(InvalidValue("--key: \(error.message)"))
                }
            }
            let setup = try self.setup(for: request)
            return CommandOutput(
                standardOutput: json ? setup.json : setup.text(clientName: definition.name), standardError: notes)
        } catch {
            var output = CommandOutput.failure(error, after: notes)
            switch error {
            case .unknownClient, .clientCannotUse: output.usageError = true
            default: break
            }
            return output
        }
    }

    /// The relay's name as an id: lowercase ASCII letters and digits, words joined by `-`.
    static func slug(_ name: String) -> String {
        var result = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "relay" : result
    }

    static func trimmingFinalNewlines(_ text: String) -> String {
        var text = text
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
