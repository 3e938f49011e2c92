import RelayHighlight
import Testing

/// Properties that hold for any code: the output is well-formed, safe HTML, and reading it back gives
/// the code byte for byte.
@Suite("Any input")
struct RoundTripTests {
    static let languages = ["python", "bash", "swift", "json", "javascript", "go", "java"]

    /// Generated hostile code, the hostile pieces alone, and all of them at once.
    static let inputs: [String] = {
        var generator = SeededGenerator(seed: 0x5EED_2025)
        var inputs = (0..<1500).map { _ in HostileCode.make(using: &generator) }
        inputs += (0..<100).map { _ in HostileCode.make(using: &generator, maxPieces: 400) }
        inputs += HostileCode.pieces
        inputs += [
            HostileCode.pieces.joined(), HostileCode.pieces.reversed().joined(),
            HostileCode.pieces.joined(separator: " "),
        ]
        return inputs
    }()

    /// Checks one output against its code; returns the first problem, if any.
    static func problem(code: String, language: String) -> String? {
        guard let html = SyntaxHighlighter.highlight(code, language: language) else { return "not supported" }
        let decoded: (code: String, tokens: [HighlightedHTML.Token])
        do {
            decoded = try HighlightedHTML.decode(html)
        } catch {
            return "\(error) in \(html.debugDescription)"
        }
        guard Array(decoded.code.utf8) == Array(code.utf8) else {
            return "gives back \(decoded.code.debugDescription)"
        }
        // Removing only the tags leaves exactly the escaped code.
        // Done on bytes: a tag's `>` followed by a combining mark is part of one Character.
        let untagged = HighlightedHTML.removingTags(html)
        guard Array(untagged.utf8) == Array(SyntaxHighlighter.escape(code).utf8) else {
            return "text outside tags is not escape(code)"
        }
        return nil
    }

    @Test(arguments: languages)
    func outputReadsBackAsTheCode(_ language: String) {
        for code in Self.inputs {
            if let problem = Self.problem(code: code, language: language) {
                Issue.record("\(language), \(code.debugDescription): \(problem)")
                return
            }
        }
    }

    @Test(arguments: languages)
    func everyPrefixReadsBack(_ language: String) {
        // Cutting code anywhere leaves unterminated strings, comments and substitutions of every kind.
        let code = HostileCode.pieces.joined()
        var prefix = ""
        for scalar in code.unicodeScalars {
            prefix.unicodeScalars.append(scalar)
            if let problem = Self.problem(code: prefix, language: language) {
                Issue.record("\(language), \(prefix.debugDescription): \(problem)")
                return
            }
        }
    }

    @Test func escapeReadsBack() throws {
        for code in Self.inputs {
            let decoded = try HighlightedHTML.decode(SyntaxHighlighter.escape(code))
            #expect(Array(decoded.code.utf8) == Array(code.utf8))
            #expect(decoded.tokens.isEmpty)
        }
    }

    @Test func quoteFollowedByCombiningMarkIsStillAQuote() throws {
        // `'\u{301}` is one Character; lexed by character it would not open a string.
        let python = try #require(SyntaxHighlighter.highlight("x = '\u{301}' + 1", language: "python"))
        #expect(python == "x = <span class=\"hl-string\">&#39;\u{301}&#39;</span> + <span class=\"hl-number\">1</span>")
        let bash = try #require(SyntaxHighlighter.highlight("echo \"\u{301}$A\"", language: "bash"))
        #expect(
            bash == "<span class=\"hl-builtin\">echo</span> <span class=\"hl-string\">&quot;\u{301}</span>"
                + "<span class=\"hl-variable\">$A</span><span class=\"hl-string\">&quot;</span>")
        let json = try #require(SyntaxHighlighter.highlight("{\"\u{301}\":1}", language: "json"))
        #expect(json == "{<span class=\"hl-property\">&quot;\u{301}&quot;</span>:<span class=\"hl-number\">1</span>}")
    }
}

/// Inputs built to make a careless lexer quadratic or overflow its stack; each must finish quickly.
@Suite("Large inputs")
struct LargeInputTests {
    static let size = 200_000

    static let cases: [(language: String, code: String)] = {
        func repeated(_ piece: String) -> String { String(repeating: piece, count: size / piece.utf8.count) }
        var cases: [(String, String)] = []
        for language in RoundTripTests.languages {
            for piece in ["#", "\"", "'", "\\", "@", " @", "-", "$(", "${", "(", ")", "/*", "\\(\"", "x", "1", "é🙂"] {
                cases.append((language, repeated(piece)))
            }
        }
        cases += [
            ("swift", "#\"\"\"" + repeated("\"")), ("swift", "##\"" + repeated("\"#")),
            ("swift", "#\"" + repeated("\\")),
            ("swift", "\"" + repeated("\\(\"")), ("swift", "\"" + repeated("\\(#\"")),
            ("python", "'''" + repeated("''")),
            ("bash", "\"" + repeated("$(\"")), ("bash", repeated("$((")), ("json", "\"k\"" + repeated(" ")),
            ("javascript", "`" + repeated("${`")), ("javascript", repeated("(/")), ("javascript", repeated("= /[")),
            ("javascript", "`${" + repeated("{")), ("java", "\"\"\"" + repeated("\\\"")), ("go", "`" + repeated("\\")),
        ]
        return cases
    }()

    @Test func finishQuickly() {
        let clock = ContinuousClock()
        for (language, code) in Self.cases {
            var html: String?
            let elapsed = clock.measure { html = SyntaxHighlighter.highlight(code, language: language) }
            #expect(elapsed < .seconds(5), "\(language), \(code.prefix(12).debugDescription)…: \(elapsed)")
            #expect(html?.isEmpty == false)
        }
    }

    @Test func largeRealisticCodeReadsBack() throws {
        let snippet = "curl -sS \"$BASE/v1\" -H 'Authorization: Bearer sk-x' -d '{\"model\": \"gpt-4o\"}' # 你好 🙂\n"
        let code = String(repeating: snippet, count: 5_000)
        let html = try #require(SyntaxHighlighter.highlight(code, language: "bash"))
        let decoded = try HighlightedHTML.decode(html)
        #expect(decoded.code == code)
        #expect(decoded.tokens.count == 5_000 * 9)
    }
}
