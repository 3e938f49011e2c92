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
    " ", "-", "/", "?", "&", ";", "|", "<", ">", "\0\u{301}", "'\u{301}", "\\u0022", "\\u000a", "\\\\u005c",
    "\\uuu000D", "*/", "/*", "`${x}`", "</script>", "\u{1}7", "\u{0}0",
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

    /// The lines a run printed, without the last newline.
    static func lines(_ output: String) -> [String] {
        output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test("a JavaScript literal evaluates back to the same string in an ES module (one node run)")
    func javaScriptLiterals() async throws {
        let inputs = await generate()
        let folder = try TemporaryFolder()
        var source = "const values = [\n"
        for input in inputs {
            let literal = JavaScriptLiteral.string(input)
            #expect(
                !literal.unicodeScalars.contains { ["\n", "\r", "\u{2028}", "\u{2029}"].contains($0) },
                "a literal must stay on one line, in old engines too: \(literal)")
            source += "  \(literal),\n"
        }
        source += "];\nfor (const value of values) console.log(Buffer.from(value, \"utf8\").toString(\"hex\"));\n"
        let file = try folder.write(source, to: "literals.mjs")
        let result = try await ProgramRunner.run("node", [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.lines(result.stdout) == inputs.map(Self.hex))
    }

    @Test("a Go literal compiles to the same bytes (one go run)")
    func goLiterals() async throws {
        let inputs = await generate()
        let folder = try TemporaryFolder()
        var source = "package main\n\nimport (\n\t\"encoding/hex\"\n\t\"fmt\"\n)\n\nvar values = []string{\n"
        for input in inputs {
            let literal = GoLiteral.string(input)
            #expect(literal.unicodeScalars.first == "\"" && !literal.contains("\n"), "\(literal)")
            source += "\t\(literal),\n"
        }
        source +=
            "}\n\nfunc main() {\n\tfor _, value := range values {\n\t\tfmt.Println(hex.EncodeToString([]byte(value)))\n\t}\n}\n"
        let file = try folder.write(source, to: "main.go")
        let result = try await ProgramRunner.run("go", ["run", file.path], directory: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.lines(result.stdout) == inputs.map(Self.hex))
    }

    /// Runs a Java program as the snippets are run: the source launcher, in the C locale, with the
    /// snippets' -Dfile.encoding=UTF-8.
    static func runJava(_ source: String, in folder: TemporaryFolder) async throws -> ProgramResult {
        let file = try folder.write(source, to: "Main.java")
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        return try await ProgramRunner.run(
            "java", ["-Dfile.encoding=UTF-8", file.path], directory: folder.url, environment: environment)
    }

    @Test("a Java literal evaluates back to the same string, whatever Unicode escapes it holds (one java run)")
    func javaLiterals() async throws {
        let inputs = await generate()
        let folder = try TemporaryFolder()
        var source = """
            import java.nio.charset.StandardCharsets;

            public class Main {
                public static void main(String[] args) {
                    String[] values = {

            """
        for input in inputs {
            let literal = JavaLiteral.string(input)
            #expect(!literal.contains("\n") && !literal.contains("\r"), "a literal must stay on one line")
            source += "            \(literal),\n"
        }
        source += """
                    };
                    for (String value : values) {
                        StringBuilder hex = new StringBuilder();
                        for (byte b : value.getBytes(StandardCharsets.UTF_8)) hex.append(String.format("%02x", b));
                        System.out.println(hex);
                    }
                }
            }

            """
        let result = try await Self.runJava(source, in: folder)
        #expect(result.status == 0, "\(result.stderr.prefix(2000))")
        #expect(Self.lines(result.stdout) == inputs.map(Self.hex))
    }

    /// A program with one `// comment` line per input, each followed by a statement that counts;
    /// it prints the count. A comment that smuggles in a line break turns its rest into code.
    static func commentProgram(_ comments: [String], language: String) -> String {
        let counted = comments.map { "// \($0)\ncount++;\n" }.joined()
        switch language {
        case "javascript": return "let count = 0;\n\(counted)console.log(count);\n"
        case "go":
            return "package main\n\nimport \"fmt\"\n\nfunc main() {\ncount := 0\n\(counted)fmt.Println(count)\n}\n"
        default:
            return
                "public class Main {\npublic static void main(String[] args) {\nint count = 0;\n\(counted)System.out.println(count);\n}\n}\n"
        }
    }

    @Test("comments stay comments in JavaScript, Go and Java (one run each), Java's with its own escaper")
    func commentsStayComments() async throws {
        let inputs = await generate()
        let folder = try TemporaryFolder()
        let script = try folder.write(
            Self.commentProgram(inputs.map(CodeText.printable), language: "javascript"), to: "comments.mjs")
        let node = try await ProgramRunner.run("node", [script.path])
        #expect(node.status == 0 && node.stdout == "\(inputs.count)\n", "\(node.stderr.prefix(1500))")
        let go = try folder.write(Self.commentProgram(inputs.map(CodeText.printable), language: "go"), to: "main.go")
        let built = try await ProgramRunner.run("go", ["run", go.path], directory: folder.url)
        #expect(built.status == 0 && built.stdout == "\(inputs.count)\n", "\(built.stderr.prefix(1500))")
        let java = try await Self.runJava(
            Self.commentProgram(inputs.map(JavaLiteral.comment), language: "java"), in: folder)
        #expect(java.status == 0 && java.stdout == "\(inputs.count)\n", "\(java.stderr.prefix(1500))")
    }

    @Test("the plain comment escaper is not enough for Java: a \\u000a in a comment ends it")
    func javaNeedsItsOwnCommentEscaper() async throws {
        let folder = try TemporaryFolder()
        let smuggled = "note \\u000a count++;"
        #expect(CodeText.printable(smuggled) == smuggled)
        #expect(JavaLiteral.comment(smuggled) == "note \\\\u000a count++;")
        let plain = try await Self.runJava(
            Self.commentProgram([CodeText.printable(smuggled)], language: "java"), in: folder)
        #expect(plain.stdout == "2\n", "the escape made the rest of the comment code: \(plain.stdout)")
        let escaped = try await Self.runJava(
            Self.commentProgram([JavaLiteral.comment(smuggled)], language: "java"), in: folder)
        #expect(escaped.stdout == "1\n", "\(escaped.stderr)")
    }

    @Test func javaLiteralsKeepUnicodeEscapesOutOfTheSource() {
        // Written as text, `\u0022` is six characters, not a quote: the backslash is doubled.
        #expect(JavaLiteral.string("\\u0022") == #""\\u0022""#)
        #expect(JavaLiteral.string("\u{7}1") == #""\0071""#)
        #expect(JavaLiteral.string("\u{2028}🙂\u{E0001}") == #""\u2028🙂\uDB40\uDC01""#)
        #expect(GoLiteral.string("`raw` \u{85}\u{7F}") == #""`raw` \u0085\x7F""#)
        #expect(JavaScriptLiteral.string("\u{2028}\u{0}1\u{E0001}") == #""\u2028\x001\u{E0001}""#)
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
