/// Quoting for POSIX shells (bash, zsh, dash).
public enum ShellQuoting {
    /// Text to place between single quotes: each `'` closes the quote, adds an escaped quote and
    /// reopens it (`'\''`). Between single quotes a shell expands nothing, so `$(…)`, backticks,
    /// `\` and `!` stay as they are.
    ///
    /// The work is done on Unicode scalars, not characters: `'` followed by a combining mark is
    /// one Swift `Character`, and a character-level replacement would leave that quote bare.
    public static func insideSingleQuotes(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "'" {
                result.append(contentsOf: "'\\''".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// One shell word: the text as is when it holds only characters no shell treats specially,
    /// otherwise the text in single quotes.
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
