import RelayCatalog

/// Python with the protocol's official SDK (`openai`, `anthropic`, `google-genai`).
///
/// Escapers: `python(x)` writes a `str` literal; `comment(x)` writes text for a `#` comment.
public struct PythonRenderer: SnippetRenderer {
    public init() {}
    public var language: Language { .python }
    public var fenceLanguage: String { "python" }
    public var escapers: [String: Escaper] { Self.escaperTable }
    /// Built once: a dictionary per snippet was a twentieth of its rendering.
    private static let escaperTable: [String: Escaper] = [
        "python": Escaper(.final, PythonLiteral.string), "comment": Self.commentEscaper,
    ]
}
