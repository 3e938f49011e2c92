import Foundation
import Yams

extension Catalog {
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
    /// references to providers, protocols or SDKs that do not exist, malformed URLs and
    /// models without a protocol.
    ///
    /// - Parameter path: the name diagnostics give the text.
    /// - Throws: ``CatalogError`` listing the problems in file order.
    public static func load(yaml: String, path: String) throws(CatalogError) -> Catalog {
        var reader = CatalogReader(path: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            throw CatalogError(diagnostics: [reader.diagnostic(for: error)])
        } catch {
            throw CatalogError(diagnostics: [CatalogDiagnostic(path: path, line: 0, column: 0, message: "\(error)")])
        }
        guard let root else {
            throw CatalogError(diagnostics: [
                CatalogDiagnostic(
                    path: path, line: 0, column: 0,
                    message: "the catalog is empty; expected the keys relay, providers, protocols, sdks and models")
            ])
        }
        let catalog = reader.readCatalog(root)
        guard let catalog, reader.diagnostics.isEmpty else {
            throw CatalogError(diagnostics: reader.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return catalog
    }
}

/// Turns a YAML node tree into a ``Catalog``, collecting every problem on the way.
struct CatalogReader {
    let path: String
    var diagnostics: [CatalogDiagnostic] = []

    init(path: String) { self.path = path }

    mutating func report(_ message: String, at node: Node?) {
        let mark = node?.mark
        diagnostics.append(
            CatalogDiagnostic(path: path, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
    }

    func diagnostic(for error: YamlError) -> CatalogDiagnostic {
        let problem = YAMLProblem(error)
        return CatalogDiagnostic(
            path: path, line: problem.line, column: problem.column, message: "invalid YAML: \(problem.message)")
    }

    // MARK: - The sections

    mutating func readCatalog(_ root: Node) -> Catalog? {
        guard
            var fields = fields(
                of: root, what: "the catalog", allowed: ["relay", "providers", "protocols", "sdks", "models"])
        else { return nil }
        let relayNode = fields.require("relay")
        let relay = relayNode.flatMap { readRelay($0) }

        let providers = readList(fields.require("providers"), what: "providers") { reader, node in
            reader.readProvider(node)
        }
        let sdks = readList(fields.require("sdks"), what: "sdks") { reader, node in reader.readSDK(node) }
        let protocols = readList(fields.require("protocols"), what: "protocols") { reader, node in
            reader.readProtocol(node, providers: providers, sdks: sdks)
        }
        let models = readList(fields.require("models"), what: "models") { reader, node in
            reader.readModel(node, protocols: protocols)
        }
        diagnostics += fields.diagnostics
        guard let relay else { return nil }
        return Catalog(
            relay: relay, providers: providers.items, protocols: protocols.items, sdks: sdks.items,
            models: models.items)
    }

    mutating func readRelay(_ node: Node) -> Relay? {
        guard
            var fields = fields(
                of: node, what: "relay", allowed: ["name", "origin", "placeholderKey", "defaultPrompt"])
        else { return nil }
        defer { diagnostics += fields.diagnostics }
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
            var fields = fields(
                of: node, what: "a provider", allowed: ["id", "name", "originalBaseURL", "relayBaseURL", "note"])
        else { return nil }
        defer { diagnostics += fields.diagnostics }
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
                    "relayBaseURL \(relayBase.debugDescription) must be \"{origin}\" followed by a path such as /v1 (no trailing slash, query or spaces)",
                    at: fields.node("relayBaseURL"))
            }
        }
        let note = fields.localizedText("note") ?? LocalizedText([])
        guard let id, let name, let original, let relayPath else { return nil }
        return Provider(id: id, name: name, originalBaseURL: original, relayPath: relayPath, note: note)
    }

    mutating func readSDK(_ node: Node) -> SDK? {
        guard var fields = fields(of: node, what: "an SDK", allowed: ["id", "language", "package", "versions"])
        else { return nil }
        defer { diagnostics += fields.diagnostics }
        let id = fields.identifier("id")
        var language: Language?
        if let text = fields.string("language") {
            language = Language(rawValue: text)
            if language == nil {
                fields.report(
                    "unknown language \(text.debugDescription); expected one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: fields.node("language"))
            }
        }
        let package = fields.string("package")
        let versions = fields.string("versions")
        guard let id, let language, let package, let versions else { return nil }
        return SDK(id: id, language: language, package: package, versions: versions)
    }

    mutating func readProtocol(_ node: Node, providers: Section<Provider>, sdks: Section<SDK>) -> WireProtocol? {
        guard
            var fields = fields(
                of: node, what: "a protocol",
                allowed: ["id", "name", "provider", "apiVersion", "endpoint", "streamEndpoint", "sdks"])
        else { return nil }
        defer { diagnostics += fields.diagnostics }
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
            let pathPart = rest.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
            guard rest.hasPrefix("/"), Self.isPlainPath(pathPart), !rest.contains("{"), !rest.contains("#") else {
                fields.report(
                    "\(key) \(endpoint.debugDescription) must be a path starting with / that uses only the placeholders {model} and {apiVersion}",
                    at: fields.node(key))
                continue
            }
            endpoints[key] = endpoint
        }
        var sdkIDs: [Language: String] = [:]
        if let sdksNode = fields.require("sdks") {
            if let mapping = sdksNode.mapping {
                for (keyNode, valueNode) in mapping {
                    guard let key = keyNode.string, let language = Language(rawValue: key) else {
                        report(
                            "unknown language \(keyNode.string?.debugDescription ?? "?") in sdks; expected \(Self.list(Language.allCases.map(\.rawValue)))",
                            at: keyNode)
                        continue
                    }
                    guard let sdkID = valueNode.string, valueNode.scalar != nil else {
                        report("the \(language) SDK must be an SDK id", at: valueNode)
                        continue
                    }
                    guard sdks.declaredIDs.contains(sdkID) else {
                        report(
                            "unknown SDK \(sdkID.debugDescription); the catalog's SDKs are \(Self.list(sdks.ids))",
                            at: valueNode)
                        continue
                    }
                    guard let sdk = sdks.item(id: sdkID) else { continue }
                    guard sdk.language == language else {
                        report("SDK \(sdkID.debugDescription) is for \(sdk.language), not \(language)", at: valueNode)
                        continue
                    }
                    sdkIDs[language] = sdkID
                }
                let missing = Language.allCases.filter { language in
                    !mapping.contains { $0.key.string == language.rawValue }
                }
                if !missing.isEmpty {
                    report(
                        "sdks has no entry for \(Self.list(missing.map(\.rawValue))); every protocol needs an SDK for python, curl and swift",
                        at: sdksNode)
                }
            } else {
                report(
                    "sdks must be a mapping from language to SDK id, such as { python: openai, curl: curl, swift: urlsession }",
                    at: sdksNode)
            }
        }
        guard let id, let name, let providerID, let endpoint = endpoints["endpoint"],
            sdkIDs.count == Language.allCases.count
        else { return nil }
        return WireProtocol(
            id: id, name: name, providerID: providerID, apiVersion: apiVersion, endpoint: endpoint,
            streamEndpoint: endpoints["streamEndpoint"], sdkIDs: sdkIDs)
    }

    mutating func readModel(_ node: Node, protocols: Section<WireProtocol>) -> Model? {
        guard var fields = fields(of: node, what: "a model", allowed: ["id", "name", "vendor", "protocols"])
        else { return nil }
        defer { diagnostics += fields.diagnostics }
        let id = fields.string("id")
        if let id, id.isEmpty || id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
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
        guard let id, let name, let vendor, protocolsValid else { return nil }
        return Model(id: id, name: name, vendor: vendor, protocolIDs: protocolIDs)
    }

    // MARK: - Helpers

    /// Reads a list section, reporting items that are not valid and ids that repeat.
    ///
    /// - Returns: the valid items, and the ids of all items, valid or not, so that a reference to
    ///   an item with a problem of its own is not reported a second time as unknown.
    mutating func readList<Item: Identified>(
        _ node: Node?, what: String, item read: (inout CatalogReader, Node) -> Item?
    ) -> Section<Item> {
        var section = Section<Item>()
        guard let node else { return section }
        guard node.sequence != nil else {
            report("\(what) must be a list", at: node)
            return section
        }
        var lines: [String: Int] = [:]
        for child in node.array() {
            if let idNode = child.mapping?["id"], let id = idNode.string {
                if let line = lines[id] {
                    report(
                        "duplicate id \(id.debugDescription) in \(what); it is already used on line \(line)", at: idNode
                    )
                    continue
                }
                lines[id] = idNode.mark?.line ?? 0
                section.declaredIDs.insert(id)
            }
            if let item = read(&self, child) { section.items.append(item) }
        }
        return section
    }

    mutating func fields(of node: Node, what: String, allowed: [String]) -> Fields? {
        guard let mapping = node.mapping else {
            report("\(what) must be a mapping with the keys \(Self.list(allowed))", at: node)
            return nil
        }
        var fields = Fields(path: path, owner: node, what: what)
        for (key, value) in mapping {
            guard let name = key.string, allowed.contains(name) else {
                fields.report(
                    "unknown key \((key.string ?? "?").debugDescription) in \(what); expected \(Self.list(allowed))",
                    at: key)
                continue
            }
            if fields.values[name] != nil {
                fields.report("key \(name.debugDescription) appears twice in \(what)", at: key)
                continue
            }
            fields.values[name] = value
        }
        return fields
    }

    static func list(_ names: [String]) -> String {
        names.isEmpty ? "(none)" : names.joined(separator: ", ")
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

/// The items of one list section.
struct Section<Item: Identified> {
    /// The items without problems, in file order.
    var items: [Item] = []
    /// The ids of every item, with or without problems.
    var declaredIDs: Set<String> = []

    var ids: [String] { items.map(\.id) }
    func item(id: String) -> Item? { items.first { $0.id == id } }
}

protocol Identified { var id: String { get } }
extension Provider: Identified {}
extension SDK: Identified {}
extension WireProtocol: Identified {}
extension Model: Identified {}

/// The fields of one mapping, read by name with type checks.
struct Fields {
    let path: String
    let owner: Node
    let what: String
    var values: [String: Node] = [:]
    var diagnostics: [CatalogDiagnostic] = []

    init(path: String, owner: Node, what: String) {
        self.path = path
        self.owner = owner
        self.what = what
    }

    mutating func report(_ message: String, at node: Node?) {
        let mark = (node ?? owner).mark
        diagnostics.append(
            CatalogDiagnostic(path: path, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
    }

    func node(_ name: String) -> Node? { values[name] }

    mutating func require(_ name: String) -> Node? {
        guard let node = values[name] else {
            report("\(what) has no \(name.debugDescription)", at: owner)
            return nil
        }
        return node
    }

    mutating func string(_ name: String, required: Bool = true) -> String? {
        guard let node = required ? require(name) : values[name] else { return nil }
        guard node.scalar != nil, let text = node.string else {
            report("\(name) in \(what) must be text", at: node)
            return nil
        }
        if required, text.trimmingCharacters(in: .whitespaces).isEmpty {
            report("\(name) in \(what) is empty", at: node)
            return nil
        }
        return text
    }

    /// An id: lowercase letters, digits, dots and dashes, starting with a letter or digit.
    mutating func identifier(_ name: String) -> String? {
        guard let text = string(name) else { return nil }
        let valid =
            text.unicodeScalars.first.map { CharacterSet.lowercaseLetters.contains($0) || ("0"..."9").contains($0) }
            == true
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
            }
        guard valid else {
            report(
                "\(name) \(text.debugDescription) in \(what) must be lowercase letters, digits, dots and dashes",
                at: values[name])
            return nil
        }
        return text
    }

    /// Text that is either one string or a mapping from locale to string.
    mutating func localizedText(_ name: String) -> LocalizedText? {
        guard let node = values[name] else { return nil }
        if node.scalar != nil, let text = node.string { return LocalizedText([(locale: "en", text: text)]) }
        guard let mapping = node.mapping else {
            report(
                "\(name) in \(what) must be text or a mapping from locale to text, such as { zh: …, en: … }", at: node)
            return nil
        }
        var translations: [(locale: String, text: String)] = []
        for (key, value) in mapping {
            guard let locale = key.string, let text = value.string, value.scalar != nil else {
                report("\(name) in \(what) must map each locale to text", at: value)
                continue
            }
            translations.append((locale: locale, text: text))
        }
        return LocalizedText(translations)
    }
}
