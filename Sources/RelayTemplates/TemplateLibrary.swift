/// Compiled templates by name; each may include the others as partials.
///
/// Templates are Mustache (https://github.com/mustache/spec: interpolation, sections, inverted
/// sections, comments, partials, set delimiters, standalone lines) plus swift-mustache's
/// transforms, `{{f(x)}}` and `{{f(g(x))}}`, which ``CustomTemplateValue`` values answer. Lambdas,
/// template inheritance (`{{<` `{{$`), dynamic partial names and pragmas (`{{%`) are not supported.
///
/// Each template is parsed once, when registered, into instructions with names already split and
/// partials already found; rendering looks names up in ``TemplateValue`` objects and writes to
/// one buffer.
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

    private var templates: [CompiledTemplate] = []
    private var names: [String] = []
    private var indexByName: [String: Int] = [:]
    /// For each template, the index of each of its partials in `templates`, or -1 when missing.
    private var links: [[Int]] = []

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
        let template = CompiledTemplate(try TemplateParser(text, name: name, escaping: escaping).parse())
        if let index = indexByName[name] {
            templates[index] = template
        } else {
            indexByName[name] = templates.count
            templates.append(template)
            names.append(name)
        }
        links = templates.map { template in
            template.partials.map { indexByName[$0.name] ?? -1 }
        }
    }

    /// Whether the library has a template of that name.
    public func contains(_ name: String) -> Bool {
        indexByName[name] != nil
    }

    /// Partials that templates include but the library does not have: (template, partial, line),
    /// ordered by template name, then line.
    ///
    /// A missing partial renders nothing; call this after registering every template to find
    /// misspelled names.
    public func missingPartials() -> [(template: String, partial: String, line: Int)] {
        var missing: [(template: String, partial: String, line: Int)] = []
        for index in names.indices.sorted(by: { names[$0] < names[$1] }) {
            for reference in templates[index].partials where indexByName[reference.name] == nil {
                missing.append((names[index], reference.name, reference.line))
            }
        }
        return missing
    }

    /// Renders a template; nil when the library has no template of that name.
    ///
    /// Partials nested more than 100 deep render nothing, so a template that includes itself
    /// without end does not crash.
    public func render(_ name: String, _ context: TemplateValue) -> String? {
        var output = ""
        return render(name, context, into: &output) ? output : nil
    }

    /// Appends the rendering to `output` (for callers that build one big string); false when
    /// missing.
    public func render(_ name: String, _ context: TemplateValue, into output: inout String) -> Bool {
        guard let index = indexByName[name] else { return false }
        var taken = ""
        swap(&taken, &output)
        var buffer = OutputBuffer(appendingTo: taken, capacity: max(templates[index].sizeHint, 16 * 1024))
        var stack = ContextStack(context)
        TemplateRenderer(templates: templates, links: links).render(
            template: index, stack: &stack, into: &buffer, indentation: [], depth: 0)
        output = buffer.finish()
        return true
    }
}

extension TemplateLibrary {
    /// A library of the `.mustache` files of a folder: each file `<folder>/<name>.mustache` of
    /// `files` (paths and text) is registered under `<name>`, in path order.
    ///
    /// - Returns: the library, and every template that does not parse or includes a missing
    ///   partial, as errors whose `template` is the file's path.
    public static func folder(_ folder: String, of files: [String: String], escaping: Escaping) -> (
        library: TemplateLibrary, problems: [TemplateSyntaxError]
    ) {
        var library = TemplateLibrary()
        var problems: [TemplateSyntaxError] = []
        let prefix = folder + "/"
        let suffix = ".mustache"
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            guard path.hasPrefix(prefix), path.hasSuffix(suffix) else { continue }
            do {
                try library.register(
                    text, named: String(path.dropFirst(prefix.count).dropLast(suffix.count)), escaping: escaping)
            } catch {
                problems.append(
                    TemplateSyntaxError(template: path, line: error.line, column: error.column, message: error.message))
            }
        }
        for missing in library.missingPartials() {
            problems.append(
                TemplateSyntaxError(
                    template: prefix + missing.template + suffix, line: missing.line, column: 1,
                    message:
                        "the partial \(missing.partial.debugDescription) does not exist (expected \(prefix + missing.partial + suffix))"
                ))
        }
        return (library, problems)
    }
}
