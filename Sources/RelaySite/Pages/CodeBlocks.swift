import RelayHighlight
import RelayMarkdown

/// Fenced and indented code, highlighted at build time.
enum CodeBlocks {
    /// The HTML of one highlighted code block.
    static func html(code: String, language: String) -> String {
        let name = language.lowercased()
        let body = SyntaxHighlighter.highlight(code, language: name) ?? SyntaxHighlighter.escape(code)
        let lang = name.isEmpty ? "text" : name.htmlEscaped
        return
            "<div class=\"code-block\" data-lang=\"\(lang)\"><pre class=\"code\"><code class=\"language-\(lang)\">\(body)</code></pre></div>"
    }
}

/// Highlighted code as the site shows it, for other parts of relaydocs (the snippet API).
public enum SnippetHTML {
    /// `<div class="code-block" …><pre class="code"><code …>highlighted</code></pre></div>`
    public static func codeBlock(_ code: String, language: String) -> String {
        CodeBlocks.html(code: code, language: language)
    }

    /// Text as highlighted code holds it outside any markup: `&`, `<`, `>` and quotes escaped.
    public static func escapedText(_ text: String) -> String { SyntaxHighlighter.escape(text) }
}
