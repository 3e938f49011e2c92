/// JSON: strings, object keys (a string followed by `:`), numbers and `true`/`false`/`null`.
enum JSONLexer {
    static let words = WordTable([(.literal, ["true", "false", "null"])])

    /// Marks the tokens of JSON text. One pass; each byte is read at most twice.
    static func highlight(_ scanner: inout HighlightScanner) {
        while let byte = scanner.current {
            let start = scanner.position
            switch byte {
            case ASCII.doubleQuote:
                scanString(&scanner)
                scanner.mark(isFollowedByColon(scanner) ? .property : .string, from: start)
            case _ where ASCII.isDigit(byte) || (byte == ASCII.minus && scanner.peek().map(ASCII.isDigit) == true):
                scanner.advance()
                scanner.advance { byte in
                    ASCII.isDigit(byte) || byte == ASCII.dot || byte == ASCII.plus || byte == ASCII.minus
                        || byte | 0x20 == UInt8(ascii: "e")
                }
                scanner.mark(.number, from: start)
            case _ where ASCII.isLetter(byte):
                scanner.advance(while: ASCII.isLetter)
                if let kind = words.kind(of: start..<scanner.position, in: scanner.bytes) {
                    scanner.mark(kind, from: start)
                }
            default:
                scanner.advance()
            }
        }
    }

    /// Moves past a string from its opening quote; a backslash escapes the next byte. An unterminated
    /// string runs to the end.
    private static func scanString(_ scanner: inout HighlightScanner) {
        scanner.advance()
        while let byte = scanner.current {
            scanner.advance(by: byte == ASCII.backslash ? 2 : 1)
            if byte == ASCII.doubleQuote { return }
        }
    }

    /// Whether the next byte after any whitespace is `:`. Reads ahead without moving; the whitespace
    /// read here is read once more by the main loop, so the pass stays linear.
    private static func isFollowedByColon(_ scanner: HighlightScanner) -> Bool {
        var index = scanner.position
        while let byte = scanner.byte(at: index), ASCII.isWhitespace(byte) {
            index += 1
        }
        return scanner.byte(at: index) == ASCII.colon
    }
}
