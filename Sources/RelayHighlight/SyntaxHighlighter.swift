/// Build-time syntax highlighting of code blocks into HTML.
///
/// Each language has a small hand-written lexer over the UTF-8 bytes of the code (never over
/// `Character`s, so a quote followed by a combining mark is still a quote). The result is the code
/// with every `&`, `<`, `>`, `"` and `'` escaped and each token wrapped in a span:
///
/// ```html
/// <span class="hl-builtin">print</span>(<span class="hl-string">&quot;hi&quot;</span>)
/// ```
///
/// The classes are `hl-keyword`, `hl-string`, `hl-comment`, `hl-number`, `hl-literal`, `hl-builtin`,
/// `hl-attribute`, `hl-variable`, `hl-option` and `hl-property`. Spans never nest, a string or comment
/// that spans lines is one span, and text outside tokens is only escaped. Any input is accepted:
/// an unterminated string or comment runs to the end of the code, and removing the tags and decoding
/// the character references always gives back the code exactly.
///
/// Highlighting takes time and memory linear in the length of the code.
public enum SyntaxHighlighter {
    /// Whether `language` names a language the highlighter knows, ignoring ASCII case:
    /// `python` (`py`), `bash` (`sh`, `shell`, `curl`, `console`), `swift`, `json`, `javascript` (`js`,
    /// `mjs`, `node`), `go` (`golang`) or `java`.
    public static func supports(_ language: String) -> Bool {
        Language(name: language) != nil
    }

    /// The code as HTML, with every character escaped and each token wrapped in a span, or nil
    /// when the highlighter does not know `language` (see ``supports(_:)``).
    ///
    /// - Parameters:
    ///   - code: The source text; any string, including invalid or unterminated code.
    ///   - language: The name of the language, as in a Markdown code fence (`python`, `sh`, …).
    public static func highlight(_ code: String, language: String) -> String? {
        guard let language = Language(name: language) else { return nil }
        var scanner = HighlightScanner(code)
        switch language {
        case .python: PythonLexer.highlight(&scanner)
        case .bash: BashLexer.highlight(&scanner)
        case .swift: SwiftLexer.highlight(&scanner)
        case .json: JSONLexer.highlight(&scanner)
        case .javascript: JavaScriptLexer.highlight(&scanner)
        case .go: GoLexer.highlight(&scanner)
        case .java: JavaLexer.highlight(&scanner)
        }
        return scanner.finish()
    }

    /// The code as HTML with no spans: `&`, `<`, `>`, `"` and `'` escaped, every other character as is.
    /// For code in a language the highlighter does not know.
    public static func escape(_ code: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(code.utf8.count + code.utf8.count / 8 + 16)
        HTMLText.appendEscaped(ArraySlice(code.utf8), to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}

/// A language the highlighter knows.
enum Language {
    case python
    case bash
    case swift
    case json
    case javascript
    case go
    case java

    /// The language `name` or one of its aliases stands for, ignoring ASCII case.
    init?(name: String) {
        let lowercased = String(decoding: name.utf8.map { ASCII.isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        switch lowercased {
        case "python", "py": self = .python
        case "bash", "sh", "shell", "curl", "console": self = .bash
        case "swift": self = .swift
        case "json": self = .json
        case "javascript", "js", "mjs", "node": self = .javascript
        case "go", "golang": self = .go
        case "java": self = .java
        default: return nil
        }
    }
}
