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
    /// The image its snippets send unless told otherwise: a file name beside the snippet or a URL.
    public var image: String?
    /// Languages whose snippets of this recipe do not stream (curl's second request needs the
    /// whole first answer).
    public var noStream: [Language]
    /// What `relaydocs verify` expects of its snippets.
    public var expectations: Expectations

    /// What a recipe's snippets must do against the stand-in relay, in terms of its answers.
    ///
    /// In ``output`` and ``outputByProtocol``, `{text}`, `{followUpText}`, `{thinking}` and
    /// `{reasoningTokens}` stand for the stand-in relay's answer, its answer to a later turn, its
    /// reasoning and its reasoning token count; `{N.input}` and `{N.cached}` for the input tokens
    /// of request N and those it read from the cache.
    public struct Expectations: Sendable, Equatable {
        /// How many requests a snippet makes.
        public var requests: Int
        /// What a snippet prints (languages that print the reply; curl prints the responses).
        public var output: String
        /// Where a protocol prints otherwise.
        public var outputByProtocol: [String: String]
        /// What the relay must have seen in each request (``StandInRelay``'s facts).
        public var facts: [[String]]

        /// Creates expectations.
        public init(requests: Int = 1, output: String = "{text}\n", outputByProtocol: [String: String] = [:], facts: [[String]] = []) {
            self.requests = requests
            self.output = output
            self.outputByProtocol = outputByProtocol
            self.facts = facts
        }

        /// The output expected of a protocol's snippets.
        public func output(for protocolID: String) -> String { outputByProtocol[protocolID] ?? output }
    }

    /// Creates a recipe.
    public init(
        id: String, order: Int, title: LocalizedText, summary: LocalizedText, needs: String?, prompt: String? = nil,
        followUp: String? = nil, image: String? = nil, noStream: [Language] = [],
        expectations: Expectations = Expectations()
    ) {
        self.id = id
        self.order = order
        self.title = title
        self.summary = summary
        self.needs = needs
        self.prompt = prompt
        self.followUp = followUp
        self.image = image
        self.noStream = noStream
        self.expectations = expectations
    }

    /// The recipe every snippet is unless told otherwise.
    public static let defaultID = "hello"

    /// Reads a `recipe.yaml`.
    ///
    /// - Throws: every problem, each with its line.
    public static func parse(_ text: String, id: String, path: String) throws(YAMLFileError) -> Recipe {
        var reader = YAMLReader(path: path)
        let allowed = ["order", "title", "summary", "needs", "prompt", "followUp", "image", "noStream", "verify"]
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
        let image = fields.string("image", required: false)
        let noStream = (fields.stringList("noStream") ?? []).map(Language.init(rawValue:))
        var expectations = Expectations()
        if let node = fields.node("verify") {
            expectations = Self.expectations(node, reader: &reader) ?? expectations
        }
        reader.collect(fields)
        guard let title, let summary, reader.diagnostics.isEmpty else { throw reader.error }
        return Recipe(
            id: id, order: order, title: LocalizedText(title), summary: LocalizedText(summary), needs: needs,
            prompt: prompt, followUp: followUp, image: image, noStream: noStream, expectations: expectations)
    }

    /// The `verify:` mapping.
    static func expectations(_ node: Node, reader: inout YAMLReader) -> Expectations? {
        guard
            var fields = reader.mapping(
                node, what: "verify", allowed: ["requests", "output", "outputByProtocol", "facts"])
        else { return nil }
        defer { reader.collect(fields) }
        var expectations = Expectations()
        expectations.requests = fields.int("requests", in: 1...10) ?? 1
        expectations.output = fields.string("output", required: false) ?? expectations.output
        expectations.outputByProtocol = Dictionary((fields.stringMap("outputByProtocol") ?? []).map { ($0.key, $0.value) }) { $1 }
        if let factsNode = fields.node("facts") {
            let lists = factsNode.array().map { item in item.array().compactMap(\.string) }
            guard factsNode.sequence != nil, lists.count <= expectations.requests else {
                fields.report(
                    "facts must be a list with one list of facts per request (at most \(expectations.requests)), such as [[toolCall], [toolResult]]",
                    at: factsNode)
                return expectations
            }
            expectations.facts = lists
        }
        return expectations
    }
}
