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
            case _ where scalar.value <= 0xFFFF: result += "\\u" + CodeText.hex(scalar, width: 4)
            default:
                for unit in String(scalar).utf16 {
                    result += "\\u" + String(unit, radix: 16, uppercase: true).leftPadded(to: 4)
                }
            }
        }
        return result + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
