/// Swift: string literals (single-line, `"""` multi-line and `#"…"#` raw, each with its
/// interpolations as one span), nested comments, numbers, keywords, `true`/`false`/`nil`, a few
/// well-known types and functions, attributes (`@Sendable`) and directives (`#if`, `#available`).
/// Regex literals are not recognised.
enum SwiftLexer {
    static let words = WordTable([
        (
            .keyword,
            [
                "actor", "any", "as", "associatedtype", "async", "await", "borrowing", "break", "case", "catch",
                "class", "consuming", "continue", "convenience", "default", "defer", "deinit", "didSet", "do",
                "dynamic", "else", "enum", "extension", "fallthrough", "fileprivate", "final", "for", "func", "guard",
                "if", "import", "in", "indirect", "init", "inout", "internal", "is", "isolated", "lazy", "let",
                "macro", "mutating", "nonisolated", "nonmutating", "operator", "override", "package",
                "precedencegroup", "private", "protocol", "public", "repeat", "required", "rethrows", "return",
                "self", "Self", "sending", "some", "static", "struct", "subscript", "super", "switch", "throw",
                "throws", "try", "typealias", "unowned", "var", "weak", "where", "while", "willSet",
            ]
        ),
        (.literal, ["true", "false", "nil"]),
        (
            .builtin,
            [
                "Any", "AnyObject", "Array", "Bool", "Character", "Codable", "Data", "Date", "Decodable",
                "Dictionary", "Double", "Encodable", "Error", "FileHandle", "Float", "HTTPURLResponse", "Int",
                "JSONDecoder", "JSONEncoder", "JSONSerialization", "Never", "Optional", "ProcessInfo", "Result",
                "Sendable", "Set", "String", "Substring", "Task", "UInt8", "URL", "URLComponents", "URLQueryItem",
                "URLRequest", "URLResponse", "URLSession", "Void", "assert", "debugPrint", "fatalError", "precondition",
                "print",
            ]
        ),
    ])

    /// Marks the tokens of Swift code. One pass; each byte is read at most twice.
    static func highlight(_ scanner: inout HighlightScanner) {
        while let byte = scanner.current {
            let start = scanner.position
            switch byte {
            case ASCII.slash where scanner.peek() == ASCII.slash:
                scanner.advanceToLineEnd()
                scanner.mark(.comment, from: start)
            case ASCII.slash where scanner.peek() == ASCII.asterisk:
                scanBlockComment(&scanner)
                scanner.mark(.comment, from: start)
            case ASCII.doubleQuote:
                scanStringLiteral(&scanner)
                scanner.mark(.string, from: start)
            case ASCII.hash:
                let hashes = scanner.run(of: ASCII.hash, at: start)
                if scanner.byte(at: start + hashes) == ASCII.doubleQuote {
                    scanStringLiteral(&scanner)
                    scanner.mark(.string, from: start)
                } else if hashes == 1, scanner.peek().map(ASCII.isIdentifierStart) == true {
                    scanner.advance()
                    scanner.advance(while: ASCII.isIdentifierContinuation)
                    scanner.mark(.attribute, from: start)
                } else {
                    // Past the whole run, so a long run of `#` is counted once.
                    scanner.advance(by: hashes)
                }
            case ASCII.at where scanner.peek().map(ASCII.isIdentifierStart) == true:
                scanner.advance()
                scanner.advance(while: ASCII.isIdentifierContinuation)
                scanner.mark(.attribute, from: start)
            case ASCII.backtick:
                // An escaped identifier such as `default`: plain text, never a keyword.
                scanner.advance()
                scanner.advance { $0 != ASCII.backtick && $0 != ASCII.newline && $0 != ASCII.carriageReturn }
                if scanner.current == ASCII.backtick { scanner.advance() }
            case ASCII.dollar:
                // `$0`, `$value`: identifiers.
                scanner.advance()
                scanner.advance(while: ASCII.isIdentifierContinuation)
            case _ where ASCII.isDigit(byte):
                scanNumber(&scanner)
                scanner.mark(.number, from: start)
            case _ where ASCII.isIdentifierStart(byte):
                scanner.advance(while: ASCII.isIdentifierContinuation)
                if !isMember(start, in: scanner), let kind = words.kind(of: start..<scanner.position, in: scanner.bytes)
                {
                    scanner.mark(kind, from: start)
                }
            default:
                scanner.advance()
            }
        }
    }

    /// Whether the identifier at `index` follows a single `.` (`request.default`, `.init`), where a
    /// keyword is a member name; `1...max` is a range, not a member.
    private static func isMember(_ index: Int, in scanner: HighlightScanner) -> Bool {
        scanner.byte(at: index - 1) == ASCII.dot && scanner.byte(at: index - 2) != ASCII.dot
    }

