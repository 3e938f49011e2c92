/// Swift string literals.
public enum SwiftLiteral {
    /// A single-line Swift string literal that evaluates to exactly `text`.
    ///
    /// Backslashes are doubled, so `\\(` can never start an interpolation; the literal is never
    /// a raw or multi-line one, so `#` and `"""` have no meaning inside it.
    public static func string(_ text: String) -> String {
        CodeText.doubleQuoted(text) { scalar in
            scalar == "\0" ? "\\0" : "\\u{" + CodeText.hex(scalar, width: 1) + "}"
        }
    }
}
