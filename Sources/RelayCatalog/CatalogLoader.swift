import Foundation
import RelayYAML
import Yams

extension Catalog {
    /// The features a model or protocol may list; each recipe but `hello` and `chat` needs one.
    public static let knownFeatures = ["reasoning", "caching", "tools", "vision", "json"]

    /// Reads and validates a catalog file.
    ///
    /// - Parameter path: the file, as the user named it; diagnostics repeat it.
    /// - Throws: ``CatalogError`` with every problem found, each with its line.
    public static func load(path: String) throws(CatalogError) -> Catalog {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CatalogError(diagnostics: [
                CatalogDiagnostic(
                    path: path, line: 0, column: 0,
                    message: "cannot read the catalog: \((error as NSError).localizedDescription)")
            ])
        }
        return try load(yaml: text, path: path)
    }

    /// Parses and validates catalog YAML.
    ///
    /// Every problem is reported at once: unknown keys, missing fields, duplicate ids,
    /// references to providers, protocols or SDKs that do not exist, malformed URLs, models
    /// without a protocol and features or reasoning styles the catalog does not know.
    ///
    /// - Parameter path: the name diagnostics give the text.
    /// - Throws: ``CatalogError`` listing the problems in file order.
    public static func load(yaml: String, path: String) throws(CatalogError) -> Catalog {
        var reader = YAMLReader(path: path)
        guard
            let root = reader.compose(
                yaml,
                emptyMessage: "the catalog is empty; expected the keys relay, providers, protocols, sdks and models")
        else { throw reader.error }
        let catalog = reader.readCatalog(root)
        guard let catalog, reader.diagnostics.isEmpty else { throw reader.error }
        return catalog
    }
}

/// Turns a YAML node tree into a ``Catalog``, collecting every problem on the way.
extension YAMLReader {
    // MARK: - The sections

    mutating func readCatalog(_ root: Node) -> Catalog? {
        guard
            var fields = mapping(
                root, what: "the catalog", allowed: ["relay", "providers", "protocols", "sdks", "models", "import"])
        else { return nil }
        let relayNode = fields.require("relay")
        let relay = relayNode.flatMap { readRelay($0) }

        let providers = readList(fields.require("providers"), what: "providers") { reader, node in
            reader.readProvider(node)
        }
        let sdks = readList(fields.require("sdks"), what: "sdks") { reader, node in
            reader.readSDK(node)
        }
        var languages: [Language] = []
        for sdk in sdks.items where !languages.contains(sdk.language) { languages.append(sdk.language) }
        let protocols = readList(fields.require("protocols"), what: "protocols") { reader, node in
            reader.readProtocol(node, providers: providers, sdks: sdks, languages: languages)
        }
        let models = readList(fields.require("models"), what: "models") { reader, node in
            reader.readModel(node, protocols: protocols)
        }
        let importRules = fields.node("import").map { readImport($0, protocols: protocols) } ?? []
        collect(fields)
        guard let relay else { return nil }
        return Catalog(
            relay: relay, providers: providers.items, protocols: protocols.items, sdks: sdks.items,
            models: models.items, importRules: importRules)
    }

    mutating func readRelay(_ node: Node) -> Relay? {
        guard
            var fields = mapping(
                node, what: "relay", allowed: ["name", "origin", "placeholderKey", "defaultPrompt"])
        else { return nil }
        defer { collect(fields) }
        let name = fields.string("name")
        let origin: RelayOrigin? = fields.string("origin").flatMap { text in
            do throws(InvalidValue) { return try RelayOrigin(text) } catch {
                fields.report("invalid origin: \(error.message)", at: fields.node("origin"))
                return nil
            }
        }
        let key: APIKey? = fields.string("placeholderKey").flatMap { text in
            do throws(InvalidValue) { return try APIKey(text) } catch {
                fields.report("invalid placeholderKey: \(error.message)", at: fields.node("placeholderKey"))
                return nil
            }
        }
        let prompt = fields.string("defaultPrompt")
        guard let name, let origin, let key, let prompt else { return nil }
        return Relay(name: name, origin: origin, placeholderKey: key, defaultPrompt: prompt)
    }

