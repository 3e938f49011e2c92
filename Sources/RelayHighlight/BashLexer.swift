/// Bash (and `sh`, `curl` commands, `console` sessions): single-, double- and `$'…'`-quoted strings,
/// variables and `$(…)` substitutions (inside double quotes too), comments, options, keywords and a few
/// builtins. Heredocs are not recognised.
enum BashLexer {
    static let words = WordTable([
        (
            .keyword,
            [
                "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do", "done",
                "in", "function", "time",
            ]
        ),
        (
            .builtin,
            [
                "cd", "echo", "eval", "exec", "exit", "export", "local", "printf", "read", "readonly", "return", "set",
                "shift", "source", "trap", "unset", "wait",
            ]
        ),
    ])

    /// What the lexer is inside of. The top level, below every frame, is a command.
    private enum Frame {
        /// A `$(…)` or `$((…))` substitution: a command until the `)` that closes it. `depth` counts
        /// the parentheses opened inside it and not yet closed.
        case substitution(depth: Int)
        /// A double-quoted string; the part of it not yet marked starts at `pieceStart`.
        case doubleQuoted(pieceStart: Int)
    }

    /// Marks the tokens of shell code. One pass with an explicit stack (no recursion, so deep nesting
    /// cannot overflow the call stack); each byte is read at most twice.
    static func highlight(_ scanner: inout HighlightScanner) {
        var frames: [Frame] = []
        while let byte = scanner.current {
            if case .doubleQuoted(let pieceStart)? = frames.last {
                scanDoubleQuoted(byte, pieceStart: pieceStart, frames: &frames, scanner: &scanner)
            } else {
                scanCommand(byte, frames: &frames, scanner: &scanner)
            }
        }
        // An unterminated double-quoted string runs to the end.
        if case .doubleQuoted(let pieceStart)? = frames.last {
            scanner.mark(.string, from: pieceStart)
        }
    }

    /// One step inside a double-quoted string, at `byte`.
    private static func scanDoubleQuoted(
        _ byte: UInt8, pieceStart: Int, frames: inout [Frame], scanner: inout HighlightScanner
    ) {
        let start = scanner.position
        switch byte {
        case ASCII.backslash:
            scanner.advance(by: 2)
        case ASCII.doubleQuote:
            scanner.advance()
            scanner.mark(.string, from: pieceStart)
            frames.removeLast()
        case ASCII.dollar where scanner.peek() == ASCII.openParen:
            scanner.mark(.string, from: pieceStart, to: start)
            scanner.advance(by: 2)
            scanner.mark(.variable, from: start)
            frames.append(.substitution(depth: 0))
        case ASCII.dollar:
            if let end = variableEnd(at: start, in: scanner) {
                scanner.mark(.string, from: pieceStart, to: start)
                scanner.position = end
                scanner.mark(.variable, from: start)
                frames[frames.count - 1] = .doubleQuoted(pieceStart: end)
            } else {
                scanner.advance()
            }
        default:
            scanner.advance()
        }
    }

