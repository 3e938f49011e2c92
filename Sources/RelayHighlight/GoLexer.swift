/// Go: interpreted strings, rune literals, backquoted raw strings, comments, numbers, keywords,
/// `true`/`false`/`nil`/`iota` and the predeclared types and functions.
enum GoLexer {
    static let dialect = CFamilyLexer.Dialect(
        words: WordTable([
            (
                .keyword,
                [
                    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
                    "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
                    "struct", "switch", "type", "var",
                ]
            ),
            (.literal, ["true", "false", "nil", "iota"]),
            (
                .builtin,
                [
                    "any", "append", "bool", "byte", "cap", "close", "complex", "copy", "delete", "error", "float32",
                    "float64", "int", "int8", "int16", "int32", "int64", "len", "make", "new", "panic", "print",
                    "println", "recover", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
                ]
            ),
        ]),
        backquote: .raw)

    /// Marks the tokens of Go code.
    static func highlight(_ scanner: inout HighlightScanner) {
        CFamilyLexer.highlight(&scanner, dialect)
    }
}
