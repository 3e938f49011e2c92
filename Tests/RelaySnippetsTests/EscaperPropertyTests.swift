import Foundation
import PropertyBased
import RelayCatalog
import RelaySnippets
import RelayVerify
import Testing

/// Strings made to break literals: quotes, backslashes, interpolation and substitution syntax,
/// control and invisible characters, line separators, CJK, emoji and random code points.
let hostileStrings = Gen.frequency(
    (weight: 3, gen: Gen.element(of: hostilePieces).map { $0 ?? "" }),
    (weight: 2, gen: Gen<UInt32>.value(in: 0...0x10FFFF).map { String(Unicode.Scalar($0) ?? "\u{FFFD}") }),
    (weight: 1, gen: Gen<UInt32>.value(in: 0...0x7F).map { String(Unicode.Scalar($0)!) })
)
.array(of: 0...24)
.map { $0.joined() }

let hostilePieces = [
    "'", "\"", "\\", "`", "$", "$(id)", "${HOME}", "\\(", "\\(x)", "\"\"\"", "#", "#\"", "\"#", "'''", "\n", "\r",
    "\r\n", "\t", "\0", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{202E}",
    "\u{200B}", "\u{FEFF}", "\u{E000}", "你好", "🙂", "👩‍👩‍👧", "é", "e\u{301}", "%", "%2F", "{{x}}", "}}", "!", "*",
    " ", "-", "/", "?", "&", ";", "|", "<", ">", "\0\u{301}", "'\u{301}",
]

@Suite("Escapers, over arbitrary strings")
struct EscaperPropertyTests {
    static let count = 400

    /// Collects the strings one property check generates, for a check in one external run.
    final class Batch: @unchecked Sendable {
        var inputs: [String] = []
    }

