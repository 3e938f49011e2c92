/// Values of `.env` files (`NAME=value` lines), as python-dotenv and Node's dotenv read them.
public enum DotenvValue {
    /// The value side of a `NAME=value` line that reads back as exactly `text`.
    ///
    /// Text of visible ASCII without `#` that does not start with a quote or backtick is written
    /// bare: a bare value ends only at the end of the line (in Node's dotenv also at `#`) and keeps
    /// every other character, quotes, `$(…)` and backslashes included, so API keys such as
    /// `sk-'"$(id)`x`\n` read back as they are in python-dotenv and in Node's dotenv (which Gemini
    /// CLI uses), where no quoting could hold all three quote characters. Anything else is written
    /// in double quotes with the escapes python-dotenv decodes there (`\\`, `\"`, `\n`, `\r`,
    /// `\t`, `\a`, `\b`, `\f`, `\v`); other characters are written as they are, since dotenv has no
    /// other escapes.
    ///
    /// python-dotenv expands `${NAME}` in every value unless read with `interpolate=False`, and has
    /// no escape for it; such text reads back as itself only without interpolation.
    public static func value(_ text: String) -> String {
        if isBare(text) { return text }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{7}": result += "\\a"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            case "\u{B}": result += "\\v"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Whether text reads back as itself unquoted in python-dotenv and Node's dotenv alike.
    static func isBare(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !"'\"`".unicodeScalars.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in (0x21...0x7E).contains(scalar.value) && scalar != "#" }
    }
}
