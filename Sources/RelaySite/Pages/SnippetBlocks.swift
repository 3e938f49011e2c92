import Foundation
import RelayCatalog
import RelayMarkdown
import RelaySnippets

/// ```` ```snippet model=… protocol=… recipe=… stream=true langs=python,curl ```` blocks: a tab
/// group of the rendered snippets, with the catalog's placeholder key. The block's text, if any, is
/// the prompt. Every attribute is optional: the first model of the catalog, its native protocol,
/// the `hello` recipe, every language that has the recipe, not streaming.
enum SnippetBlocks {
    static let attributes = ["model", "protocol", "recipe", "stream", "langs", "lang", "thinking", "cache", "effort"]

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// The snippet requests of one block: one per language, from its attributes and text.
    static func requests(_ words: [String], prompt: String, generator: SnippetGenerator) throws -> [SnippetRequest] {
        let catalog = generator.catalog
        var values: [String: String] = [:]
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, attributes.contains(parts[0]) else {
                throw Problem(
                    description:
                        "\(word.debugDescription) is not an attribute; expected \(attributes.map { "\($0)=…" }.joined(separator: ", "))"
                )
            }
            values[parts[0]] = parts[1].trimmingCharacters(in: ["\"", "'"])
        }
        let model = values["model"] ?? catalog.models.first?.id ?? ""
        guard let listed = catalog.model(id: model) else {
            throw Problem(
                description:
                    "unknown model \(model.debugDescription); the catalog's models are \(catalog.models.map(\.id).joined(separator: ", "))"
            )
        }
        let protocolID = values["protocol"] ?? listed.protocolIDs[0]
        guard catalog.wireProtocol(id: protocolID) != nil else {
            throw Problem(
                description:
                    "unknown protocol \(protocolID.debugDescription); expected one of \(catalog.protocols.map(\.id).joined(separator: ", "))"
            )
        }
        func flag(_ name: String) throws -> Bool {
            guard let text = values[name] else { return false }
            guard let value = Bool(text) else {
                throw Problem(description: "\(name) must be true or false, not \(text.debugDescription)")
            }
            return value
        }
        let recipe = values["recipe"] ?? Recipe.defaultID
        guard let definition = generator.templates.recipe(id: recipe) else {
            throw Problem(
                description:
                    "unknown recipe \(recipe.debugDescription); expected one of \(generator.templates.recipes.map(\.id).joined(separator: ", "))"
            )
        }
        let known = generator.languages
        let knownNames = known.map(\.rawValue).joined(separator: ", ")
        var languages = known.filter {
            generator.unavailability(of: definition, model: model, protocolID: protocolID, language: $0) == nil
        }
        if let list = values["langs"] ?? values["lang"] {
            languages = try list.split(separator: ",").map { name in
                let language = Language(rawValue: String(name))
                guard known.contains(language) else {
                    throw Problem(
                        description: "unknown language \(String(name).debugDescription); expected \(knownNames)")
                }
                return language
            }
            guard !languages.isEmpty else {
                throw Problem(description: "langs names no language; expected some of \(knownNames)")
            }
        }
        guard !languages.isEmpty else {
            throw Problem(
                description:
                    "no language has the \(recipe) recipe for \(model) through \(protocolID): \(generator.unavailability(of: definition, model: model, protocolID: protocolID, language: known.first ?? .python) ?? "")"
            )
        }
        var thinking: Int?
        if let text = values["thinking"] {
            guard let budget = Int(text) else {
                throw Problem(description: "thinking must be a token budget such as 2048")
            }
            thinking = budget
        }
        let trimmedPrompt = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        let stream = try flag("stream")
        let cache = try flag("cache")
        return languages.map { language in
            SnippetRequest(
                model: model, language: language, protocolID: protocolID, recipe: recipe,
                prompt: trimmedPrompt.isEmpty ? nil : trimmedPrompt, stream: stream, thinkingBudget: thinking,
                cache: cache, effort: values["effort"])
        }
    }

    /// The tab group's HTML, and its Markdown for the page's twin (one fenced block per tab, the
    /// language named); `group` numbers the groups of a page for the tab and panel ids
    /// (`code-group-N-I-tab`, `code-group-N-I-panel`, as the site's script names them too).
    static func render(_ words: [String], prompt: String, generator: SnippetGenerator, group: Int) throws -> (
        html: String, markdown: String
    ) {
        var tabs = ""
        var panels = ""
        var markdown: [String] = []
        let requests = try requests(words, prompt: prompt, generator: generator)
        // Every tab shows the same model (there is at least one tab): resolve it once.
        let resolution = try generator.resolve(model: requests[0].model)
        for (index, request) in requests.enumerated() {
            let language = request.language
            let snippet = try generator.snippet(for: request, resolution: resolution)
            guard let definition = generator.templates.language(language) else { continue }
            let name = definition.name
            let label = snippet.sdk == language.rawValue ? name : "\(name) · \(snippet.sdk)"
            let id = "code-group-\(group)-\(index)"
            tabs +=
                "<button type=\"button\" role=\"tab\" class=\"code-group-tab\" id=\"\(id)-tab\" aria-controls=\"\(id)-panel\" data-tab=\"\(language)\" aria-selected=\"\(index == 0)\">\(name)</button>"
            panels +=
                "<div class=\"code-group-panel\" id=\"\(id)-panel\" aria-labelledby=\"\(id)-tab\" data-tab=\"\(language)\" role=\"tabpanel\"><p class=\"code-group-label\">\(label.htmlEscaped)</p>"
                + CodeBlocks.html(code: snippet.code, language: definition.fence) + "</div>"
            markdown.append(TwinMarkdown.code(snippet.code, language: definition.fence, label: label))
        }
        return (
            "<div class=\"code-group\" data-code-group><div class=\"code-group-tabs\" role=\"tablist\">\(tabs)</div>\(panels)</div>",
            markdown.joined(separator: "\n")
        )
    }
}