    func generate(excludingNUL: Bool = false) async -> [String] {
        let batch = Batch()
        await propertyCheck(count: Self.count, input: hostileStrings) { text in
            batch.inputs.append(text)
        }
        // Always include the hardest cases, whatever the generator drew.
        let all = batch.inputs + hostilePieces + [hostilePieces.joined(), Fixtures.hostilePrompt, Fixtures.hostileKey]
        // Filter scalars, not characters: a NUL followed by a combining mark is one Character.
        return excludingNUL
            ? all.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0 != "\0" })) } : all
    }

    static func hex(_ text: String) -> String {
        text.utf8.map { String($0, radix: 16).leftPadded }.joined()
    }

    @Test("a Python literal evaluates back to the same string (one python3 run)")
    func pythonLiterals() async throws {
        let inputs = await generate()
        let folder = try TemporaryFolder()
        for input in inputs {
            let literal = PythonLiteral.string(input)
            #expect(!literal.contains("\n") && !literal.contains("\r"), "a literal must stay on one line")
        }
        let literals = try folder.write(
            inputs.map(PythonLiteral.string).joined(separator: "\n") + "\n", to: "literals.txt")
        let script = try folder.write(
            """
            import ast, sys
            for line in open(sys.argv[1], encoding="utf-8").read().split("\\n")[:-1]:
                node = ast.parse(line, mode="eval").body
                assert isinstance(node, ast.Constant) and isinstance(node.value, str), line
                print(node.value.encode("utf-8", "surrogatepass").hex())
            """, to: "eval.py")
        let result = try await ProgramRunner.run("python3", [script.path, literals.path])
        #expect(result.status == 0, "\(result.stderr)")
        let decoded = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(decoded == inputs.map(Self.hex))
    }

    @Test("text in single quotes and JSON in single quotes reach a program through bash byte for byte")
    func shellQuoting() async throws {
        let inputs = await generate(excludingNUL: true)  // no argument can carry a NUL byte
        let folder = try TemporaryFolder()
        var script = "args=()\n"
        for input in inputs {
            script += "args+=('\(ShellQuoting.insideSingleQuotes(input))')\n"
            script += "args+=('\(ShellQuoting.insideSingleQuotes(JSONLiteral.string(input)))')\n"
            script += "args+=(\(ShellQuoting.word(input)))\n"
        }
        script +=
            "exec python3 -c 'import os, sys\nfor a in sys.argv[1:]: print(os.fsencode(a).hex())' \"${args[@]}\"\n"
        let file = try folder.write(script, to: "quote.sh")
        let result = try await ProgramRunner.run("bash", [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let received = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(
            String.init)
        let expected = inputs.flatMap { [Self.hex($0), Self.hex(JSONLiteral.string($0)), Self.hex($0)] }
        #expect(received.count == expected.count)
        for (index, (got, want)) in zip(received, expected).enumerated() where got != want {
            Issue.record("argument \(index) of input \(inputs[index / 3].debugDescription) arrived changed")
            break
        }
    }

    @Test("a shell word needs no quotes only when it has no special character")
    func shellWords() {
        #expect(
            ShellQuoting.word("https://api.openai-proxy.org/v1/chat/completions")
                == "https://api.openai-proxy.org/v1/chat/completions")
        #expect(
            ShellQuoting.word("https://x/models/m:streamGenerateContent?alt=sse")
                == "'https://x/models/m:streamGenerateContent?alt=sse'")
        #expect(ShellQuoting.word("") == "''")
        #expect(ShellQuoting.word("a'b") == "'a'\\''b'")
        // A quote followed by a combining mark is one Character; it must still be escaped.
        #expect(ShellQuoting.insideSingleQuotes("'\u{301}$(id)") == "'\\''\u{301}$(id)")
    }

    @Test("a JSON string decodes back to the same string")
    func jsonStrings() async throws {
        let inputs = await generate()
        for input in inputs {
            let literal = JSONLiteral.string(input)
            let decoded = try JSONDecoder().decode(String.self, from: Data(literal.utf8))
            #expect(decoded == input, "\(literal)")
            #expect(
                !literal.unicodeScalars.contains { !CodeText.showsLiterally($0) },
                "\(literal) shows an invisible character")
        }
    }

    @Test("a Swift literal compiles and prints the same string (one swiftc run)")
    func swiftLiterals() async throws {
        let inputs = await generate()
        let folder = try TemporaryFolder()
        var source = "let values: [String] = [\n"
        for input in inputs {
            source += "    \(SwiftLiteral.string(input)),\n"
        }
        source += """
            ]
            for value in values {
                print(value.utf8.map { byte in
                    let digits = String(byte, radix: 16)
                    return digits.count == 1 ? "0" + digits : digits
                }.joined())
            }

            """
        let file = try folder.write(source, to: "main.swift")
        let binary = folder.url.appendingPathComponent("literals").path
        let compiled = try await ProgramRunner.run(
            "swiftc", ["-swift-version", "6", "-Onone", file.path, "-o", binary])
        #expect(compiled.status == 0, "\(compiled.stderr)")
        #expect(compiled.stderr.isEmpty, "warnings: \(compiled.stderr)")
        let result = try await ProgramRunner.run(binary, [])
        let printed = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(printed == inputs.map(Self.hex))
    }

    @Test("a path segment decodes back and holds only unreserved characters, @ and escapes")
    func pathSegments() async throws {
        let inputs = await generate()
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~@%")
        #expect(PathSegment.encode("claude-sonnet-4@20250514") == "claude-sonnet-4@20250514")
        #expect(PathSegment.encode("a/b?c#d:e") == "a%2Fb%3Fc%23d%3Ae")
        for input in inputs {
            let segment = PathSegment.encode(input)
            #expect(segment.allSatisfy(allowed.contains), "\(segment)")
            #expect(Self.percentDecoded(segment) == input)
            #expect(segment != "." && segment != "..")
        }
    }

    /// Percent-decoding by hand: Foundation's `removingPercentEncoding` drops a leading U+FEFF.
    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var position = 0
        while position < utf8.count {
            if utf8[position] == UInt8(ascii: "%"), position + 2 < utf8.count,
                let byte = UInt8(String(decoding: utf8[position + 1...position + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                position += 3
            } else {
                bytes.append(utf8[position])
                position += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func commentsStayOnOneLine() async {
        for input in await generate() {
            let comment = CodeText.printable(input)
            #expect(!comment.contains("\n") && !comment.contains("\r") && !comment.contains("\u{2028}"))
        }
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
