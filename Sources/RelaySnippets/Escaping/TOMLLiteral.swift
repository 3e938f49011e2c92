/// TOML strings (TOML 1.0), for configuration files such as Codex's `config.toml`.
public enum TOMLLiteral {
    /// A basic string (`"…"`) that a TOML parser reads as exactly `text`: `\\` and `"` escaped,
    /// `\b`, `\t`, `\n`, `\f` and `\r` for those controls, and every other character that does
    /// not show as itself as `\uXXXX` (or `\UXXXXXXXX` beyond the BMP), so no control character
    /// (which TOML forbids in strings) is ever written.
    public static func string(_ text: String) -> String {
        CodeText.doubleQuoted(text) { scalar in
            switch scalar {
            case "\u{8}": "\\b"
            case "\u{C}": "\\f"
            default:
                scalar.value <= 0xFFFF
                    ? "\\u" + CodeText.hex(scalar, width: 4) : "\\U" + CodeText.hex(scalar, width: 8)
            }
        }
    }

    /// A key: bare (`closeai`) when it is only ASCII letters, digits, `_` and `-`, otherwise a
    /// quoted key written as ``string(_:)`` writes it.
    public static func key(_ text: String) -> String {
        let bare =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                        || scalar == "_" || scalar == "-")
            }
        return bare ? text : string(text)
    }
}