    mutating func readProvider(_ node: Node) -> Provider? {
        guard
            var fields = mapping(
                node, what: "a provider", allowed: ["id", "name", "originalBaseURL", "relayBaseURL", "note"])
        else { return nil }
        defer { collect(fields) }
        let id = fields.identifier("id")
        let name = fields.string("name")
        let original = fields.string("originalBaseURL")
        if let original, !Self.isAbsoluteHTTPURL(original) {
            fields.report(
                "originalBaseURL \(original.debugDescription) is not an http or https URL; expected a URL such as https://api.openai.com/v1",
                at: fields.node("originalBaseURL"))
        }
        var relayPath: String?
        if let relayBase = fields.string("relayBaseURL") {
            let path = relayBase.hasPrefix("{origin}") ? String(relayBase.dropFirst("{origin}".count)) : nil
            if let path, path.isEmpty || (path.hasPrefix("/") && Self.isPlainPath(path) && !path.hasSuffix("/")) {
                relayPath = path
            } else {
                fields.report(
                    "relayBaseURL \(relayBase.debugDescription) must be \"{origin}\" followed by a path such as /v1 (no trailing slash, query or spaces), or \"{origin}\" alone",
                    at: fields.node("relayBaseURL"))
            }
        }
        let note = LocalizedText(fields.localizedText("note") ?? [])
        guard let id, let name, let original, let relayPath else { return nil }
        return Provider(id: id, name: name, originalBaseURL: original, relayPath: relayPath, note: note)
    }

    mutating func readSDK(_ node: Node) -> SDK? {
        guard
            var fields = mapping(
                node, what: "an SDK", allowed: ["id", "language", "package", "versions", "note"])
        else { return nil }
        defer { collect(fields) }
        let id = fields.identifier("id")
        let language = fields.identifier("language").map(Language.init(rawValue:))
        let package = fields.string("package")
        let versions = fields.string("versions")
        let note = fields.string("note", required: false)
        guard let id, let language, let package, let versions else { return nil }
        return SDK(id: id, language: language, package: package, versions: versions, note: note)
    }

