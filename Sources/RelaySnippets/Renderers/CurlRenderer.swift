import RelayCatalog

/// curl in a POSIX shell, with the protocol's own headers and a JSON body.
///
/// Escapers: `shell(x)` writes text inside a single-quoted argument; `shellWord(x)` writes one
/// shell word (quoted only when needed); `json(x)` encodes a JSON string, which must then go
/// through `shell`, as in `{{shell(json(prompt))}}`; `comment(x)` writes text for a `#` comment.
public struct CurlRenderer: SnippetRenderer {
    public init() {}
    public var language: Language { .curl }
    public var fenceLanguage: String { "bash" }
    public var escapers: [String: Escaper] { Self.escaperTable }
    /// Built once: a dictionary per snippet was a twentieth of its rendering.
    private static let escaperTable: [String: Escaper] = [
        "shell": Escaper(.final, ShellQuoting.insideSingleQuotes),
        "shellWord": Escaper(.final, ShellQuoting.word),
        "json": Escaper(.intermediate, JSONLiteral.string),
        "comment": Self.commentEscaper,
    ]
}
