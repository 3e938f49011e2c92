/// Reads highlighter output back: checks that it is well-formed, safe HTML made only of text,
/// character references and the highlighter's own spans, and recovers the code it shows.
enum HighlightedHTML {
    /// The span classes the highlighter may write.
    static let classes: Set<String> = [
        "hl-keyword", "hl-string", "hl-comment", "hl-number", "hl-literal", "hl-builtin", "hl-attribute",
        "hl-variable", "hl-option", "hl-property",
    ]

    /// Why an output is not what the highlighter must write.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// One span of the output: its class and the code it wraps.
    struct Token: Equatable, CustomStringConvertible {
        let kind: String
        let text: String
        var description: String { "\(kind)(\(text.debugDescription))" }
    }

    /// The HTML without its tags: every byte from a `<` to the next `>` removed.
    static func removingTags(_ html: String) -> String {
        var text: [UInt8] = []
        var isInTag = false
        for byte in html.utf8 {
            if byte == UInt8(ascii: "<") {
                isInTag = true
            } else if byte == UInt8(ascii: ">") && isInTag {
                isInTag = false
            } else if !isInTag {
                text.append(byte)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The code the HTML shows and the tokens in it, in order.
    ///
    /// Works on bytes: every `<` must open `<span class="hl-…">` with a known class while no span is open,
    /// or be `</span>` closing the open one; every `&` must start one of the five references the
    /// highlighter writes; `>`, `"` and `'` never appear outside a tag; every span is closed at the end
    /// and none is empty.
    static func decode(_ html: String) throws(Problem) -> (code: String, tokens: [Token]) {
        let bytes = Array(html.utf8)
        var code: [UInt8] = []
        var tokens: [Token] = []
        var openSpan: (kind: String, start: Int)?
        var index = 0
        func starts(with text: String, at index: Int) -> Bool {
            let pattern = Array(text.utf8)
            return index + pattern.count <= bytes.count && Array(bytes[index..<index + pattern.count]) == pattern
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"):
                if starts(with: "</span>", at: index) {
                    guard let span = openSpan else { throw Problem(description: "</span> at \(index) closes nothing") }
                    guard code.count > span.start else { throw Problem(description: "empty span at \(index)") }
                    tokens.append(Token(kind: span.kind, text: String(decoding: code[span.start...], as: UTF8.self)))
                    openSpan = nil
                    index += 7
                } else if starts(with: "<span class=\"", at: index) {
                    guard openSpan == nil else { throw Problem(description: "nested span at \(index)") }
                    let nameStart = index + 13
                    guard let quote = bytes[nameStart...].firstIndex(of: UInt8(ascii: "\"")),
                        quote + 1 < bytes.count, bytes[quote + 1] == UInt8(ascii: ">")
                    else { throw Problem(description: "malformed span at \(index)") }
                    let kind = String(decoding: bytes[nameStart..<quote], as: UTF8.self)
                    guard classes.contains(kind) else { throw Problem(description: "unknown class \(kind)") }
                    openSpan = (kind, code.count)
                    index = quote + 2
                } else {
                    throw Problem(description: "raw < at \(index)")
                }
            case UInt8(ascii: "&"):
                let references: [(String, UInt8)] = [
                    ("&amp;", UInt8(ascii: "&")), ("&lt;", UInt8(ascii: "<")), ("&gt;", UInt8(ascii: ">")),
                    ("&quot;", UInt8(ascii: "\"")), ("&#39;", UInt8(ascii: "'")),
                ]
                guard let (reference, character) = references.first(where: { starts(with: $0.0, at: index) }) else {
                    throw Problem(description: "raw & at \(index)")
                }
                code.append(character)
                index += reference.utf8.count
            case UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                throw Problem(description: "raw \(UnicodeScalar(byte)) at \(index)")
            default:
                code.append(byte)
                index += 1
            }
        }
        if openSpan != nil { throw Problem(description: "unclosed span at the end") }
        return (String(decoding: code, as: UTF8.self), tokens)
    }
}

/// SplitMix64: a small seeded generator, so every run draws the same inputs.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Code made to break lexers: every language's delimiters and escapes, control and invisible
/// characters, combining marks after quotes, CJK, emoji and random scalars.
enum HostileCode {
    static let pieces = [
        "'", "\"", "\\", "`", "$", "$(", "$((", ")", "(", "${", "}", "${HOME}", "$HOME", "$1", "$'", "\\(", "\\(x)",
        "\"\"\"", "'''", "#", "##", "#\"", "\"#", "#\"\"\"", "\"\"\"#", "\\#(", "#if", "#endif", "@", "@Sendable",
        "//", "/*", "*/", "/", "*", "\n", "\r", "\r\n", "\t", " ", "  ", "\0", "\u{7}", "\u{1B}[31m", "\u{7F}",
        "\u{85}", "\u{A0}", "\u{2028}", "\u{202E}", "\u{200B}", "\u{FEFF}", "你好", "🙂", "👩‍👩‍👧", "é", "e\u{301}",
        "'\u{301}", "\"\u{301}", "\\\u{301}", "#\u{301}", "$\u{301}", "-\u{301}", "\0\u{301}", "&", "&amp;", "<",
        ">", "<script>", "-", "--", "-H", "--data", ":", ",", "{", "[", "]", "=", ";", "|", "&&", ".", "..", "0",
        "42", "1.5e-3", "0x1F", "-1", "True", "None", "true", "false", "null", "nil", "print", "def", "if", "in",
        "let", "import", "String", "r", "rb", "f", "b", "u", "'\\''", "x", "`${", "/x/g", "/[/]/", "@Override",
        "func", "package", "const", "undefined", "\\u0022",
    ]

    /// A string of up to `maxPieces` pieces, each a hostile piece, a random scalar or a random ASCII scalar.
    static func make(using generator: inout SeededGenerator, maxPieces: Int = 24) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &generator) {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0..<3:
                text += pieces.randomElement(using: &generator)!
            case 3..<5:
                text.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &generator)))
            default:
                let value = UInt32.random(in: 0...0x10FFFF, using: &generator)
                text.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
        }
        return text
    }
}
