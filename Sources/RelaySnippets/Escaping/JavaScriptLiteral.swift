/// JavaScript string literals.
public enum JavaScriptLiteral {
    /// A double-quoted JavaScript string literal that evaluates to exactly `text`, valid in strict
    /// mode and ES modules (no octal escapes) and in engines before ES2019, where U+2028 and U+2029
    /// end a line even inside a string: both are written as escapes, like every other character
    /// that does not show as itself.
    public static func string(_ text: String) -> String {
        CodeText.doubleQuoted(text) { scalar in
            switch scalar.value {
            case ...0xFF: "\\x" + CodeText.hex(scalar, width: 2)
            case ...0xFFFF: "\\u" + CodeText.hex(scalar, width: 4)
            default: "\\u{" + CodeText.hex(scalar, width: 1) + "}"
            }
        }
    }
}
