import RelayCatalog

/// What a language contributes to snippets: the escapers its templates may call.
///
/// Templates live in `templates/snippets/<language>/`; a renderer decides how a value may
/// enter that language's code. An escaper the language does not list cannot be used there.
public protocol SnippetRenderer: Sendable {
    /// The language the renderer writes.
    var language: Language { get }
    /// The escapers templates of this language call by name, such as `python(prompt)`.
    var escapers: [String: Escaper] { get }
    /// The language name for Markdown code fences and syntax highlighting.
    var fenceLanguage: String { get }
}

extension SnippetRenderer {
    /// The escaper every language has: text for a one-line comment, with line breaks and
    /// invisible characters replaced, since comments have no escape syntax.
    static var commentEscaper: Escaper { Escaper(.final) { CodeText.printable($0) } }
}

/// The renderer for each language.
public enum SnippetRenderers {
    /// The renderer that writes `language`.
    public static func renderer(for language: Language) -> any SnippetRenderer {
        switch language {
        case .python: PythonRenderer()
        case .curl: CurlRenderer()
        case .swift: SwiftRenderer()
        }
    }
}
