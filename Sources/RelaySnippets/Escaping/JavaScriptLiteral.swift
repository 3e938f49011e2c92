/// JavaScript string literals.
public enum JavaScriptLiteral {
    /// A double-quoted JavaScript string literal that evaluates to exactly `text`, valid in strict
    /// mode and ES modules (no octal escapes) and in engines before ES2019, where U+2028 and U+2029
    /// end a line even inside a string: both are written as escapes, like every other character
    /// that does not show as itself.
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
            default: result += "\\u{" + CodeText.hex(scalar, width: 1) + "}"
            }
        }
        return result + "\""
    }
}
