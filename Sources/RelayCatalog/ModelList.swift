import Foundation

/// One model as a relay's model list shows it.
public struct ListedModel: Sendable, Hashable {
    /// The id requests send (Gemini's `models/` prefix removed).
    public var id: String
    /// `display_name` (Anthropic) or `displayName` (Gemini).
    public var displayName: String?
    /// `owned_by` of an OpenAI-style list.
    public var ownedBy: String?
    /// The list it came from.
    public var list: ModelListKind
    /// The features the list says the model has (true) or lacks (false): Anthropic's
    /// `capabilities` (`image_input` → vision, `structured_outputs` → json, `thinking` →
    /// reasoning), Gemini's `thinking`. Features the list does not mention are absent.
    public var reportedFeatures: [String: Bool]
    /// The thinking styles Anthropic's capabilities say the model takes: `budget` (`enabled`),
    /// `adaptive`; nil when the list does not say.
    public var thinkingStyles: [Reasoning.Style]?
    /// The effort levels Anthropic's capabilities list as supported, in the API's order.
    public var effortLevels: [String]
    /// Gemini's `supportedGenerationMethods`; nil for the other lists.
    public var generationMethods: [String]?

    /// Creates a listed model.
    public init(
        id: String, displayName: String? = nil, ownedBy: String? = nil, list: ModelListKind,
        reportedFeatures: [String: Bool] = [:], thinkingStyles: [Reasoning.Style]? = nil, effortLevels: [String] = [],
        generationMethods: [String]? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.ownedBy = ownedBy
        self.list = list
        self.reportedFeatures = reportedFeatures
        self.thinkingStyles = thinkingStyles
        self.effortLevels = effortLevels
        self.generationMethods = generationMethods
    }
}

/// One page of a model list, and where the next page is.
public struct ModelListPage: Sendable {
    public var kind: ModelListKind
    public var models: [ListedModel]
    /// The query the next page is asked for with (`after_id=…`, `pageToken=…`), nil on the last page.
    public var nextQuery: [String: String]?

    /// Reads a model list in any of the three shapes, telling them apart by their fields.
    ///
    /// - Parameter source: the file or URL, for messages.
    /// - Throws: ``InvalidValue`` naming the source and what is wrong.
    public init(json data: Data, source: String) throws(InvalidValue) {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            let start = String(decoding: data.prefix(120), as: UTF8.self)
            throw InvalidValue("\(source): not JSON (\(start.debugDescription)); expected a model list")
        }
        let expected =
            "expected a model list: {\"object\": \"list\", \"data\": [...]} (OpenAI), {\"data\": [...], \"has_more\": …} (Anthropic) or {\"models\": [...]} (Gemini)"
        guard let object = parsed as? [String: Any] else { throw InvalidValue("\(source): \(expected)") }
        if let models = object["models"] as? [Any] {
            kind = .gemini
            var listed: [ListedModel] = []
            for (index, item) in try Self.items(models, source: source, key: "models").enumerated() {
                guard let model = Self.gemini(item) else {
                    throw InvalidValue("\(source): models[\(index)] has no \"name\" such as models/gemini-2.5-flash")
                }
                listed.append(model)
            }
            self.models = listed
            nextQuery = (object["nextPageToken"] as? String).flatMap { $0.isEmpty ? nil : ["pageToken": $0] }
        } else if let data = object["data"] as? [Any] {
            let items = try Self.items(data, source: source, key: "data")
            let anthropic =
                object["has_more"] != nil
                || (object["object"] == nil
                    && items.contains { $0["type"] as? String == "model" || $0["display_name"] != nil })
            kind = anthropic ? .anthropic : .openAI
            var models: [ListedModel] = []
            for (index, item) in items.enumerated() {
                guard let id = item["id"] as? String, !id.isEmpty else {
                    throw InvalidValue("\(source): data[\(index)] has no \"id\"; \(expected)")
                }
                models.append(anthropic ? Self.anthropic(item, id: id) : Self.openAI(item, id: id))
            }
            self.models = models
            if anthropic, object["has_more"] as? Bool == true, let last = object["last_id"] as? String {
                nextQuery = ["after_id": last]
            } else {
                nextQuery = nil
            }
        } else {
            throw InvalidValue("\(source): \(expected)")
        }
    }

    private static func items(_ list: [Any], source: String, key: String) throws(InvalidValue) -> [[String: Any]] {
        var items: [[String: Any]] = []
        for (index, item) in list.enumerated() {
            guard let object = item as? [String: Any] else {
                throw InvalidValue("\(source): \(key)[\(index)] is not an object")
            }
            items.append(object)
        }
        return items
    }

    private static func openAI(_ item: [String: Any], id: String) -> ListedModel {
        ListedModel(id: id, ownedBy: item["owned_by"] as? String, list: .openAI)
    }

    private static func anthropic(_ item: [String: Any], id: String) -> ListedModel {
        var model = ListedModel(id: id, displayName: item["display_name"] as? String, list: .anthropic)
        guard let capabilities = item["capabilities"] as? [String: Any] else { return model }
        func supported(_ value: Any?) -> Bool? { (value as? [String: Any])?["supported"] as? Bool }
        for (capability, feature) in [
            ("image_input", "vision"), ("structured_outputs", "json"), ("thinking", "reasoning"),
        ] {
            if let flag = supported(capabilities[capability]) { model.reportedFeatures[feature] = flag }
        }
        if let thinking = capabilities["thinking"] as? [String: Any], supported(thinking) == true {
            let types = thinking["types"] as? [String: Any] ?? [:]
            var styles: [Reasoning.Style] = []
            if supported(types["enabled"]) == true { styles.append(.budget) }
            if supported(types["adaptive"]) == true { styles.append(.adaptive) }
            model.thinkingStyles = styles
        }
        if let effort = capabilities["effort"] as? [String: Any], supported(effort) == true {
            let order = ["none", "minimal", "low", "medium", "high", "xhigh", "max"]
            let levels = effort.keys.filter { $0 != "supported" && supported(effort[$0]) == true }
            model.effortLevels = levels.sorted {
                (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
            }
        }
        return model
    }

    private static func gemini(_ item: [String: Any]) -> ListedModel? {
        guard var id = item["name"] as? String ?? item["id"] as? String else { return nil }
        if id.hasPrefix("models/") { id.removeFirst("models/".count) }
        guard !id.isEmpty else { return nil }
        var model = ListedModel(
            id: id, displayName: item["displayName"] as? String, list: .gemini,
            generationMethods: item["supportedGenerationMethods"] as? [String])
        if let thinking = item["thinking"] as? Bool { model.reportedFeatures["reasoning"] = thinking }
        return model
    }
}
