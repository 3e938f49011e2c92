/// JSON string literals.
public enum JSONLiteral {
    /// A JSON string (RFC 8259) that decodes to exactly `text`.
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            case _ where CodeText.showsLiterally(scalar): result.unicodeScalars.append(scalar)
            default: result += CodeText.utf16Escapes(scalar)
            }
        }
        return result + "\""
    }
}
