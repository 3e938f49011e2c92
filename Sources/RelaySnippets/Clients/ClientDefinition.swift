import RelayCatalog
import RelayYAML
import Yams

/// A program people point at the relay (a coding agent, a chat app, a framework or an official
/// SDK set up through its environment), as its folder describes it:
/// `templates/clients/<id>/client.yaml` and the file templates beside it.
///
/// ```yaml
/// name: Claude Code
/// kind: agent
/// protocols:
///   anthropic-messages:
///     baseURL: "{base}"            # the provider's relay base URL, as it is (no /v1)
///     files:
///       - { path: ~/.claude/settings.json, format: json, template: settings.json }
///     requests:
///       - { method: POST, url: "{baseURL}/v1/messages", key: authorization }
/// verify:
///   run: ["{python}", "replay.py"]
/// ```
///
/// A new client is a new folder.
public struct ClientDefinition: Sendable, Equatable {
    /// What sort of program the client is.
    public enum Kind: String, Sendable, Equatable, CaseIterable, Codable {
        /// A coding agent in the terminal (Claude Code, Codex CLI, Gemini CLI).
        case agent
        /// A desktop or web app with fields to fill in (Cherry Studio).
        case app
        /// A library that wraps the SDKs (LangChain, LiteLLM, …).
        case framework
        /// An official SDK configured through its environment variables.
        case sdk
    }

    /// A file the set-up writes.
    public struct File: Sendable, Equatable {
        /// Where it goes: `~/…` in the user's home, else relative to the project folder.
        public var path: String
        public var format: ClientFormat
        /// The template's name in the client's folder, without `.mustache`.
        public var template: String
    }

    /// A text rendered before the rest, whose output the other templates read as `parts.<name>`
    /// (through their own escapers): the JSON of a deep link, say.
    public struct Part: Sendable, Equatable {
        public var name: String
        public var format: ClientFormat
        public var template: String
    }

    /// A shell line the user runs.
    public struct Command: Sendable, Equatable {
        /// The template of the line (format `shell`), registered under this name.
        public var template: String
        /// Whether `relaydocs verify` runs it before the client (export lines) or not (installs,
        /// starting the agent).
        public var runsInVerify: Bool
    }

    /// A field to type into an app, or a link to open.
    public struct Setting: Sendable, Equatable {
        public var name: String
        public var format: ClientFormat
        /// The template of the value, registered under this name.
        public var template: String
    }

    /// A request the client makes once set up.
    public struct RequestShape: Sendable, Equatable {
        public var method: String
        /// The URL, with `{baseURL}`, `{origin}`, `{model}` (a path segment) and `{apiVersion}`.
        public var url: String
        /// The header that carries the key (lowercase), such as `authorization` (as `Bearer KEY`)
        /// or `x-api-key`; nil: where the protocol puts it.
        public var keyHeader: String?
        /// Whether the request asks for an event stream.
        public var stream: Bool
    }

    /// The set-up through one protocol.
    public struct ProtocolSetup: Sendable, Equatable {
        public var protocolID: String
        /// The base URL the client is given: `{base}` (the provider's relay base URL), `{origin}`,
        /// `{apiVersion}`; with ``strip`` removed from the end of `{base}` first.
        public var baseURL: String
        /// A suffix the client adds itself (Cherry Studio adds `/v1`), removed from `{base}`.
        public var strip: String?
        public var parts: [Part]
        public var files: [File]
        public var commands: [Command]
        public var settings: [Setting]
        public var requests: [RequestShape]
    }

    /// How `relaydocs verify` runs the set-up: the command (in the project folder, after the
    /// commands that run in verify), with `{python}` the interpreter of the client's virtual
    /// environment; the files of the client's folder it needs beside it (a replay script).
    public struct Verification: Sendable, Equatable {
        public var run: [String]
        public var support: [String]
    }

    /// The client's id: the name of its folder.
    public var id: String
    public var name: String
    public var kind: Kind
    public var order: Int
    /// One line about what it is, by locale.
    public var summary: LocalizedText
    /// Its home page or docs.
    public var homepage: String?
    /// The set-up through each protocol it speaks, in the order it prefers them.
    public var protocols: [ProtocolSetup]
    /// How verify runs it; nil: verify only parses its files.
    public var verify: Verification?
    /// The mistakes people make setting it up and how they show, by locale (for the docs).
    public var pitfalls: [LocalizedText]

    /// The ids of the protocols it speaks.
    public var protocolIDs: [String] { protocols.map(\.protocolID) }

    /// The set-up through a protocol, if the client speaks it.
    public func setup(for protocolID: String) -> ProtocolSetup? { protocols.first { $0.protocolID == protocolID } }

    /// The name of a template of this client's folder in the clients' template library.
    static func templateName(client: String, _ name: String) -> String { "\(client)/\(name)" }

