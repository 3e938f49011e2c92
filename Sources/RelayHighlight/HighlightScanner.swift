/// The kinds of token the lexers mark, each written as one `<span>` with its class.
enum TokenKind: Sendable {
    case keyword
    case string
    case comment
    case number
    case literal
    case builtin
    case attribute
    case variable
    case option
    case property

    /// The opening tag of the token's span.
    var openingTag: StaticString {
        switch self {
        case .keyword: "<span class=\"hl-keyword\">"
        case .string: "<span class=\"hl-string\">"
        case .comment: "<span class=\"hl-comment\">"
        case .number: "<span class=\"hl-number\">"
        case .literal: "<span class=\"hl-literal\">"
        case .builtin: "<span class=\"hl-builtin\">"
        case .attribute: "<span class=\"hl-attribute\">"
        case .variable: "<span class=\"hl-variable\">"
        case .option: "<span class=\"hl-option\">"
        case .property: "<span class=\"hl-property\">"
        }
    }
}

/// A cursor over the UTF-8 bytes of the code that writes the HTML as the lexer marks tokens.
///
/// Every byte of syntax the lexers look for is ASCII, and in UTF-8 an ASCII byte never occurs inside
/// the encoding of another scalar, so lexing bytes is lexing scalars: a quote followed by a combining
/// mark is two tokens' worth of bytes, never one `Character`.
///
/// The lexer only moves `position` forward and calls `mark(_:from:to:)` for each token, in order; the
/// scanner writes the text between tokens itself. So no byte is ever lost, repeated or reordered, whatever
/// the lexer does, and spans are never nested. Tokens begin at an ASCII byte and end before an ASCII byte
/// or at the end, so a span never splits the bytes of one scalar.
///
/// Complexity: each byte is read a bounded number of times and written once, so highlighting is O(n)
/// time and memory in the length of the code; the output is one growing byte array.
struct HighlightScanner {
    /// The code as UTF-8.
    let bytes: [UInt8]
    /// The index of the next byte to read.
    var position = 0
    /// The bytes before this index are already in `output`.
    private var written = 0
    private var output: [UInt8] = []

    init(_ code: String) {
        bytes = Array(code.utf8)
        output.reserveCapacity(bytes.count + bytes.count / 2 + 64)
    }

    /// The byte at `position`, or nil at the end.
    var current: UInt8? { byte(at: position) }

    /// The byte `offset` bytes after `position`, or nil past the end.
    func peek(_ offset: Int = 1) -> UInt8? { byte(at: position + offset) }

    /// The byte at `index`, or nil outside the code.
    func byte(at index: Int) -> UInt8? {
        index >= 0 && index < bytes.count ? bytes[index] : nil
    }

    /// Moves `position` forward by `count` bytes, stopping at the end.
    mutating func advance(by count: Int = 1) {
        position = min(position + max(count, 0), bytes.count)
    }

    /// Moves `position` forward while the current byte satisfies `predicate`.
    mutating func advance(while predicate: (UInt8) -> Bool) {
        while position < bytes.count && predicate(bytes[position]) {
            position += 1
        }
    }

    /// Moves `position` to the end of the line: the next `\n` or `\r`, or the end of the code.
    mutating func advanceToLineEnd() {
        advance { $0 != ASCII.newline && $0 != ASCII.carriageReturn }
    }

    /// The number of consecutive `byte`s starting at `index`.
    func run(of byte: UInt8, at index: Int) -> Int {
        var end = max(index, 0)
        while end < bytes.count && bytes[end] == byte {
            end += 1
        }
        return end - max(index, 0)
    }

    /// Whether `count` consecutive `byte`s start at `index`; reads at most `count` bytes.
    func hasRun(of byte: UInt8, count: Int, at index: Int) -> Bool {
        guard index >= 0, index + count <= bytes.count else { return false }
        var offset = 0
        while offset < count {
            if bytes[index + offset] != byte { return false }
            offset += 1
        }
        return true
    }

    /// Marks the bytes from `start` up to `position` as a token of `kind`.
    mutating func mark(_ kind: TokenKind, from start: Int) {
        mark(kind, from: start, to: position)
    }