    /// Moves past a `/* … */` comment, counting nested comments. An unterminated comment runs to the end.
    private static func scanBlockComment(_ scanner: inout HighlightScanner) {
        var depth = 0
        while let byte = scanner.current {
            if byte == ASCII.slash && scanner.peek() == ASCII.asterisk {
                depth += 1
                scanner.advance(by: 2)
            } else if byte == ASCII.asterisk && scanner.peek() == ASCII.slash {
                depth -= 1
                scanner.advance(by: 2)
                if depth == 0 { return }
            } else {
                scanner.advance()
            }
        }
    }

    /// What the string scanner is inside of.
    private enum Frame {
        /// A string literal delimited by `hashes` `#`s, multi-line (`"""`) or not.
        case literal(hashes: Int, isMultiline: Bool)
        /// A `\(…)` interpolation; `depth` counts the parentheses opened inside it and not yet closed.
        case interpolation(depth: Int)
    }

    /// Moves past a string literal from its first `#` or `"`, with the literals nested in its
    /// interpolations. An explicit stack, not recursion, so deep nesting cannot overflow the call stack.
    /// An unterminated literal runs to the end.
    private static func scanStringLiteral(_ scanner: inout HighlightScanner) {
        var frames = [openLiteral(&scanner)]
        while let byte = scanner.current, let frame = frames.last {
            switch frame {
            case .literal(let hashes, let isMultiline):
                if byte == ASCII.backslash {
                    let afterHashes = scanner.position + 1 + hashes
                    guard scanner.hasRun(of: ASCII.hash, count: hashes, at: scanner.position + 1) else {
                        scanner.advance()  // `\` in a raw string with too few `#`: just text.
                        continue
                    }
                    if scanner.byte(at: afterHashes) == ASCII.openParen {
                        scanner.position = afterHashes + 1
                        frames.append(.interpolation(depth: 0))
                    } else {
                        scanner.advance(by: 1 + hashes + 1)  // An escaped character.
                    }
                } else if byte == ASCII.doubleQuote {
                    let quotes = isMultiline ? 3 : 1
                    if scanner.hasRun(of: ASCII.doubleQuote, count: quotes, at: scanner.position),
                        scanner.hasRun(of: ASCII.hash, count: hashes, at: scanner.position + quotes)
                    {
                        scanner.advance(by: quotes + hashes)
                        frames.removeLast()
                    } else {
                        scanner.advance()
                    }
                } else {
                    scanner.advance()
                }
            case .interpolation(let depth):
                if byte == ASCII.openParen {
                    frames[frames.count - 1] = .interpolation(depth: depth + 1)
                    scanner.advance()
                } else if byte == ASCII.closeParen {
                    frames[frames.count - 1] = .interpolation(depth: depth - 1)
                    if depth == 0 { frames.removeLast() }
                    scanner.advance()
                } else if byte == ASCII.doubleQuote {
                    frames.append(openLiteral(&scanner))
                } else if byte == ASCII.hash {
                    let hashes = scanner.run(of: ASCII.hash, at: scanner.position)
                    if scanner.byte(at: scanner.position + hashes) == ASCII.doubleQuote {
                        frames.append(openLiteral(&scanner))
                    } else {
                        scanner.advance(by: hashes)
                    }
                } else {
                    scanner.advance()
                }
            }
        }
    }

    /// Moves past the opening delimiter of a literal (`"`, `"""`, `#"`, `##"""`, …) and returns its frame.
    private static func openLiteral(_ scanner: inout HighlightScanner) -> Frame {
        let hashes = scanner.run(of: ASCII.hash, at: scanner.position)
        scanner.advance(by: hashes)
        let isMultiline = scanner.hasRun(of: ASCII.doubleQuote, count: 3, at: scanner.position)
        scanner.advance(by: isMultiline ? 3 : 1)
        return .literal(hashes: hashes, isMultiline: isMultiline)
    }

    /// Moves past a number: `42`, `1_000`, `0xFF`, `3.14`, `1e-3`, `0x1p-4`. A `.` belongs to the number
    /// only before a digit, so `0..<n` and `1...5` stay ranges.
    private static func scanNumber(_ scanner: inout HighlightScanner) {
        let start = scanner.position
        let isHex = scanner.current == ASCII.zero && (scanner.peek() ?? 0) | 0x20 == UInt8(ascii: "x")
        let exponent = isHex ? UInt8(ascii: "p") : UInt8(ascii: "e")
        let isDigit = isHex ? ASCII.isHexDigit : ASCII.isDigit
        while let byte = scanner.current {
            if ASCII.isWordByte(byte) {
                scanner.advance()
            } else if byte == ASCII.dot, scanner.peek().map(isDigit) == true {
                scanner.advance()
            } else if byte == ASCII.plus || byte == ASCII.minus, scanner.position > start,
                let previous = scanner.byte(at: scanner.position - 1), previous | 0x20 == exponent
            {
                scanner.advance()
            } else {
                return
            }
        }
    }
}
