/// Python string literals.
public enum PythonLiteral {
    /// A double-quoted Python `str` literal that evaluates to exactly `text`.
    public static func string(_ text: String) -> String {
        CodeText.doubleQuoted(text) { scalar in
            switch scalar.value {
            case ...0xFF: "\\x" + CodeText.hex(scalar, width: 2)
            case ...0xFFFF: "\\u" + CodeText.hex(scalar, width: 4)
            default: "\\U" + CodeText.hex(scalar, width: 8)
            }
        }
    }
}
