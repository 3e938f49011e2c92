/// Swift string literals.
public enum SwiftLiteral {
    /// A single-line Swift string literal that evaluates to exactly `text`.
    ///
    /// Backslashes are doubled, so `\(` can never start an interpolation; the literal is never
    /// a raw or multi-line one, so `#` and `"""` have no meaning inside it.
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            case _ where CodeText.showsLiterally(scalar): result.unicodeScalars.append(scalar)
            default: result += "\\u{" + CodeText.hex(scalar, width: 1) + "}"
            }
        }
        return result + "\""
    }
}
