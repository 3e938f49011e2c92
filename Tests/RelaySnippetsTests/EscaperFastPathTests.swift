import RelaySnippets
import Testing

/// The escapers' byte-level paths for ASCII text give what their scalar rules give.
///
/// Text with a non-ASCII scalar takes the scalar path, so appending `é` (which every escaper
/// writes as itself) to ASCII text gives the scalar path's answer for it, to compare with the
/// byte path's answer for the text alone.
@Suite("Escapers, the ASCII fast paths")
struct EscaperFastPathTests {
    /// Every ASCII byte alone, every pair of a few hard ones, and strings drawn from all 128.
    static let inputs: [String] = {
        let bytes = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
        let hard = ["'", "\"", "\\", "\n", "\r", "\t", "\0", "\u{7F}", "\u{1B}", "$", "`", "a", " "]
        var inputs = [""] + bytes + hard.flatMap { first in hard.map { first + $0 } }
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let length = Int.random(in: 0...40, using: &generator)
            inputs.append(String((0..<length).map { _ in bytes.randomElement(using: &generator)! }.joined()))
        }
        inputs.append("sk-bench-'\"\\x")
        return inputs
    }()

    static let literals: [(name: String, escape: @Sendable (String) -> String)] = [
        ("python", PythonLiteral.string), ("swift", SwiftLiteral.string), ("javascript", JavaScriptLiteral.string),
        ("go", GoLiteral.string), ("java", JavaLiteral.string), ("json", JSONLiteral.string),
        ("toml", TOMLLiteral.string),
    ]

    @Test("double-quoted literals", arguments: literals.map(\.name))
    func doubleQuoted(language: String) {
        let escape = Self.literals.first { $0.name == language }!.escape
        for input in Self.inputs {
            let fast = escape(input)
            let scalar = escape(input + "é")
            #expect(fast.hasPrefix("\"") && fast.hasSuffix("\""))
            #expect(String(fast.dropLast()) + "é\"" == scalar, "\(language): \(input.debugDescription)")
        }
    }

    @Test("text inside single quotes, and printable text")
    func shellAndPrintable() {
        for input in Self.inputs {
            #expect(ShellQuoting.insideSingleQuotes(input) + "é" == ShellQuoting.insideSingleQuotes(input + "é"))
            #expect(CodeText.printable(input) + "é" == CodeText.printable(input + "é"))
        }
        #expect(ShellQuoting.insideSingleQuotes("a'b") == "a'\\''b")
        #expect(ShellQuoting.insideSingleQuotes("'\u{301}") == "'\\''\u{301}")
        #expect(CodeText.printable("a\u{7}b") == "a\u{FFFD}b")
    }
}

/// A small deterministic generator (SplitMix64), so a failure names the same input every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
