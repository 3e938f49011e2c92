/// JavaScript: strings, template literals (their `${…}` substitutions inside the span), regular
/// expression literals, comments, numbers, keywords, literals such as `null` and `undefined`, and a
/// few well-known globals.
enum JavaScriptLexer {
    static let dialect = CFamilyLexer.Dialect(
        words: WordTable([
            (
                .keyword,
                [
                    "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
                    "delete", "do", "else", "export", "extends", "finally", "for", "from", "function", "if", "import",
                    "in", "instanceof", "let", "new", "of", "return", "static", "super", "switch", "this", "throw",
                    "try", "typeof", "var", "void", "while", "with", "yield",
                ]
            ),
            (.literal, ["true", "false", "null", "undefined", "NaN", "Infinity"]),
            (
                .builtin,
                [
                    "Array", "Boolean", "Buffer", "Error", "JSON", "Map", "Math", "Number", "Object", "Promise",
                    "Set", "String", "Symbol", "TextDecoder", "TextEncoder", "TypeError", "URL", "console", "fetch",
                    "globalThis", "parseFloat", "parseInt", "process", "require",
                ]
            ),
        ]),
        backquote: .template, regularExpressions: true, dollarInIdentifiers: true)

    /// Marks the tokens of JavaScript code.
    static func highlight(_ scanner: inout HighlightScanner) {
        CFamilyLexer.highlight(&scanner, dialect)
    }
}