/// The snippet and catalog blocks one build has made: a snippet block's HTML and Markdown depend only on its
/// attributes, prompt and place among the page's groups, so the same block on another locale's
/// page (every model page has one per locale) is made once; and a block of a model whose shape
/// another model's block had already is filled in from that one's cuts (``ModelSnippetShare``).
final class SnippetBlockMemo: Sendable {
    typealias Made = (html: String, markdown: String)

    private let made = Locked<[Key: Made]>([:])
    private let tables = Locked<[TableKey: Made]>([:])
    /// The blocks of model pages, made once per shape of model.
    let shapes = ModelSnippetShare()

    private struct Key: Hashable {
        var words: [String]
        var prompt: String
        var group: Int
    }

    private struct TableKey: Hashable {
        var arguments: [String]
        var locale: String
    }

    /// ``SnippetBlocks/render(_:prompt:generator:group:)``, or what it made before in this build.
    func render(_ words: [String], prompt: String, generator: SnippetGenerator, group: Int) throws -> Made {
        try made.value(for: Key(words: words, prompt: prompt, group: group)) {
            try shapes.render(words, prompt: prompt, generator: generator, group: group)
                ?? SnippetBlocks.render(words, prompt: prompt, generator: generator, group: group)
        }
    }

    /// ``CatalogBlocks/render(_:catalog:strings:)``, or what it made before in this build for the
    /// same arguments and locale: the table of every model stands on several pages of a locale,
    /// and with hundreds of models each copy was a few milliseconds.
    func catalogBlock(_ arguments: [String], catalog: Catalog, strings: SiteStrings) throws -> Made {
        try tables.value(for: TableKey(arguments: arguments, locale: strings.locale)) {
            try CatalogBlocks.render(arguments, catalog: catalog, strings: strings)
        }
    }
}

/// The snippets a site shows, so `relaydocs verify` can run exactly those too.
public enum SiteSnippets {
    /// Every snippet request of every snippet block under a content folder (all locales),
    /// without duplicates, in file order.
    public static func requests(inContent folder: String, generator: SnippetGenerator) throws(SiteBuildError)
        -> [SnippetRequest]
    {
        var result: [SnippetRequest] = []
        var problems: [SiteDiagnostic] = []
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        for entry in FileWalker.files(under: root).sorted(by: { $0.path < $1.path }) where entry.path.hasSuffix(".md") {
            let display = "\(folder)/\(entry.path)"
            guard let text = try? String(contentsOfFile: root + "/" + entry.path, encoding: .utf8) else { continue }
            let (_, body, _) = FrontMatter.split(text, file: display)
            let tree = MarkdownTree(parsing: body, options: [.sourcePositions])
            for block in tree.document.descendants(ofKind: [.codeBlock]) {
                let words = block.fenceInfo.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                guard words.first == "snippet" else { continue }
                do {
                    for request in try SnippetBlocks.requests(
                        Array(words.dropFirst()), prompt: block.literal ?? "", generator: generator)
                    where !result.contains(request) {
                        result.append(request)
                    }
                } catch {
                    problems.append(
                        SiteDiagnostic(file: display, line: block.startLine, message: "snippet block: \(error)"))
                }
            }
        }
        guard problems.isEmpty else { throw SiteBuildError(problems) }
        return result
    }
}
