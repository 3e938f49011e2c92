import RelayCatalog
import RelayYAML
import Yams

/// One thing a snippet shows how to do, such as `hello` (one prompt, one answer) or `tools`
/// (a function call round trip): `templates/snippets/recipes/<id>/recipe.yaml` and, beside it,
/// one template per language and protocol (`<language>/<protocol>.mustache`).
///
/// ```yaml
/// order: 4
/// title: { en: Tool calls, zh: 工具调用 }
/// summary: { en: One function tool, the model's call, the result sent back, the final reply., zh: … }
/// needs: tools
/// ```
public struct Recipe: Sendable, Equatable {
    /// The recipe's id: the name of its folder.
    public var id: String
    /// Where it comes among the recipes (lower first).
    public var order: Int
    /// Its name, by locale.
    public var title: LocalizedText
    /// One line saying what its snippets do, by locale.
    public var summary: LocalizedText
    /// The catalog feature a model and protocol must have for the recipe (``Catalog/knownFeatures``),
    /// or nil when every model can do it.
    public var needs: String?
    /// The prompt its snippets send unless told otherwise (nil: the catalog's default prompt).
    public var prompt: String?
    /// The second user turn, for recipes that have one (`chat`).
    public var followUp: String?

    /// Creates a recipe.
    public init(
        id: String, order: Int, title: LocalizedText, summary: LocalizedText, needs: String?, prompt: String? = nil,
        followUp: String? = nil
    ) {
        self.id = id
        self.order = order
        self.title = title
        self.summary = summary
        self.needs = needs
        self.prompt = prompt
        self.followUp = followUp
    }

    /// The recipe every snippet is unless told otherwise.
    public static let defaultID = "hello"

    /// Reads a `recipe.yaml`.
    ///
    /// - Throws: every problem, each with its line.
    public static func parse(_ text: String, id: String, path: String) throws(YAMLFileError) -> Recipe {
        var reader = YAMLReader(path: path)
        let allowed = ["order", "title", "summary", "needs", "prompt", "followUp"]
        guard
            let root = reader.compose(
                text, emptyMessage: "recipe.yaml is empty; expected \(allowed.joined(separator: ", "))"),
            var fields = reader.mapping(root, what: "a recipe", allowed: allowed)
        else { throw reader.error }
        let order = fields.int("order", in: 0...1000) ?? 100
        let title = fields.localizedText("title", required: true)
        let summary = fields.localizedText("summary", required: true)
        let needs = fields.string("needs", required: false)
        if let needs, !Catalog.knownFeatures.contains(needs) {
            fields.report(
                "needs \(needs.debugDescription) is not a feature; expected one of \(Catalog.knownFeatures.joined(separator: ", "))",
                at: fields.node("needs"))
        }
        let prompt = fields.string("prompt", required: false)
        let followUp = fields.string("followUp", required: false)
        reader.collect(fields)
        guard let title, let summary, reader.diagnostics.isEmpty else { throw reader.error }
        return Recipe(
            id: id, order: order, title: LocalizedText(title), summary: LocalizedText(summary), needs: needs,
            prompt: prompt, followUp: followUp)
    }
}