    mutating func readProtocol(
        _ node: Node, providers: YAMLSection<Provider>, sdks: YAMLSection<SDK>, languages: [Language]
    ) -> WireProtocol? {
        guard
            var fields = mapping(
                node, what: "a protocol",
                allowed: [
                    "id", "name", "provider", "apiVersion", "endpoint", "streamEndpoint", "sdkBase", "values",
                    "features", "reasoningStyles", "sdks",
                ])
        else { return nil }
        defer { collect(fields) }
        let id = fields.identifier("id")
        let name = fields.string("name")
        var providerID = fields.string("provider")
        if let wanted = providerID, !providers.declaredIDs.contains(wanted) {
            fields.report(
                "unknown provider \(wanted.debugDescription); the catalog's providers are \(Self.list(providers.ids))",
                at: fields.node("provider"))
            providerID = nil
        } else if let wanted = providerID, providers.item(id: wanted) == nil {
            providerID = nil  // declared, but with problems of its own, reported there
        }
        let apiVersion = fields.string("apiVersion", required: false)
        var values: [String: String] = [:]
        for (name, value) in fields.stringMap("values") ?? [] {
            guard YAMLFields.isIdentifier(name), !["model", "apiVersion"].contains(name) else {
                fields.report(
                    "values: \(name.debugDescription) is not a value name; expected lowercase names such as project or region",
                    at: fields.node("values"))
                continue
            }
            values[name] = value
        }
        var endpoints: [String: String] = [:]
        for key in ["endpoint", "streamEndpoint"] {
            guard let endpoint = fields.string(key, required: key == "endpoint") else { continue }
            var rest = endpoint.replacingOccurrences(of: "{model}", with: "m")
            if endpoint.contains("{apiVersion}") {
                if apiVersion == nil {
                    fields.report("\(key) uses {apiVersion} but the protocol has no apiVersion", at: fields.node(key))
                }
                rest = rest.replacingOccurrences(of: "{apiVersion}", with: "v")
            }
            for name in values.keys { rest = rest.replacingOccurrences(of: "{\(name)}", with: "x") }
            let pathPart = rest.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
            guard rest.hasPrefix("/"), Self.isPlainPath(pathPart), !rest.contains("{"), !rest.contains("#") else {
                let names = ["{model}", "{apiVersion}"] + values.keys.sorted().map { "{\($0)}" }
                fields.report(
                    "\(key) \(endpoint.debugDescription) must be a path starting with / that uses only the placeholders \(names.joined(separator: ", "))",
                    at: fields.node(key))
                continue
            }
            endpoints[key] = endpoint
        }
        var sdkBase = ""
        if let base = fields.string("sdkBase", required: false) {
            let endpointsStart = endpoints.values.allSatisfy { $0.hasPrefix(base + "/") }
            if !base.hasPrefix("/") || base.hasSuffix("/") || !Self.isPlainPath(base) {
                fields.report(
                    "sdkBase \(base.debugDescription) must be a path such as /v1, without placeholders, query or trailing slash",
                    at: fields.node("sdkBase"))
            } else if !endpointsStart {
                fields.report(
                    "sdkBase \(base.debugDescription) must be where endpoint and streamEndpoint start, followed by /",
                    at: fields.node("sdkBase"))
            } else {
                sdkBase = base
            }
        }
        let features = readFeatures(&fields)
        var styles: [Reasoning.Style] = []
        for text in fields.stringList("reasoningStyles") ?? [] {
            guard let style = Reasoning.Style(rawValue: text) else {
                fields.report(
                    "unknown reasoning style \(text.debugDescription); expected \(Self.list(Reasoning.Style.allCases.map(\.rawValue)))",
                    at: fields.node("reasoningStyles"))
                continue
            }
            styles.append(style)
        }
        if features.contains("reasoning"), styles.isEmpty {
            fields.report(
                "the protocol lists the reasoning feature but no reasoningStyles; expected some of \(Self.list(Reasoning.Style.allCases.map(\.rawValue)))",
                at: fields.node("features"))
        }
        var sdkIDs: [Language: String] = [:]
        var sdksComplete = false
        if let sdksNode = fields.require("sdks") {
            if let mapping = sdksNode.mapping {
                sdksComplete = true
                for (keyNode, valueNode) in mapping {
                    guard let key = keyNode.string, languages.contains(Language(rawValue: key)) else {
                        report(
                            "unknown language \(keyNode.string?.debugDescription ?? "?") in sdks; the catalog's SDKs are for \(Self.list(languages.map(\.rawValue)))",
                            at: keyNode)
                        sdksComplete = false
                        continue
                    }
                    let language = Language(rawValue: key)
                    guard let sdkID = valueNode.string, valueNode.scalar != nil else {
                        report("the \(language) SDK must be an SDK id", at: valueNode)
                        sdksComplete = false
                        continue
                    }
                    guard sdks.declaredIDs.contains(sdkID) else {
                        report(
                            "unknown SDK \(sdkID.debugDescription); the catalog's SDKs are \(Self.list(sdks.ids))",
                            at: valueNode)
                        sdksComplete = false
                        continue
                    }
                    guard let sdk = sdks.item(id: sdkID) else {
                        sdksComplete = false
                        continue
                    }
                    guard sdk.language == language else {
                        report("SDK \(sdkID.debugDescription) is for \(sdk.language), not \(language)", at: valueNode)
                        sdksComplete = false
                        continue
                    }
                    sdkIDs[language] = sdkID
                }
                let missing = languages.filter { language in
                    !mapping.contains { $0.key.string == language.rawValue }
                }
                if !missing.isEmpty {
                    report(
                        "sdks has no entry for \(Self.list(missing.map(\.rawValue))); every protocol needs an SDK for each language the catalog has SDKs for (\(Self.list(languages.map(\.rawValue))))",
                        at: sdksNode)
                    sdksComplete = false
                }
            } else {
                report(
                    "sdks must be a mapping from language to SDK id, such as { python: openai, curl: curl, swift: urlsession }",
                    at: sdksNode)
            }
        }
        guard let id, let name, let providerID, let endpoint = endpoints["endpoint"], sdksComplete else { return nil }
        return WireProtocol(
            id: id, name: name, providerID: providerID, apiVersion: apiVersion, endpoint: endpoint,
            streamEndpoint: endpoints["streamEndpoint"], sdkBase: sdkBase, values: values, features: features,
            reasoningStyles: styles, sdkIDs: sdkIDs)
    }

    /// The `features` list of a protocol or model, each checked against ``Catalog/knownFeatures``.
    mutating func readFeatures(_ fields: inout YAMLFields) -> [String] {
        var features: [String] = []
        for feature in fields.stringList("features") ?? [] {
            guard Catalog.knownFeatures.contains(feature) else {
                fields.report(
                    "unknown feature \(feature.debugDescription); expected some of \(Self.list(Catalog.knownFeatures))",
                    at: fields.node("features"))
                continue
            }
            if !features.contains(feature) { features.append(feature) }
        }
        return features
    }

    /// The `features` and `reasoning` of a model or import rule: reasoning is described exactly
    /// when the features list it.
    mutating func readFeaturesAndReasoning(_ fields: inout YAMLFields, of owner: String) -> (
        features: [String], reasoning: Reasoning?
    ) {
        let features = readFeatures(&fields)
        var reasoning: Reasoning?
        if let reasoningNode = fields.node("reasoning") {
            reasoning = readReasoning(reasoningNode)
            if !features.contains("reasoning") {
                report("reasoning is described but features does not list reasoning", at: reasoningNode)
            }
        } else if features.contains("reasoning") {
            fields.report(
                "features lists reasoning but \(owner) has no reasoning: { style: effort|adaptive|budget|level, … }",
                at: fields.node("features"))
        }
        return (features, reasoning)
    }

