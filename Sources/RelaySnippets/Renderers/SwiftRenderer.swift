import RelayCatalog

/// Swift with Foundation's `URLSession` only, for `swiftc` on macOS and Linux.
///
/// Escapers: `swift(x)` writes a string literal; `comment(x)` writes text for a `//` comment.
public struct SwiftRenderer: SnippetRenderer {
    public init() {}
    public var language: Language { .swift }
    public var fenceLanguage: String { "swift" }
    public var escapers: [String: Escaper] { Self.escaperTable }
    /// Built once: a dictionary per snippet was a twentieth of its rendering.
    private static let escaperTable: [String: Escaper] = [
        "swift": Escaper(.final, SwiftLiteral.string), "comment": Self.commentEscaper,
    ]
}
