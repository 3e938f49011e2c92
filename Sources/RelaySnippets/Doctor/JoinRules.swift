import Foundation
import RelayCatalog
import RelayYAML
import Yams

/// How one client turns the base URL it is given into the URL of a request through one protocol,
/// as `templates/doctor/sdks.yaml` and `templates/clients/<id>/join.yaml` write it.
public struct JoinRule: Sendable, Equatable {
    /// What a `/` at the end of the base URL does.
    public enum TrailingSlash: String, Sendable, Equatable, CaseIterable {
        /// One `/` at the end changes nothing (the client adds one when there is none).
        case one
        /// Every `/` at the end is dropped.
        case all
        /// The base URL is used as written.
        case kept
    }

    /// An API version that holds for a range of the SDK's releases.
    public struct VersionedValue: Sendable, Equatable {
        /// The releases, such as `>=3`.
        public var versions: String
        public var value: String
    }

    /// Where `{apiVersion}` comes from.
    public enum APIVersion: Sendable, Equatable {
        /// The protocol's pinned version in the catalog (code that sets it, as the set-ups do).
        case catalog
        /// Always this one.
        case fixed(String)
        /// The SDK's default, by its release.
        case byRelease([VersionedValue])
    }

    /// The path added after the base URL, with `{apiVersion}` and `{model}`.
    public var appends: String
    public var trailingSlash: TrailingSlash
    public var apiVersion: APIVersion?
    /// A version segment the client adds unless the base URL has a `/vN` segment (Cherry Studio's `/v1`).
    public var addsVersion: String?
    /// A mark at the end of the base URL that makes the client use it as written, without the mark (`#`).
    public var verbatimMark: String?
}

/// Where one client's rules come from, and the rule of each protocol it speaks.
public struct JoinRuleSet: Sendable, Equatable {
    /// Where the rule was read or documented, for people.
    public var source: String
    /// The rule by protocol id.
    public var protocols: [String: JoinRule]
}

/// What `relaydocs doctor` knows: the SDKs' and the clients' join rules, and its words by locale.
public struct DoctorRules: Sendable {
    /// The catalog SDK ids with rules, in file order, and their rules.
    public var sdkIDs: [String]
    public var sdks: [String: JoinRuleSet]
    /// The rules of each client of the templates.
    public var clients: [String: JoinRuleSet]
    /// Labels of the text output (`client`, `baseURL`, …), by name.
    public var labels: [String: LocalizedText]
    /// The reasons (`missing`, `extra`, `other`, `noBaseURL`), by name.
    public var reasons: [String: LocalizedText]

    static let reasonNames = ["missing", "extra", "other", "noBaseURL"]
    static let labelNames = ["client", "baseURL", "request", "served", "yes", "no", "suggested", "reason"]
    static let ruleFields = ["sdk", "appends", "trailingSlash", "apiVersion", "addsVersion", "verbatimMark"]

