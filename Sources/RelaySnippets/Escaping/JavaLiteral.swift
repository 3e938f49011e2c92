/// Java string literals and comments.
///
/// Before Java parses anything it replaces every Unicode escape (`\u0022`, `\uuu000a`, …) in the
/// whole source, comments included, with its character (JLS §3.3): `"\u0022"` is `"""`, and a
/// comment holding `\u000a` ends there, the rest of it becoming code. A backslash starts such an
/// escape only when an even number of backslashes stands before it, so doubling every backslash
/// of the text leaves none that can.
public enum JavaLiteral {
    /// A double-quoted Java string literal that evaluates to exactly `text`.
    ///
    /// Characters up to U+00FF that do not show as themselves are octal escapes (always three
    /// digits, so a digit after one is not read into it). Above that, such characters are Unicode
    /// escapes, which the pre-pass turns into the character itself: never a quote, a backslash or a
    /// line break, which are all below U+0100 and written as `\"`, `\\`, `\n`, `\r`. Characters
    /// beyond the BMP are a surrogate pair of escapes, as Java strings hold them.
    public static func string(_ text: String) -> String {
        CodeText.doubleQuoted(text) { scalar in
            scalar.value <= 0xFF ? "\\" + octal(scalar.value) : CodeText.utf16Escapes(scalar)
        }
    }

    /// Text for a `//` comment: line breaks and invisible characters replaced as for every comment
    /// (``CodeText/printable(_:)``), and every backslash doubled, so no Unicode escape can end the
    /// comment early.
    public static func comment(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in CodeText.printable(text).unicodeScalars {
            result.append(scalar)
            if scalar == "\\" { result.append(scalar) }
        }
        return String(result)
    }

    /// Three octal digits: `\000` to `\377`.
    private static func octal(_ value: UInt32) -> String {
        let digits = String(value, radix: 8)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }
}