    /// Reads a `client.yaml`.
    ///
    /// - Parameters:
    ///   - id: the folder's name.
    ///   - path: the file, for diagnostics.
    ///   - templateExists: whether the client's folder has a template of a name (without `.mustache`).
    /// - Returns: the definition and the inline templates (commands and settings) to register,
    ///   by their names.
    /// - Throws: every problem, each with its line.
    public static func parse(
        _ text: String, id: String, path: String, templateExists: (String) -> Bool
    ) throws(YAMLFileError) -> (definition: ClientDefinition, inline: [(name: String, text: String, line: Int)]) {
        var reader = YAMLReader(path: path)
        let allowed = ["name", "kind", "order", "summary", "homepage", "protocols", "verify", "pitfalls"]
        guard
            let root = reader.compose(
                text, emptyMessage: "client.yaml is empty; expected \(allowed.joined(separator: ", "))"),
            var fields = reader.mapping(root, what: "a client", allowed: allowed)
        else { throw reader.error }
        var inline: [(name: String, text: String, line: Int)] = []
        let name = fields.string("name")
        var kind: Kind?
        if let text = fields.string("kind") {
            kind = Kind(rawValue: text)
            if kind == nil {
                fields.report(
                    "kind \(text.debugDescription) is not one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: fields.node("kind"))
            }
        }
        let order = fields.int("order", in: 0...1000) ?? 100
        let summary = fields.localizedText("summary", required: true)
        let homepage = fields.string("homepage", required: false)
        var pitfalls: [LocalizedText] = []
        if let node = fields.node("pitfalls") {
            if node.sequence == nil { fields.report("pitfalls must be a list", at: node) }
            for item in node.array() {
                if item.scalar != nil, let text = item.string {
                    pitfalls.append(LocalizedText([(locale: "en", text: text)]))
                } else if let mapping = item.mapping {
                    pitfalls.append(
                        LocalizedText(
                            mapping.compactMap { key, value in key.string.flatMap { k in value.string.map { (k, $0) } }
                            }))
                } else {
                    fields.report("each pitfall must be text or { zh: …, en: … }", at: item)
                }
            }
        }
        var protocols: [ProtocolSetup] = []
        if let node = fields.require("protocols") {
            if let mapping = node.mapping, !mapping.isEmpty {
                for (key, value) in mapping {
                    guard let protocolID = key.string, YAMLFields.isIdentifier(protocolID) else {
                        reader.report("each key of protocols must be a protocol id such as openai-chat", at: key)
                        continue
                    }
                    if let setup = protocolSetup(
                        value, client: id, protocolID: protocolID, reader: &reader, inline: &inline,
                        templateExists: templateExists)
                    {
                        protocols.append(setup)
                    }
                }
            } else {
                fields.report(
                    "protocols must map each protocol the client speaks (such as anthropic-messages) to its set-up",
                    at: node)
            }
        }
        var verify: Verification?
        if let node = fields.node("verify"),
            var verifyFields = reader.mapping(node, what: "verify", allowed: ["run", "support"])
        {
            let run = LanguageDefinition.command(&verifyFields, "run", required: true)
            let support = verifyFields.stringList("support") ?? []
            for file in support where file.contains("/") || file.hasPrefix(".") {
                verifyFields.report(
                    "support \(file.debugDescription) must be a file name of the client's folder",
                    at: verifyFields.node("support"))
            }
            reader.collect(verifyFields)
            if let run { verify = Verification(run: run, support: support) }
        }
        reader.collect(fields)
        guard let name, let kind, let summary, reader.diagnostics.isEmpty else { throw reader.error }
        return (
            ClientDefinition(
                id: id, name: name, kind: kind, order: order, summary: LocalizedText(summary), homepage: homepage,
                protocols: protocols, verify: verify, pitfalls: pitfalls), inline
        )
    }

    static func protocolSetup(
        _ node: Node, client: String, protocolID: String, reader: inout YAMLReader,
        inline: inout [(name: String, text: String, line: Int)], templateExists: (String) -> Bool
    ) -> ProtocolSetup? {
        let what = "the \(protocolID) set-up"
        guard
            var fields = reader.mapping(
                node, what: what, allowed: ["baseURL", "strip", "parts", "files", "commands", "settings", "requests"])
        else { return nil }
        defer { reader.collect(fields) }
        let baseURL = fields.string("baseURL")
        if let baseURL, !baseURL.hasPrefix("{base}"), !baseURL.hasPrefix("{origin}") {
            fields.report(
                "baseURL \(baseURL.debugDescription) must start with {base} (the provider's relay base URL) or {origin}",
                at: fields.node("baseURL"))
        }
        let strip = fields.string("strip", required: false)

        func format(_ itemFields: inout YAMLFields, default value: ClientFormat? = nil) -> ClientFormat? {
            guard let text = itemFields.string("format", required: value == nil) else { return value }
            guard let format = ClientFormat(rawValue: text) else {
                itemFields.report(
                    "format \(text.debugDescription) is not one of \(ClientFormat.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: itemFields.node("format"))
                return nil
            }
            return format
        }
        func template(_ itemFields: inout YAMLFields) -> String? {
            guard let name = itemFields.string("template") else { return nil }
            guard templateExists(name) else {
                itemFields.report(
                    "template \(name.debugDescription) is not in the client's folder (expected clients/\(client)/\(name).mustache)",
                    at: itemFields.node("template"))
                return nil
            }
            return templateName(client: client, name)
        }
        func items(_ key: String) -> [Node] {
            guard let node = fields.node(key) else { return [] }
            guard node.sequence != nil else {
                fields.report("\(key) in \(what) must be a list", at: node)
                return []
            }
            return node.array()
        }

        var parts: [Part] = []
        for item in items("parts") {
            guard var itemFields = reader.mapping(item, what: "a part", allowed: ["name", "format", "template"])
            else { continue }
            let name = itemFields.identifier("name")
            let partFormat = format(&itemFields)
            let partTemplate = template(&itemFields)
            reader.collect(itemFields)
            if let name, let partFormat, let partTemplate {
                parts.append(Part(name: name, format: partFormat, template: partTemplate))
            }
        }
        var files: [File] = []
        for item in items("files") {
            guard var itemFields = reader.mapping(item, what: "a file", allowed: ["path", "format", "template"])
            else { continue }
            let path = itemFields.string("path")
            if let path, path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                itemFields.report(
                    "path \(path.debugDescription) must be ~/… or relative to the project, without ..",
                    at: itemFields.node("path"))
            }
            let fileFormat = format(&itemFields)
            let fileTemplate = template(&itemFields)
            reader.collect(itemFields)
            if let path, let fileFormat, let fileTemplate {
                files.append(File(path: path, format: fileFormat, template: fileTemplate))
            }
        }
        var commands: [Command] = []
        for (index, item) in items("commands").enumerated() {
            let name = templateName(client: client, "\(protocolID)/commands/\(index + 1)")
            if item.scalar != nil, let text = item.string {
                inline.append((name, text, item.mark?.line ?? 0))
                commands.append(Command(template: name, runsInVerify: true))
                continue
            }
            guard var itemFields = reader.mapping(item, what: "a command", allowed: ["line", "verify"]) else {
                continue
            }
            let line = itemFields.string("line")
            let runs = itemFields.bool("verify", default: true)
            reader.collect(itemFields)
            if let line {
                inline.append((name, line, item.mark?.line ?? 0))
                commands.append(Command(template: name, runsInVerify: runs))
            }
        }
        var settings: [Setting] = []
        for (index, item) in items("settings").enumerated() {
            guard var itemFields = reader.mapping(item, what: "a setting", allowed: ["name", "value", "format"])
            else { continue }
            let name = itemFields.string("name")
            let value = itemFields.string("value")
            let settingFormat = format(&itemFields, default: .text)
            reader.collect(itemFields)
            if let name, let value, let settingFormat {
                let template = templateName(client: client, "\(protocolID)/settings/\(index + 1)")
                inline.append((template, value, item.mark?.line ?? 0))
                settings.append(Setting(name: name, format: settingFormat, template: template))
            }
        }
        var requests: [RequestShape] = []
        for item in items("requests") {
            guard
                var itemFields = reader.mapping(
                    item, what: "a request", allowed: ["method", "url", "key", "stream"])
            else { continue }
            let method = itemFields.string("method")
            if let method, !["GET", "POST"].contains(method) {
                itemFields.report(
                    "method \(method.debugDescription) must be GET or POST", at: itemFields.node("method"))
            }
            let url = itemFields.string("url")
            if let url, !url.hasPrefix("{baseURL}"), !url.hasPrefix("{origin}") {
                itemFields.report(
                    "url \(url.debugDescription) must start with {baseURL} or {origin}", at: itemFields.node("url"))
            }
            let keyHeader = itemFields.string("key", required: false)?.lowercased()
            let stream = itemFields.bool("stream", default: false)
            reader.collect(itemFields)
            if let method, let url {
                requests.append(RequestShape(method: method, url: url, keyHeader: keyHeader, stream: stream))
            }
        }
        if requests.isEmpty {
            fields.report("\(what) must list the requests the client then makes (requests: [{method, url}])", at: node)
        }
        guard let baseURL else { return nil }
        return ProtocolSetup(
            protocolID: protocolID, baseURL: baseURL, strip: strip, parts: parts, files: files, commands: commands,
            settings: settings, requests: requests)
    }
}