    /// Marks the bytes `start..<end` as a token of `kind`.
    ///
    /// Tokens must be marked in order; a range that is empty or overlaps text already written is cut
    /// to what is left, so a lexer mistake costs a span, never a byte.
    mutating func mark(_ kind: TokenKind, from start: Int, to end: Int) {
        let start = max(start, written)
        let end = min(end, bytes.count)
        guard start < end else { return }
        HTMLText.appendEscaped(bytes[written..<start], to: &output)
        HTMLText.append(kind.openingTag, to: &output)
        HTMLText.appendEscaped(bytes[start..<end], to: &output)
        HTMLText.append("</span>", to: &output)
        written = end
    }

    /// The HTML: the marked tokens in spans, the rest escaped.
    mutating func finish() -> String {
        HTMLText.appendEscaped(bytes[written...], to: &output)
        written = bytes.count
        return String(decoding: output, as: UTF8.self)
    }
}

/// Writing HTML text as UTF-8 bytes.
enum HTMLText {
    /// Appends `text` with `&`, `<`, `>`, `"` and `'` replaced by character references; every other
    /// byte is copied as is.
    static func appendEscaped(_ text: ArraySlice<UInt8>, to output: inout [UInt8]) {
        for byte in text {
            switch byte {
            case ASCII.ampersand: append("&amp;", to: &output)
            case ASCII.lessThan: append("&lt;", to: &output)
            case ASCII.greaterThan: append("&gt;", to: &output)
            case ASCII.doubleQuote: append("&quot;", to: &output)
            case ASCII.singleQuote: append("&#39;", to: &output)
            default: output.append(byte)
            }
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    static func append(_ text: StaticString, to output: inout [UInt8]) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }
}

/// Words a lexer marks, each with its kind, looked up without copying the bytes.
struct WordTable: Sendable {
    private let kinds: [ArraySlice<UInt8>: TokenKind]
    private let longest: Int

    /// A table of `words`: every word of each list gets the list's kind; a later list wins.
    init(_ words: [(TokenKind, [String])]) {
        var kinds: [ArraySlice<UInt8>: TokenKind] = [:]
        for (kind, list) in words {
            for word in list {
                kinds[ArraySlice(word.utf8)] = kind
            }
        }
        self.kinds = kinds
        longest = kinds.keys.map(\.count).max() ?? 0
    }

    /// The kind of the word made of `bytes[range]`, or nil when the table does not list it.
    func kind(of range: Range<Int>, in bytes: [UInt8]) -> TokenKind? {
        guard range.count <= longest, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        return kinds[bytes[range]]
    }
}

/// ASCII bytes and classes of bytes the lexers use.
enum ASCII {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let exclamation = UInt8(ascii: "!")
    static let doubleQuote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let dollar = UInt8(ascii: "$")
    static let ampersand = UInt8(ascii: "&")
    static let singleQuote = UInt8(ascii: "'")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let asterisk = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let zero = UInt8(ascii: "0")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let lessThan = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let greaterThan = UInt8(ascii: ">")
    static let question = UInt8(ascii: "?")
    static let at = UInt8(ascii: "@")
    static let backslash = UInt8(ascii: "\\")
    static let underscore = UInt8(ascii: "_")
    static let backtick = UInt8(ascii: "`")
    static let openBrace = UInt8(ascii: "{")
    static let pipe = UInt8(ascii: "|")
    static let closeBrace = UInt8(ascii: "}")

    /// `0`–`9`.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `0`–`9`, `a`–`f`, `A`–`F`.
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    /// `a`–`z`, `A`–`Z`.
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// A letter, a digit or `_`.
    static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == underscore
    }

    /// A byte that can start an identifier in Python or Swift: a letter, `_`, or any byte of a
    /// non-ASCII scalar (whole scalars are consumed, since every such byte qualifies).
    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == underscore || byte >= 0x80
    }

    /// A byte that can continue an identifier in Python or Swift.
    static func isIdentifierContinuation(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    /// Space, tab, newline, carriage return, vertical tab or form feed.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= tab && byte <= carriageReturn)
    }
}
