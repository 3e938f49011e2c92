/// The lexer that JavaScript, Go and Java share: `//` and `/* … */` comments, quoted strings and
/// character literals, numbers, and words from each language's table, with what sets each language
/// apart switched on by its ``Dialect``: backquoted strings (Go's raw strings, JavaScript's template
/// literals with their `${…}` as part of one span), Java's `"""` text blocks and `@` annotations, and
/// JavaScript's regular expression literals.
enum CFamilyLexer {
    /// What one language has.
    struct Dialect: Sendable {
        /// What a backquote starts.
        enum Backquote: Sendable {
            /// Nothing: the backquote is text.
            case none
            /// A string without escapes that runs to the next backquote (Go).
            case raw
            /// A template literal with `\` escapes and `${…}` substitutions (JavaScript).
            case template
        }

        var words: WordTable
        var backquote: Backquote = .none
        /// `"""` starts a text block that runs to the next unescaped `"""` (Java).
        var textBlocks = false
        /// `@Name` is an annotation (Java).
        var annotations = false
        /// `/…/flags` where an expression may start is a regular expression (JavaScript).
        var regularExpressions = false
        /// Whether `$` may be part of an identifier (JavaScript and Java).
        var dollarInIdentifiers = false
    }

    /// Marks the tokens of code in `dialect`. One pass; each byte is read a bounded number of times.
    static func highlight(_ scanner: inout HighlightScanner, _ dialect: Dialect) {
        // The last byte outside whitespace and comments, to tell a regular expression from a division,
        // and whether it ended a word that an expression may follow (`return /x/`).
        var previous: UInt8?
        var previousWordAllowsExpression = false
        // A line on which a `/` proved not to start a regular expression: no other `/` before its end
        // is tried again, so a long line of slashes stays linear.
        var noRegularExpressionBefore = 0
        while let byte = scanner.current {
            let start = scanner.position
            var wordAllowsExpression = false
            switch byte {
            case ASCII.slash where scanner.peek() == ASCII.slash:
                scanner.advanceToLineEnd()
                scanner.mark(.comment, from: start)
                continue
            case ASCII.slash where scanner.peek() == ASCII.asterisk:
                scanner.advance(by: 2)
                while let next = scanner.current, !(next == ASCII.asterisk && scanner.peek() == ASCII.slash) {
                    scanner.advance()
                }
                scanner.advance(by: 2)
                scanner.mark(.comment, from: start)
                continue
            case ASCII.slash
            where dialect.regularExpressions && start >= noRegularExpressionBefore
                && expressionMayStart(after: previous, wordAllowsExpression: previousWordAllowsExpression):
                if scanRegularExpression(&scanner) {
                    scanner.mark(.string, from: start)
                } else {
                    noRegularExpressionBefore = scanner.position
                    scanner.position = start + 1
                }
            case ASCII.doubleQuote
            where dialect.textBlocks && scanner.hasRun(of: ASCII.doubleQuote, count: 3, at: start):
                scanTextBlock(&scanner)
                scanner.mark(.string, from: start)
            case ASCII.doubleQuote, ASCII.singleQuote:
                scanQuoted(&scanner)
                scanner.mark(.string, from: start)
            case ASCII.backtick where dialect.backquote == .raw:
                scanner.advance()
                scanner.advance { $0 != ASCII.backtick }
                scanner.advance()
                scanner.mark(.string, from: start)
            case ASCII.backtick where dialect.backquote == .template:
                scanTemplateLiteral(&scanner)
                scanner.mark(.string, from: start)
            case ASCII.at where dialect.annotations && scanner.peek().map(ASCII.isIdentifierStart) == true:
                scanner.advance()
                scanner.advance(while: ASCII.isIdentifierContinuation)
                scanner.mark(.attribute, from: start)
            case _ where ASCII.isDigit(byte) || (byte == ASCII.dot && scanner.peek().map(ASCII.isDigit) == true):
                scanNumber(&scanner)
                scanner.mark(.number, from: start)
            case _ where isIdentifierByte(byte, dialect) && !ASCII.isDigit(byte):
                scanner.advance { isIdentifierByte($0, dialect) }
                let isMember = scanner.byte(at: start - 1) == ASCII.dot && scanner.byte(at: start - 2) != ASCII.dot
                if !isMember, let kind = dialect.words.kind(of: start..<scanner.position, in: scanner.bytes) {
                    scanner.mark(kind, from: start)
                    wordAllowsExpression = kind == .keyword
                }
            case _ where ASCII.isWhitespace(byte):
                scanner.advance()
                continue
            default:
                scanner.advance()
            }
            previous = scanner.byte(at: scanner.position - 1)
            previousWordAllowsExpression = wordAllowsExpression
        }
    }

    /// A letter, digit, `_`, a byte of a non-ASCII scalar, or `$` where the dialect allows it.
    private static func isIdentifierByte(_ byte: UInt8, _ dialect: Dialect) -> Bool {
        ASCII.isIdentifierContinuation(byte) || (dialect.dollarInIdentifiers && byte == ASCII.dollar)
    }

