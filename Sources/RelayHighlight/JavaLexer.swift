/// Java: strings, `"""` text blocks, character literals, comments, numbers, keywords (the primitive
/// types among them), `true`/`false`/`null`, annotations and a few classes of `java.lang` and the
/// HTTP client.
enum JavaLexer {
    static let dialect = CFamilyLexer.Dialect(
        words: WordTable([
            (
                .keyword,
                [
                    "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
                    "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
                    "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
                    "new", "package", "permits", "private", "protected", "public", "record", "return", "sealed",
                    "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
                    "transient", "try", "var", "void", "volatile", "while", "yield",
                ]
            ),
            (.literal, ["true", "false", "null"]),
            (
                .builtin,
                [
                    "ArrayList", "Boolean", "Character", "Double", "Exception", "HttpClient", "HttpRequest",
                    "HttpResponse", "IllegalArgumentException", "Integer", "LinkedHashMap", "List", "Long", "Map",
                    "Math", "Object", "RuntimeException", "StandardCharsets", "String", "StringBuilder", "System",
                    "URI",
                ]
            ),
        ]),
        textBlocks: true, annotations: true, dollarInIdentifiers: true)

    /// Marks the tokens of Java code.
    static func highlight(_ scanner: inout HighlightScanner) {
        CFamilyLexer.highlight(&scanner, dialect)
    }
}
