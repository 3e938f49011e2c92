/// Quoting for POSIX shells (bash, zsh, dash).
public enum ShellQuoting {
    /// Text to place between single quotes: each `'` closes the quote, adds an escaped quote and
    /// reopens it (`'\''`). Between single quotes a shell expands nothing, so `$(…)`, backticks,
    /// `\` and `!` stay as they are.
    ///
    /// The work is done on UTF-8 bytes, not characters: `'` followed by a combining mark is one
    /// Swift `Character`, and a character-level replacement would leave that quote bare. A byte of
    /// `'` is always the scalar `'`: no other scalar's UTF-8 holds it.
    public static func insideSingleQuotes(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "'")) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "'") {
                output.append(contentsOf: "'\\''".utf8)
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    public static func word(_ text: String) -> String {
        let safe =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                        || "@%+=:,./_-".unicodeScalars.contains(scalar))
            }
        return safe ? text : "'" + insideSingleQuotes(text) + "'"
    }
}
