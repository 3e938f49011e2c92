/// Go string literals.
public enum GoLiteral {
    /// An interpreted (double-quoted) Go string literal whose UTF-8 bytes are exactly those of
    /// `text`.
    ///
    /// Never a raw string, so a backquote in the text is an ordinary character. `\\x` escapes stand
    /// for bytes in Go, so they are used only below U+0080, where a byte is the character; other
    /// escaped characters are written `\\u` or `\\U`. NUL and U+FEFF, which Go source may not hold
    /// as themselves, are escapes too.
    public static func string(_ text: String) -> String {
        CodeText.doubleQuoted(text) { scalar in
            switch scalar.value {
            case ..<0x80: "\\x" + CodeText.hex(scalar, width: 2)
            case ...0xFFFF: "\\u" + CodeText.hex(scalar, width: 4)
            default: "\\U" + CodeText.hex(scalar, width: 8)
            }
        }
    }
}
