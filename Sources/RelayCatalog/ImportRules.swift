import RelayYAML
import Yams

/// The shape of a model list: which API's `GET …/models` answer it is.
public enum ModelListKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `{"object": "list", "data": [{"id", "object": "model", "owned_by"}]}`, what OpenAI and most
    /// relays (new-api, LiteLLM, OpenRouter) answer at `/v1/models`.
    case openAI = "openai"
    /// `{"data": [{"id", "display_name", "type": "model", "capabilities"?}], "has_more", "last_id"}`.
    case anthropic
    /// `{"models": [{"name": "models/…", "displayName", "supportedGenerationMethods", "thinking"?}],
    /// "nextPageToken"?}`.
    case gemini

    /// The list shape of a protocol's wire format, where it has one.
    public init?(protocolID: String) {
        switch protocolID {
        case "openai-chat", "openai-responses": self = .openAI
        case "anthropic-messages": self = .anthropic
        case "gemini-generate": self = .gemini
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .openAI: "OpenAI"
        case .anthropic: "Anthropic"
        case .gemini: "Gemini"
        }
    }
}

/// One rule of the catalog's `import:` section: which listed models it matches, and what they
/// become in the catalog.
///
/// ```yaml
/// import:
///   rules:
///     - prefix: [text-embedding-, dall-e-]   # ids to leave out
///       skip: true
///     - prefix: claude-
///       vendor: Anthropic
///       protocols: [anthropic-messages, openai-chat]
///       features: [caching, tools, vision, json]
///       reasoning: { style: budget, default: 2048 }
///     - protocols: [openai-chat]               # every other model
/// ```
public struct ImportRule: Sendable, Hashable {
    /// Id prefixes, any of which matches; empty matches any id.
    public var prefixes: [String]
    /// `owned_by` values of an OpenAI-style list, any of which matches; empty matches any.
    public var ownedBy: [String]
    /// The lists the rule applies to; empty: every list.
    public var lists: [ModelListKind]
    /// Whether matching models are left out of the catalog.
    public var skip: Bool
    /// The protocols matching models accept, native first (empty for a skip rule).
    public var protocolIDs: [String]
    /// The vendor of matching models; without it, the list's `owned_by` or provider.
    public var vendor: String?
    /// What matching models can do; a list that reports capabilities narrows them.
    public var features: [String]
    /// How matching models reason, when `features` has `reasoning`.
    public var reasoning: Reasoning?
    /// The rule's line in the catalog, for messages.
    public var line: Int

    /// Creates a rule.
    public init(
        prefixes: [String] = [], ownedBy: [String] = [], lists: [ModelListKind] = [], skip: Bool = false,
        protocolIDs: [String] = [], vendor: String? = nil, features: [String] = [], reasoning: Reasoning? = nil,
        line: Int = 0
    ) {
        self.prefixes = prefixes
        self.ownedBy = ownedBy
        self.lists = lists
        self.skip = skip
        self.protocolIDs = protocolIDs
        self.vendor = vendor
        self.features = features
        self.reasoning = reasoning
        self.line = line
    }

    /// Whether the rule has no condition, so it matches every model.
    public var matchesEverything: Bool { prefixes.isEmpty && ownedBy.isEmpty && lists.isEmpty }

    /// Whether a listed model meets every condition of the rule.
    public func matches(id: String, ownedBy owner: String?, list: ModelListKind) -> Bool {
        (prefixes.isEmpty || prefixes.contains { id.hasPrefix($0) })
            && (ownedBy.isEmpty || owner.map { ownedBy.contains($0) } == true)
            && (lists.isEmpty || lists.contains(list))
    }
}

extension Catalog {
    /// Where the relay lists its models in one API's shape.
    public struct ModelListEndpoint: Sendable, Hashable {
        public var kind: ModelListKind
        /// The first protocol of the catalog served there.
        public var protocolID: String
        /// The path below the relay's origin, such as `/v1/models` or `/google/v1beta/models`.
        public var path: String
    }

    /// The model lists the relay serves, one per list shape and provider path, in catalog order.
    ///
    /// Each API lists its models beside its endpoints: OpenAI at `models` below its base URL,
    /// Anthropic at `models` beside `messages` (the catalog's `/v1/messages` gives `/v1/models`),
    /// Gemini at the part of its endpoint before `/{model}` (`/{apiVersion}/models`).
    public var modelListEndpoints: [ModelListEndpoint] {
        var endpoints: [ModelListEndpoint] = []
        for wireProtocol in protocols {
            guard let kind = ModelListKind(protocolID: wireProtocol.id) else { continue }
            let below: String
            switch kind {
            case .openAI: below = "/models"
            case .anthropic:
                let path = wireProtocol.endpoint.split(separator: "?")[0]
                below = (path.split(separator: "/").dropLast().map { "/" + $0 }.joined()) + "/models"
            case .gemini:
                guard let modelAt = wireProtocol.endpoint.range(of: "/{model}") else { continue }
                below = Self.filling(
                    String(wireProtocol.endpoint[..<modelAt.lowerBound]),
                    ["{apiVersion}": wireProtocol.apiVersion ?? ""])
            }
            let path = provider(of: wireProtocol).relayPath + below
            if !endpoints.contains(where: { $0.kind == kind && $0.path == path }) {
                endpoints.append(ModelListEndpoint(kind: kind, protocolID: wireProtocol.id, path: path))
            }
        }
        return endpoints
    }
}

