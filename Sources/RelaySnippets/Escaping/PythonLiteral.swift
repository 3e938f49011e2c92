/// Python string literals.
public enum PythonLiteral {
    /// A double-quoted Python `str` literal that evaluates to exactly `text`.
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where CodeText.showsLiterally(scalar): result.unicodeScalars.append(scalar)
            case _ where scalar.value <= 0xFF: result += "\\x" + CodeText.hex(scalar, width: 2)
            case _ where scalar.value <= 0xFFFF: result += "\\u" + CodeText.hex(scalar, width: 4)
            default: result += "\\U" + CodeText.hex(scalar, width: 8)
            }
        }
        return result + "\""
    }
}