    mutating func readModel(_ node: Node, protocols: YAMLSection<WireProtocol>) -> Model? {
        guard
            var fields = mapping(
                node, what: "a model",
                allowed: ["id", "name", "vendor", "protocols", "ids", "features", "reasoning"])
        else { return nil }
        defer { collect(fields) }
        let id = fields.string("id")
        if let id, !Self.isModelID(id) {
            fields.report(
                "model id \(id.debugDescription) must be non-empty and free of control characters",
                at: fields.node("id"))
        }
        let name = fields.string("name")
        let vendor = fields.string("vendor")
        var protocolIDs: [String] = []
        var protocolsValid = false
        if let list = fields.require("protocols") {
            if list.sequence == nil {
                report("protocols must be a list of protocol ids, such as [openai-chat]", at: list)
            } else if list.array().isEmpty {
                report(
                    "model \(id?.debugDescription ?? "") has no protocol; expected at least one of \(Self.list(protocols.ids))",
                    at: list)
            } else {
                protocolsValid = true
                for item in list.array() {
                    guard let protocolID = item.string, item.scalar != nil else {
                        report("a protocol must be a protocol id", at: item)
                        protocolsValid = false
                        continue
                    }
                    if !protocols.declaredIDs.contains(protocolID) {
                        report(
                            "unknown protocol \(protocolID.debugDescription); the catalog's protocols are \(Self.list(protocols.ids))",
                            at: item)
                        protocolsValid = false
                    } else if protocols.item(id: protocolID) == nil {
                        protocolsValid = false  // declared, but with problems of its own, reported there
                    } else if protocolIDs.contains(protocolID) {
                        report("protocol \(protocolID.debugDescription) is listed twice", at: item)
                    } else {
                        protocolIDs.append(protocolID)
                    }
                }
            }
        }
        var protocolModelIDs: [String: String] = [:]
        for (protocolID, modelID) in fields.stringMap("ids") ?? [] {
            guard protocolIDs.contains(protocolID) || !protocolsValid else {
                fields.report(
                    "ids names protocol \(protocolID.debugDescription), which the model does not list in protocols (\(Self.list(protocolIDs)))",
                    at: fields.node("ids"))
                continue
            }
            guard Self.isModelID(modelID) else {
                fields.report(
                    "the model's id on \(protocolID) (\(modelID.debugDescription)) must be non-empty and free of control characters",
                    at: fields.node("ids"))
                continue
            }
            protocolModelIDs[protocolID] = modelID
        }
        let (features, reasoning) = readFeaturesAndReasoning(&fields, of: "the model")
        guard let id, let name, let vendor, protocolsValid else { return nil }
        return Model(
            id: id, name: name, vendor: vendor, protocolIDs: protocolIDs, protocolModelIDs: protocolModelIDs,
            features: features, reasoning: reasoning)
    }

    mutating func readReasoning(_ node: Node) -> Reasoning? {
        guard var fields = mapping(node, what: "reasoning", allowed: ["style", "levels", "default"])
        else { return nil }
        defer { collect(fields) }
        let styles = Reasoning.Style.allCases.map(\.rawValue)
        guard let text = fields.string("style") else { return nil }
        guard let style = Reasoning.Style(rawValue: text) else {
            fields.report(
                "unknown reasoning style \(text.debugDescription); expected \(Self.list(styles))",
                at: fields.node("style"))
            return nil
        }
        switch style {
        case .budget:
            if fields.node("levels") != nil {
                fields.report(
                    "a budget style has no levels; give its default budget in tokens", at: fields.node("levels"))
            }
            guard let budget = fields.int("default", in: 0...1_000_000, required: true) else { return nil }
            return Reasoning(style: style, defaultBudget: budget)
        case .effort, .adaptive, .level:
            guard let levels = fields.stringList("levels", required: true) else { return nil }
            guard !levels.isEmpty else {
                fields.report(
                    "levels is empty; expected the depths the model takes, such as [low, high]",
                    at: fields.node("levels"))
                return nil
            }
            guard let level = fields.string("default") else { return nil }
            guard levels.contains(level) else {
                fields.report(
                    "default \(level.debugDescription) is not one of the levels (\(Self.list(levels)))",
                    at: fields.node("default"))
                return nil
            }
            return Reasoning(style: style, levels: levels, defaultLevel: level)
        }
    }

    // MARK: - Helpers

    static func isModelID(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    static func isAbsoluteHTTPURL(_ text: String) -> Bool {
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    /// A path of visible ASCII without spaces, braces, query or fragment.
    static func isPlainPath(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && !"?#{}\\\"'<>`".unicodeScalars.contains(scalar)
        }
    }
}

extension Provider: YAMLIdentified {}
extension SDK: YAMLIdentified {}
extension WireProtocol: YAMLIdentified {}
extension Model: YAMLIdentified {}