/// Reading the `import:` section.
extension YAMLReader {
    mutating func readImport(_ node: Node, protocols: YAMLSection<WireProtocol>) -> [ImportRule] {
        guard var fields = mapping(node, what: "import", allowed: ["rules"]) else { return [] }
        defer { collect(fields) }
        guard let list = fields.require("rules") else { return [] }
        guard list.sequence != nil else {
            report("rules in import must be a list of rules, such as - { prefix: claude-, protocols: [...] }", at: list)
            return []
        }
        var rules: [ImportRule] = []
        var catchAll: Int?
        for item in list.array() {
            if let catchAll {
                report(
                    "this rule is never used: the rule on line \(catchAll) has no prefix, ownedBy or list, so it matches every model first",
                    at: item)
            }
            guard let rule = readImportRule(item, protocols: protocols) else { continue }
            if rule.matchesEverything, catchAll == nil { catchAll = rule.line }
            rules.append(rule)
        }
        return rules
    }

    mutating func readImportRule(_ node: Node, protocols: YAMLSection<WireProtocol>) -> ImportRule? {
        guard
            var fields = mapping(
                node, what: "an import rule",
                allowed: ["prefix", "ownedBy", "list", "skip", "protocols", "vendor", "features", "reasoning"])
        else { return nil }
        defer { collect(fields) }
        var valid = true
        let prefixes = textOrList(&fields, "prefix", valid: &valid)
        let ownedBy = textOrList(&fields, "ownedBy", valid: &valid)
        var lists: [ModelListKind] = []
        for name in textOrList(&fields, "list", valid: &valid) {
            guard let kind = ModelListKind(rawValue: name) else {
                fields.report(
                    "unknown list \(name.debugDescription); expected some of \(Self.list(ModelListKind.allCases.map(\.rawValue)))",
                    at: fields.node("list"))
                valid = false
                continue
            }
            lists.append(kind)
        }
        let skip = fields.bool("skip", default: false)
        let line = node.mark?.line ?? 0
        if skip {
            let given = ["protocols", "vendor", "features", "reasoning"].filter { fields.node($0) != nil }
            if !given.isEmpty {
                fields.report(
                    "a rule with skip: true leaves models out, so it has no \(Self.list(given))",
                    at: fields.node(given[0]))
                return nil
            }
            return valid
                ? ImportRule(prefixes: prefixes, ownedBy: ownedBy, lists: lists, skip: true, line: line) : nil
        }
        var protocolIDs: [String] = []
        if let node = fields.require("protocols") {
            let ids = fields.stringList("protocols") ?? []
            if node.sequence != nil, ids.isEmpty {
                report(
                    "protocols of an import rule is empty; expected at least one of \(Self.list(protocols.ids)), or skip: true",
                    at: node)
                valid = false
            }
            for id in ids {
                if !protocols.declaredIDs.contains(id) {
                    report(
                        "unknown protocol \(id.debugDescription); the catalog's protocols are \(Self.list(protocols.ids))",
                        at: node)
                    valid = false
                } else if protocolIDs.contains(id) {
                    report("protocol \(id.debugDescription) is listed twice", at: node)
                } else {
                    protocolIDs.append(id)
                }
            }
        } else {
            valid = false
        }
        let vendor = fields.string("vendor", required: false)
        let (features, reasoning) = readFeaturesAndReasoning(&fields, of: "the rule")
        guard valid else { return nil }
        return ImportRule(
            prefixes: prefixes, ownedBy: ownedBy, lists: lists, protocolIDs: protocolIDs, vendor: vendor,
            features: features, reasoning: reasoning, line: line)
    }

    /// A key whose value is one text or a list of texts (absent: none).
    private func textOrList(_ fields: inout YAMLFields, _ name: String, valid: inout Bool) -> [String] {
        guard let node = fields.node(name) else { return [] }
        if node.scalar != nil, let text = node.string, !text.isEmpty { return [text] }
        guard let items = fields.stringList(name), !items.isEmpty, !items.contains(where: \.isEmpty) else {
            if node.sequence != nil {
                fields.report("\(name) in an import rule must list at least one non-empty text", at: node)
            }
            valid = false
            return []
        }
        return items
    }
}