    /// One step in a command (the top level or a substitution), at `byte`.
    private static func scanCommand(_ byte: UInt8, frames: inout [Frame], scanner: inout HighlightScanner) {
        let start = scanner.position
        switch byte {
        case ASCII.hash where isWordStart(start, in: scanner):
            scanner.advanceToLineEnd()
            scanner.mark(.comment, from: start)
        case ASCII.backslash:
            // An escaped character, or a line continuation.
            scanner.advance(by: 2)
        case ASCII.singleQuote:
            // No escapes between single quotes: `'\''` is a string, an escaped quote, a string.
            scanner.advance()
            scanner.advance { $0 != ASCII.singleQuote }
            scanner.advance()
            scanner.mark(.string, from: start)
        case ASCII.doubleQuote:
            scanner.advance()
            frames.append(.doubleQuoted(pieceStart: start))
        case ASCII.dollar where scanner.peek() == ASCII.singleQuote:
            scanANSICString(&scanner)
            scanner.mark(.string, from: start)
        case ASCII.dollar where scanner.peek() == ASCII.openParen:
            scanner.advance(by: 2)
            scanner.mark(.variable, from: start)
            frames.append(.substitution(depth: 0))
        case ASCII.dollar:
            if let end = variableEnd(at: start, in: scanner) {
                scanner.position = end
                scanner.mark(.variable, from: start)
            } else {
                scanner.advance()
            }
        case ASCII.openParen:
            scanner.advance()
            if case .substitution(let depth)? = frames.last {
                frames[frames.count - 1] = .substitution(depth: depth + 1)
            }
        case ASCII.closeParen:
            scanner.advance()
            if case .substitution(let depth)? = frames.last {
                if depth > 0 {
                    frames[frames.count - 1] = .substitution(depth: depth - 1)
                } else {
                    frames.removeLast()
                    // Back in a string: its next piece starts after the `)`.
                    if case .doubleQuoted? = frames.last {
                        frames[frames.count - 1] = .doubleQuoted(pieceStart: scanner.position)
                    }
                }
            }
        case ASCII.minus where isWordStart(start, in: scanner):
            let dashes = scanner.peek() == ASCII.minus ? 2 : 1
            if let first = scanner.byte(at: start + dashes), ASCII.isLetter(first) {
                scanner.advance(by: dashes)
                scanner.advance { ASCII.isWordByte($0) || $0 == ASCII.minus }
                scanner.mark(.option, from: start)
            } else {
                scanner.advance()
            }
        case _ where ASCII.isLetter(byte) || byte == ASCII.underscore:
            scanner.advance(while: ASCII.isWordByte)
            if isWordStart(start, in: scanner), isWordEnd(scanner.position, in: scanner),
                let kind = words.kind(of: start..<scanner.position, in: scanner.bytes)
            {
                scanner.mark(kind, from: start)
            }
        case _ where ASCII.isDigit(byte):
            scanner.advance(while: ASCII.isWordByte)
            if isWordStart(start, in: scanner), isWordEnd(scanner.position, in: scanner),
                scanner.bytes[start..<scanner.position].allSatisfy(ASCII.isDigit)
            {
                scanner.mark(.number, from: start)
            }
        default:
            scanner.advance()
        }
    }

    /// Moves past a `$'…'` string, in which a backslash escapes the next byte.
    private static func scanANSICString(_ scanner: inout HighlightScanner) {
        scanner.advance(by: 2)
        while let byte = scanner.current {
            if byte == ASCII.backslash {
                scanner.advance(by: 2)
            } else {
                scanner.advance()
                if byte == ASCII.singleQuote { return }
            }
        }
    }

    /// The end of the variable expansion starting with the `$` at `index`: `$NAME`, `${…}` (to the
    /// `}` or the end of the line), `$1`, or one of `$@ $* $# $? $$ $! $- $0`; nil when the `$` starts
    /// none (a lone `$`, as in a `console` prompt).
    private static func variableEnd(at index: Int, in scanner: HighlightScanner) -> Int? {
        guard let next = scanner.byte(at: index + 1) else { return nil }
        if next == ASCII.openBrace {
            var end = index + 2
            while let byte = scanner.byte(at: end), byte != ASCII.newline, byte != ASCII.carriageReturn {
                end += 1
                if byte == ASCII.closeBrace { break }
            }
            return end
        }
        if ASCII.isLetter(next) || next == ASCII.underscore {
            var end = index + 2
            while let byte = scanner.byte(at: end), ASCII.isWordByte(byte) {
                end += 1
            }
            return end
        }
        switch next {
        case _ where ASCII.isDigit(next), ASCII.at, ASCII.asterisk, ASCII.hash, ASCII.question, ASCII.dollar,
            ASCII.exclamation, ASCII.minus:
            return index + 2
        default:
            return nil
        }
    }

    /// Whether a word starts at `index`: it is the first byte, or follows a blank or an operator.
    private static func isWordStart(_ index: Int, in scanner: HighlightScanner) -> Bool {
        guard let previous = scanner.byte(at: index - 1) else { return true }
        return isSeparator(previous)
    }

    /// Whether a word ends at `index`: it is the end, or a blank or an operator follows.
    private static func isWordEnd(_ index: Int, in scanner: HighlightScanner) -> Bool {
        guard let next = scanner.byte(at: index) else { return true }
        return isSeparator(next)
    }

    /// Blanks and the shell's metacharacters `|&;()<>`.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case ASCII.pipe, ASCII.ampersand, ASCII.semicolon, ASCII.openParen, ASCII.closeParen, ASCII.lessThan,
            ASCII.greaterThan:
            true
        default:
            ASCII.isWhitespace(byte)
        }
    }
}
