/// Python: strings with their prefixes, comments, numbers, keywords, `True`/`False`/`None`,
/// builtins and decorators.
enum PythonLexer {
    static let words = WordTable([
        (
            .keyword,
            [
                "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
                "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
                "or", "pass", "raise", "return", "try", "while", "with", "yield",
            ]
        ),
        (.literal, ["True", "False", "None"]),
        (
            .builtin,
            [
                "abs", "all", "any", "bool", "bytearray", "bytes", "callable", "chr", "dict", "dir", "divmod",
                "enumerate", "filter", "float", "format", "frozenset", "getattr", "hasattr", "hash", "id", "input",
                "int", "isinstance", "issubclass", "iter", "len", "list", "map", "max", "min", "next", "object",
                "open", "ord", "print", "range", "repr", "reversed", "round", "set", "setattr", "sorted", "str",
                "sum", "super", "tuple", "type", "vars", "zip", "Exception", "KeyError", "OSError", "RuntimeError",
                "StopIteration", "TypeError", "ValueError",
            ]
        ),
    ])

    /// Marks the tokens of Python code. One pass; each byte is read at most twice.
    static func highlight(_ scanner: inout HighlightScanner) {
        while let byte = scanner.current {
            let start = scanner.position
            switch byte {
            case ASCII.hash:
                scanner.advanceToLineEnd()
                scanner.mark(.comment, from: start)
            case ASCII.singleQuote, ASCII.doubleQuote:
                scanString(&scanner)
                scanner.mark(.string, from: start)
            case ASCII.at
            where scanner.peek().map(ASCII.isIdentifierStart) == true && isFirstOnLine(start, in: scanner):
                scanDecorator(&scanner)
                scanner.mark(.attribute, from: start)
            case _ where ASCII.isDigit(byte) || (byte == ASCII.dot && scanner.peek().map(ASCII.isDigit) == true):
                scanNumber(&scanner)
                scanner.mark(.number, from: start)
            case _ where ASCII.isIdentifierStart(byte):
                scanner.advance(while: ASCII.isIdentifierContinuation)
                if isStringPrefix(start..<scanner.position, in: scanner.bytes),
                    let next = scanner.current, next == ASCII.singleQuote || next == ASCII.doubleQuote
                {
                    scanString(&scanner)
                    scanner.mark(.string, from: start)
                } else if scanner.byte(at: start - 1) != ASCII.dot,
                    let kind = words.kind(of: start..<scanner.position, in: scanner.bytes)
                {
                    scanner.mark(kind, from: start)
                }
            default:
                scanner.advance()
            }
        }
    }

    /// Whether `range` is a string prefix (`r`, `b`, `f`, `u`, `t`, `rb`, `Rb`, `fr`, …).
    private static func isStringPrefix(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        guard range.count <= 2 else { return false }
        return bytes[range].allSatisfy { byte in
            switch byte | 0x20 {
            case UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "u"), UInt8(ascii: "t"): true
            default: false
            }
        }
    }

    /// Moves past a string from its opening quote: `'…'`, `"…"`, `'''…'''` or `"""…"""`.
    /// A backslash always keeps the next byte in the string (in raw strings too, where `\"` does not
    /// end the string either). An unterminated string runs to the end.
    private static func scanString(_ scanner: inout HighlightScanner) {
        guard let quote = scanner.current else { return }
        let isTriple = scanner.peek(1) == quote && scanner.peek(2) == quote
        scanner.advance(by: isTriple ? 3 : 1)
        while let byte = scanner.current {
            if byte == ASCII.backslash {
                scanner.advance(by: 2)
            } else if byte == quote && (!isTriple || (scanner.peek(1) == quote && scanner.peek(2) == quote)) {
                scanner.advance(by: isTriple ? 3 : 1)
                return
            } else {
                scanner.advance()
            }
        }
    }

    /// Moves past a decorator name: `@` and a dotted name (`@app.route`).
    private static func scanDecorator(_ scanner: inout HighlightScanner) {
        scanner.advance()
        scanner.advance(while: ASCII.isIdentifierContinuation)
        while scanner.current == ASCII.dot, scanner.peek().map(ASCII.isIdentifierStart) == true {
            scanner.advance()
            scanner.advance(while: ASCII.isIdentifierContinuation)
        }
    }

    /// Moves past a number: `42`, `1_000`, `0x1F`, `3.14`, `.5`, `1e-3`, `2j`.
    private static func scanNumber(_ scanner: inout HighlightScanner) {
        let start = scanner.position
        let isHex = scanner.current == ASCII.zero && (scanner.peek() ?? 0) | 0x20 == UInt8(ascii: "x")
        while let byte = scanner.current {
            if ASCII.isWordByte(byte) || byte == ASCII.dot {
                scanner.advance()
            } else if (byte == ASCII.plus || byte == ASCII.minus) && !isHex && scanner.position > start,
                let previous = scanner.byte(at: scanner.position - 1), previous | 0x20 == UInt8(ascii: "e")
            {
                scanner.advance()
            } else {
                return
            }
        }
    }

    /// Whether only spaces and tabs come before `index` on its line.
    /// Reads back over the blanks just before `index` only, so the whole pass stays linear.
    private static func isFirstOnLine(_ index: Int, in scanner: HighlightScanner) -> Bool {
        var before = index - 1
        while let byte = scanner.byte(at: before), byte == ASCII.space || byte == ASCII.tab {
            before -= 1
        }
        guard let byte = scanner.byte(at: before) else { return true }
        return byte == ASCII.newline || byte == ASCII.carriageReturn
    }
}
