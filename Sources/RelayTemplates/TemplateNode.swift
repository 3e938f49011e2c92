/// A name as a tag writes it, split once at compile time: `{{f(g(page.title))}}` looks up
/// `page` then `title`, then applies `g`, then `f`.
struct TemplateName: Sendable, Equatable {
    /// The dotted name's parts; empty for the implicit iterator `.`.
    var components: [String]
    /// Transforms in the order they apply: innermost first.
    var transforms: [String]
}

/// One piece of a parsed template, as the parser nests it; ``CompiledTemplate`` flattens these
/// into instructions.
enum TemplateNode: Sendable {
    /// Literal text. `lineStarts` are the UTF-8 offsets in `text` where a line of the template
    /// begins: an indented partial writes its indentation there.
    case text(String, lineStarts: [Int])
    /// A line of the template begins here, before a tag: an indented partial writes its
    /// indentation.
    case lineStart
    /// `{{name}}` (`escaped` in an HTML template), `{{{name}}}` or `{{& name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}body{{/name}}`, or `{{^name}}body{{/name}}` when `inverted`.
    case section(TemplateName, body: [TemplateNode], inverted: Bool)
    /// `{{> name}}` on `line`. A standalone partial tag indents each line of the partial by
    /// `indentation` (added to the indentation in force); an inline one indents nothing.
    case partial(String, indentation: String, standalone: Bool, line: Int)
}
