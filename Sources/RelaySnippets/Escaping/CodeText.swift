/// The shared rules of every escaper: which characters may stand in code as themselves.
///
/// A character that prints as itself is written as is, so a Chinese prompt stays readable.
/// Everything else (controls, line and paragraph separators, bidirectional and other format
/// characters, non-breaking and other unusual spaces, private-use and unassigned code points)
/// is written as an escape, so what the reader sees is what the code does.
public enum CodeText {
    /// Whether a scalar may appear in a string literal as itself.
    public static func showsLiterally(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x20...0x7E).contains(scalar.value) }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .privateUse, .surrogate,
            .unassigned:
            return false
        default:
            return true
        }
    }

    /// The scalar's value in uppercase hexadecimal, padded with zeros to `width` digits.
    public static func hex(_ scalar: Unicode.Scalar, width: Int) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A double-quoted string literal of the C family (Python, Swift, JSON, JavaScript, Go, Java):
    /// `\\` and `"` escaped with a backslash, line feed, carriage return and tab as `\\n`, `\\r` and
    /// `\\t`, every other character that shows literally as itself, and each remaining scalar as
    /// `escape` writes it in the language's own escape syntax.
    ///
    /// The work is done on Unicode scalars, never characters: a quote followed by a combining mark
    /// is one `Character`, and must still be escaped.
    public static func doubleQuoted(_ text: String, escape: (Unicode.Scalar) -> String) -> String {
        if let quoted = asciiDoubleQuoted(text, escape: escape) { return quoted }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where showsLiterally(scalar): result.unicodeScalars.append(scalar)
            default: result += escape(scalar)
            }
        }
        return result + "\""
    }

    /// ``doubleQuoted(_:escape:)`` of ASCII text, on bytes (the same rules, so the same result),
    /// or nil when the text has a non-ASCII byte. API keys, model ids and most prompts are ASCII,
    /// and the snippet API escapes a key on every request.
    static func asciiDoubleQuoted(_ text: String, escape: (Unicode.Scalar) -> String) -> String? {
        var text = text
        return text.withUTF8 { input -> String? in
            var output: [UInt8] = []
            output.reserveCapacity(input.count + 8)
            output.append(UInt8(ascii: "\""))
            for byte in input {
                switch byte {
                case UInt8(ascii: "\\"): output.append(contentsOf: [92, 92])
                case UInt8(ascii: "\""): output.append(contentsOf: [92, 34])
                case 0x0A: output.append(contentsOf: [92, UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [92, UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [92, UInt8(ascii: "t")])
                case 0x20...0x7E: output.append(byte)
                case 0x80...: return nil
                default: output.append(contentsOf: escape(Unicode.Scalar(byte)).utf8)
                }
            }
            output.append(UInt8(ascii: "\""))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// A `\\uXXXX` escape for each UTF-16 code unit of the scalar: one within the BMP, a
    /// surrogate pair beyond it (as JSON and Java write such characters).
    public static func utf16Escapes(_ scalar: Unicode.Scalar) -> String {
        var result = ""
        for unit in String(scalar).utf16 {
            let digits = String(unit, radix: 16, uppercase: true)
            result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        }
        return result
    }

    /// The text with every character that does not show literally replaced by U+FFFD, for
    /// places such as comments that have no escape syntax.
    public static func printable(_ text: String) -> String {
        // Visible ASCII and spaces, the common case, are all kept.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { showsLiterally($0) ? $0 : "\u{FFFD}" }))
    }
}
