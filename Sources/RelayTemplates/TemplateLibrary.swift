/// Compiled templates by name; each may include the others as partials.
///
/// Templates are Mustache (https://github.com/mustache/spec: interpolation, sections, inverted
/// sections, comments, partials, set delimiters, standalone lines) plus swift-mustache's
/// transforms, `{{f(x)}}` and `{{f(g(x))}}`, which ``CustomTemplateValue`` values answer. Lambdas,
/// template inheritance (`{{<` `{{$`), dynamic partial names and pragmas (`{{%`) are not supported.
///
/// Each template is parsed once, when registered, into nodes with names already split; rendering
/// looks names up in ``TemplateValue`` objects and appends to one string.
///
/// ```swift
/// var library = TemplateLibrary()
/// try library.register("<h1>{{page.title}}</h1>{{> footer}}", named: "page")
/// try library.register("<footer>{{site}}</footer>", named: "footer")
/// let html = library.render("page", ["page": ["title": "Fish & chips"], "site": "Relay"])
/// // "<h1>Fish &amp; chips</h1><footer>Relay</footer>"
/// ```
public struct TemplateLibrary: Sendable {
    /// What `{{name}}` does to the text it writes.
    public enum Escaping: Sendable {
        /// HTML: `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
        case html
        /// Text: written as is, as `{{{name}}}` always is.
        case none
    }

    private var templates: [String: CompiledTemplate] = [:]

    /// An empty library.
    public init() {}

    /// Parses and stores a template; throws the first syntax error with its line and column.
    ///
    /// A template registered under a name already in use replaces the earlier one.
    ///
    /// - Parameters:
    ///   - text: the template.
    ///   - name: what other templates include it by (`{{> name}}`) and what ``render(_:_:)`` takes.
    ///   - escaping: what `{{name}}` tags of this template do to values; a partial escapes
    ///     according to its own registration, whatever includes it.
    public mutating func register(
        _ text: String, named name: String, escaping: Escaping = .html
    ) throws(TemplateSyntaxError) {
        templates[name] = try TemplateParser(text, name: name, escaping: escaping).compile()
    }

    /// Whether the library has a template of that name.
    public func contains(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// Partials that templates include but the library does not have: (template, partial, line),
    /// ordered by template name, then line.
    ///
    /// A missing partial renders nothing; call this after registering every template to find
    /// misspelled names.
    public func missingPartials() -> [(template: String, partial: String, line: Int)] {
        var missing: [(template: String, partial: String, line: Int)] = []
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            for reference in template.partials where templates[reference.name] == nil {
                missing.append((name, reference.name, reference.line))
            }
        }
        return missing
    }

    /// Renders a template; nil when the library has no template of that name.
    ///
    /// Partials nested more than 100 deep render nothing, so a template that includes itself
    /// without end does not crash.
    public func render(_ name: String, _ context: TemplateValue) -> String? {
        guard let template = templates[name] else { return nil }
        var output = ""
        output.reserveCapacity(template.sizeHint)
        var stack = [context]
        TemplateRenderer(templates: templates).render(
            template.nodes, stack: &stack, into: &output, indentation: "", depth: 0)
        return output
    }

    /// Appends the rendering to `output` (for callers that build one big string); false when
    /// missing.
    public func render(_ name: String, _ context: TemplateValue, into output: inout String) -> Bool {
        guard let template = templates[name] else { return false }
        if output.isEmpty { output.reserveCapacity(template.sizeHint) }
        var stack = [context]
        TemplateRenderer(templates: templates).render(
            template.nodes, stack: &stack, into: &output, indentation: "", depth: 0)
        return true
    }
}
