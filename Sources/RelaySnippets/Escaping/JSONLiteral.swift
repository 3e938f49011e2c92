/// JSON string literals.
public enum JSONLiteral {
    /// A JSON string (RFC 8259) that decodes to exactly `text`.
    public static func string(_ text: String) -> String {
        CodeText.doubleQuoted(text) { scalar in
            switch scalar {
            case "\u{8}": "\\b"
            case "\u{C}": "\\f"
            default: CodeText.utf16Escapes(scalar)
            }
        }
    }
}