    /// Whether an expression (so a regular expression, not a division) may start after `previous`.
    private static func expressionMayStart(after previous: UInt8?, wordAllowsExpression: Bool) -> Bool {
        guard let previous else { return true }
        if wordAllowsExpression { return true }
        return "(,=:[!&|?{};+-*%<>~^".utf8.contains(previous)
    }

    /// Moves past `/…/flags` from its first `/`, with `\` escapes and `[…]` classes (where `/` does not
    /// end it). Returns false, having moved to the line's end, when the line ends first.
    private static func scanRegularExpression(_ scanner: inout HighlightScanner) -> Bool {
        scanner.advance()
        var inClass = false
        while let byte = scanner.current, byte != ASCII.newline, byte != ASCII.carriageReturn {
            switch byte {
            case ASCII.backslash:
                scanner.advance(by: 2)
                continue
            case UInt8(ascii: "["): inClass = true
            case UInt8(ascii: "]"): inClass = false
            case ASCII.slash where !inClass:
                scanner.advance()
                scanner.advance(while: ASCII.isLetter)
                return true
            default: break
            }
            scanner.advance()
        }
        return false
    }

    /// Moves past a string or character literal from its opening `"` or `'`; a backslash keeps the
    /// next byte in it. An unterminated literal runs to the end.
    private static func scanQuoted(_ scanner: inout HighlightScanner) {
        guard let quote = scanner.current else { return }
        scanner.advance()
        while let byte = scanner.current {
            scanner.advance(by: byte == ASCII.backslash ? 2 : 1)
            if byte == quote { return }
        }
    }

    /// Moves past a `"""` text block; a backslash keeps the next byte in it. An unterminated block
    /// runs to the end.
    private static func scanTextBlock(_ scanner: inout HighlightScanner) {
        scanner.advance(by: 3)
        while let byte = scanner.current {
            if byte == ASCII.backslash {
                scanner.advance(by: 2)
            } else if scanner.hasRun(of: ASCII.doubleQuote, count: 3, at: scanner.position) {
                scanner.advance(by: 3)
                return
            } else {
                scanner.advance()
            }
        }
    }

    /// What the template-literal scanner is inside of.
    private enum Frame {
        /// The text of a template literal.
        case template
        /// A `${…}` substitution; `depth` counts the braces opened inside it and not yet closed.
        case substitution(depth: Int)
    }

    /// Moves past a template literal from its backquote, with the literals nested in its `${…}`
    /// substitutions. An explicit stack, not recursion, so deep nesting cannot overflow the call
    /// stack. An unterminated literal runs to the end.
    private static func scanTemplateLiteral(_ scanner: inout HighlightScanner) {
        scanner.advance()
        var frames: [Frame] = [.template]
        while let byte = scanner.current, let frame = frames.last {
            switch frame {
            case .template:
                if byte == ASCII.backslash {
                    scanner.advance(by: 2)
                } else if byte == ASCII.backtick {
                    scanner.advance()
                    frames.removeLast()
                } else if byte == ASCII.dollar, scanner.peek() == ASCII.openBrace {
                    scanner.advance(by: 2)
                    frames.append(.substitution(depth: 0))
                } else {
                    scanner.advance()
                }
            case .substitution(let depth):
                if byte == ASCII.openBrace {
                    frames[frames.count - 1] = .substitution(depth: depth + 1)
                    scanner.advance()
                } else if byte == ASCII.closeBrace {
                    scanner.advance()
                    if depth == 0 {
                        frames.removeLast()
                    } else {
                        frames[frames.count - 1] = .substitution(depth: depth - 1)
                    }
                } else if byte == ASCII.backtick {
                    scanner.advance()
                    frames.append(.template)
                } else if byte == ASCII.doubleQuote || byte == ASCII.singleQuote {
                    scanQuoted(&scanner)
                } else {
                    scanner.advance()
                }
            }
        }
    }

    /// Moves past a number: `42`, `1_000`, `0xFF`, `3.14`, `.5`, `1e-3`, `10n`, `2L`, `1.5f`.
    private static func scanNumber(_ scanner: inout HighlightScanner) {
        let start = scanner.position
        let isHex = scanner.current == ASCII.zero && (scanner.peek() ?? 0) | 0x20 == UInt8(ascii: "x")
        while let byte = scanner.current {
            if ASCII.isWordByte(byte) {
                scanner.advance()
            } else if byte == ASCII.dot, scanner.peek().map(ASCII.isDigit) == true {
                scanner.advance()
            } else if byte == ASCII.plus || byte == ASCII.minus, !isHex, scanner.position > start,
                let previous = scanner.byte(at: scanner.position - 1), previous | 0x20 == UInt8(ascii: "e")
            {
                scanner.advance()
            } else {
                return
            }
        }
    }
}