    /// Reads `doctor/sdks.yaml`, `doctor/strings.yaml` and each client's `join.yaml` from the
    /// template files (keyed by their path below the templates folder); nil when the templates
    /// have no `doctor/` folder.
    ///
    /// Every client must have a `join.yaml` giving a rule for every protocol it speaks.
    static func load(files: [String: String], clients: [ClientDefinition], origin: String) -> (
        rules: DoctorRules?, diagnostics: [YAMLDiagnostic]
    ) {
        guard let sdkText = files["doctor/sdks.yaml"] else { return (nil, []) }
        var diagnostics: [YAMLDiagnostic] = []
        // The SDKs.
        var sdkReader = YAMLReader(path: "\(origin)/doctor/sdks.yaml")
        var sdkIDs: [String] = []
        var sdks: [String: JoinRuleSet] = [:]
        if let root = sdkReader.compose(sdkText, emptyMessage: "sdks.yaml is empty; expected sdks:"),
            var fields = sdkReader.mapping(root, what: "the SDK join rules", allowed: ["sdks"]),
            let node = fields.require("sdks")
        {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    guard let id = key.string else { continue }
                    if let set = ruleSet(value, what: "the rules of \(id)", sdks: [:], reader: &sdkReader) {
                        sdkIDs.append(id)
                        sdks[id] = set
                    }
                }
            } else {
                fields.report(
                    "sdks must map each catalog SDK id (openai, anthropic, google-genai) to its rules", at: node)
            }
            sdkReader.collect(fields)
        }
        diagnostics += sdkReader.diagnostics
        // The clients.
        var clientRules: [String: JoinRuleSet] = [:]
        for client in clients {
            let path = "clients/\(client.id)/join.yaml"
            guard let text = files[path] else {
                diagnostics.append(
                    YAMLDiagnostic(
                        path: "\(origin)/clients/\(client.id)/client.yaml", line: 1, column: 1,
                        message:
                            "\(client.id) has no join.yaml beside it: relaydocs doctor needs how it joins a base URL and a path (sdk: or protocols:)"
                    ))
                continue
            }
            var reader = YAMLReader(path: "\(origin)/\(path)")
            guard
                let root = reader.compose(
                    text, emptyMessage: "join.yaml is empty; expected source: and sdk: or protocols:")
            else {
                diagnostics += reader.diagnostics
                continue
            }
            if let set = ruleSet(root, what: "the join rules of \(client.id)", sdks: sdks, reader: &reader) {
                for protocolID in client.protocolIDs where set.protocols[protocolID] == nil {
                    reader.report(
                        "\(client.id) speaks \(protocolID) but join.yaml gives no rule for it (protocols: \(protocolID): { appends: … } or an sdk: that has one)",
                        at: root)
                }
                // An SDK's rules cover protocols the client may not speak: only the client's are kept.
                var kept = set
                kept.protocols = set.protocols.filter { client.protocolIDs.contains($0.key) }
                clientRules[client.id] = kept
            }
            diagnostics += reader.diagnostics
        }
        // The words.
        var labels: [String: LocalizedText] = [:]
        var reasons: [String: LocalizedText] = [:]
        var stringsReader = YAMLReader(path: "\(origin)/doctor/strings.yaml")
        if let text = files["doctor/strings.yaml"] {
            if let root = stringsReader.compose(
                text, emptyMessage: "strings.yaml is empty; expected labels: and reasons:"),
                var fields = stringsReader.mapping(root, what: "the doctor's strings", allowed: ["labels", "reasons"])
            {
                for (section, names) in [("labels", labelNames), ("reasons", reasonNames)] {
                    guard let node = fields.require(section) else { continue }
                    guard
                        var sectionFields = stringsReader.mapping(node, what: section, allowed: names)
                    else { continue }
                    for name in names {
                        guard let text = sectionFields.localizedText(name, required: true) else { continue }
                        if section == "labels" {
                            labels[name] = LocalizedText(text)
                        } else {
                            reasons[name] = LocalizedText(text)
                        }
                    }
                    stringsReader.collect(sectionFields)
                }
                stringsReader.collect(fields)
            }
        } else {
            stringsReader.report(
                "doctor/sdks.yaml needs doctor/strings.yaml beside it (labels: and reasons:)", line: 1, column: 1)
        }
        diagnostics += stringsReader.diagnostics
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (
            DoctorRules(sdkIDs: sdkIDs, sdks: sdks, clients: clientRules, labels: labels, reasons: reasons), []
        )
    }

    /// Reads `{source, sdk?, protocols?}`: the protocols of `sdk` (one of `sdks`) overlaid by its own.
    static func ruleSet(_ node: Node, what: String, sdks: [String: JoinRuleSet], reader: inout YAMLReader)
        -> JoinRuleSet?
    {
        let allowed = sdks.isEmpty ? ["source", "protocols"] : ["source", "sdk", "protocols"]
        guard var fields = reader.mapping(node, what: what, allowed: allowed) else { return nil }
        defer { reader.collect(fields) }
        let source = fields.string("source")
        var protocols: [String: JoinRule] = [:]
        if let sdk = fields.string("sdk", required: false) {
            if let set = sdks[sdk] {
                protocols = set.protocols
            } else {
                fields.report(
                    "sdk \(sdk.debugDescription) has no rules in doctor/sdks.yaml; expected one of \(sdks.keys.sorted().joined(separator: ", "))",
                    at: fields.node("sdk"))
            }
        }
        if let protocolsNode = fields.node("protocols") {
            if let mapping = protocolsNode.mapping {
                for (key, value) in mapping {
                    guard let protocolID = key.string, YAMLFields.isIdentifier(protocolID) else {
                        reader.report("each key of protocols must be a protocol id such as openai-chat", at: key)
                        continue
                    }
                    if let rule = rule(
                        value, what: "the \(protocolID) rule", base: protocols[protocolID], protocolID: protocolID,
                        sdks: sdks, reader: &reader)
                    {
                        protocols[protocolID] = rule
                    }
                }
            } else {
                fields.report("protocols must map each protocol id to its rule { appends: … }", at: protocolsNode)
            }
        }
        if protocols.isEmpty, fields.node("protocols") == nil, fields.node("sdk") == nil {
            fields.report("\(what) need protocols: (or sdk: naming an SDK's rules)", at: node)
        }
        guard let source else { return nil }
        return JoinRuleSet(source: source, protocols: protocols)
    }

    static func rule(
        _ node: Node, what: String, base: JoinRule?, protocolID: String, sdks: [String: JoinRuleSet],
        reader: inout YAMLReader
    ) -> JoinRule? {
        let allowed = sdks.isEmpty ? ruleFields.filter { $0 != "sdk" } : ruleFields
        guard var fields = reader.mapping(node, what: what, allowed: allowed) else { return nil }
        defer { reader.collect(fields) }
        var rule = base
        if let sdk = fields.string("sdk", required: false) {
            if let found = sdks[sdk]?.protocols[protocolID] {
                rule = found
            } else {
                fields.report(
                    "sdk \(sdk.debugDescription) has no \(protocolID) rule in doctor/sdks.yaml", at: fields.node("sdk"))
                return nil
            }
        }
        if let appends = fields.string("appends", required: rule == nil) {
            if !appends.hasPrefix("/") {
                fields.report("appends \(appends.debugDescription) must start with /", at: fields.node("appends"))
            }
            rule = JoinRule(appends: appends, trailingSlash: rule?.trailingSlash ?? .one, apiVersion: rule?.apiVersion)
        }
        guard var rule else { return nil }
        if let text = fields.string("trailingSlash", required: false) {
            if let value = JoinRule.TrailingSlash(rawValue: text) {
                rule.trailingSlash = value
            } else {
                fields.report(
                    "trailingSlash \(text.debugDescription) is not one of \(JoinRule.TrailingSlash.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: fields.node("trailingSlash"))
            }
        }
        if let version = fields.node("apiVersion") {
            if version.scalar != nil, let text = version.string {
                rule.apiVersion = text == "catalog" ? .catalog : .fixed(text)
            } else if version.sequence != nil {
                var values: [JoinRule.VersionedValue] = []
                for item in version.array() {
                    guard
                        var itemFields = reader.mapping(
                            item, what: "an API version by release", allowed: ["versions", "value"])
                    else { continue }
                    if let versions = itemFields.string("versions"), let value = itemFields.string("value") {
                        do throws(InvalidValue) {
                            _ = try VersionRange(versions)
                            values.append(JoinRule.VersionedValue(versions: versions, value: value))
                        } catch {
                            itemFields.report(error.message, at: itemFields.node("versions"))
                        }
                    }
                    reader.collect(itemFields)
                }
                rule.apiVersion = .byRelease(values)
            } else {
                fields.report(
                    "apiVersion must be a version, catalog, or a list of { versions: …, value: … }", at: version)
            }
        }
        if rule.appends.contains("{apiVersion}"), rule.apiVersion == nil {
            fields.report("appends has {apiVersion}, so the rule needs apiVersion:", at: node)
        }
        if let text = fields.string("addsVersion", required: false) { rule.addsVersion = text }
        if let text = fields.string("verbatimMark", required: false) { rule.verbatimMark = text }
        return rule
    }
}
