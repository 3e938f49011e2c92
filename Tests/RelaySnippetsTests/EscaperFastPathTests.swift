import PropertyBased
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
    static func inputs() async -> [String] {
        let bytes = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
        let hard = ["'", "\"", "\\", "\n", "\r", "\t", "\0", "\u{7F}", "\u{1B}", "$", "`", "a", " "]
        let batch = EscaperPropertyTests.Batch()
        await propertyCheck(
            count: 300, input: Gen<UInt32>.value(in: 0...0x7F).map { String(Unicode.Scalar($0)!) }.array(of: 0...40)
        ) { pieces in
            batch.inputs.append(pieces.joined())
        }
        return [""] + bytes + hard.flatMap { first in hard.map { first + $0 } } + batch.inputs + ["sk-bench-'\"\\x"]
    }

    static let literals: [(name: String, escape: @Sendable (String) -> String)] = [
        ("python", PythonLiteral.string), ("swift", SwiftLiteral.string), ("javascript", JavaScriptLiteral.string),
        ("go", GoLiteral.string), ("java", JavaLiteral.string), ("json", JSONLiteral.string),
        ("toml", TOMLLiteral.string),
    ]

    @Test("double-quoted literals", arguments: literals.map(\.name))
    func doubleQuoted(language: String) async {
        let escape = Self.literals.first { $0.name == language }!.escape
        for input in await Self.inputs() {
            let fast = escape(input)
            let scalar = escape(input + "é")
            #expect(fast.hasPrefix("\"") && fast.hasSuffix("\""))
            #expect(String(fast.dropLast()) + "é\"" == scalar, "\(language): \(input.debugDescription)")
        }
    }

    @Test("text inside single quotes, and printable text")
    func shellAndPrintable() async {
        for input in await Self.inputs() {
            #expect(ShellQuoting.insideSingleQuotes(input) + "é" == ShellQuoting.insideSingleQuotes(input + "é"))
            #expect(CodeText.printable(input) + "é" == CodeText.printable(input + "é"))
        }
        #expect(ShellQuoting.insideSingleQuotes("a'b") == "a'\\''b")
        #expect(ShellQuoting.insideSingleQuotes("'\u{301}") == "'\\''\u{301}")
        #expect(CodeText.printable("a\u{7}b") == "a\u{FFFD}b")
    }
}
