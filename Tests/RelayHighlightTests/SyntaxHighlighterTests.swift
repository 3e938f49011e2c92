import RelayHighlight
import Testing

/// `<span class="hl-kind">text</span>`, with `text` as written (already escaped).
private func span(_ kind: String, _ text: String) -> String {
    "<span class=\"hl-\(kind)\">\(text)</span>"
}

/// The tokens of highlighted code, as `kind(text)` with the text unescaped.
private func tokens(_ code: String, _ language: String) throws -> [String] {
    let html = try #require(SyntaxHighlighter.highlight(code, language: language))
    let decoded = try HighlightedHTML.decode(html)
    #expect(decoded.code == code)
    return decoded.tokens.map { "\($0.kind.dropFirst(3))(\($0.text))" }
}

@Suite("Languages and aliases")
struct LanguageTests {
    @Test(arguments: [
        "python", "py", "bash", "sh", "shell", "curl", "console", "swift", "json", "Python", "JSON", "javascript", "js",
        "mjs", "node", "JavaScript", "go", "golang", "java", "Java",
    ])
    func supported(_ language: String) {
        #expect(SyntaxHighlighter.supports(language))
        #expect(SyntaxHighlighter.highlight("x", language: language) != nil)
    }

    @Test(arguments: ["cobol", "", "pythonic", "ts", "jsx", "yaml", "text", " python", "zsh", "swift5", "javas", "gol"])
    func unsupported(_ language: String) {
        #expect(!SyntaxHighlighter.supports(language))
        #expect(SyntaxHighlighter.highlight("x", language: language) == nil)
    }

    @Test func aliasesHighlightAlike() {
        let shell = "curl -sS \"$URL\" # go"
        let expected = SyntaxHighlighter.highlight(shell, language: "bash")
        for alias in ["sh", "shell", "curl", "console"] {
            #expect(SyntaxHighlighter.highlight(shell, language: alias) == expected)
        }
        #expect(
            SyntaxHighlighter.highlight("def f(): pass", language: "py")
                == SyntaxHighlighter.highlight("def f(): pass", language: "python"))
    }
}

@Suite("Escaping")
struct EscapingTests {
    @Test func escapeWritesNoSpans() {
        #expect(
            SyntaxHighlighter.escape("a < b && c > \"d\" 'e'") == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;"
        )
        #expect(SyntaxHighlighter.escape("") == "")
        #expect(SyntaxHighlighter.escape("你好 🙂 e\u{301} '\u{301}") == "你好 🙂 e\u{301} &#39;\u{301}")
    }

    @Test(arguments: ["python", "bash", "swift", "json", "javascript", "go", "java"])
    func scriptTagsAreEscaped(_ language: String) throws {
        let code = "x = \"</span><script>alert('&')</script>\" <script>alert(1)</script> # <b>&amp;</b>"
        let html = try #require(SyntaxHighlighter.highlight(code, language: language))
        #expect(!html.contains("<script"))
        #expect(!html.contains("</script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("&amp;amp;"))
        #expect(try HighlightedHTML.decode(html).code == code)
    }

    @Test(arguments: ["python", "bash", "swift", "json", "javascript", "go", "java"])
    func emptyCodeIsEmptyHTML(_ language: String) {
        #expect(SyntaxHighlighter.highlight("", language: language) == "")
    }
}

@Suite("Python")
struct PythonTests {
    @Test func printAndComment() {
        #expect(
            SyntaxHighlighter.highlight("print(\"hi\")  # x", language: "python")
                == span("builtin", "print") + "(" + span("string", "&quot;hi&quot;") + ")  " + span("comment", "# x"))
    }

    @Test func keywordsLiteralsNumbersAndDecorators() {
        let code = "@app.route(\"/\")\ndef f(x=1.5e-3, y=None):\n    return 0x1F if True else len(x)"
        let expected =
            span("attribute", "@app.route") + "(" + span("string", "&quot;/&quot;") + ")\n"
            + span("keyword", "def") + " f(x=" + span("number", "1.5e-3") + ", y=" + span("literal", "None")
            + "):\n    "
            + span("keyword", "return") + " " + span("number", "0x1F") + " " + span("keyword", "if") + " "
            + span("literal", "True") + " " + span("keyword", "else") + " " + span("builtin", "len") + "(x)"
        #expect(SyntaxHighlighter.highlight(code, language: "python") == expected)
    }

    @Test func stringsWithPrefixesEscapesAndTripleQuotes() throws {
        #expect(
            try tokens(#"a = rb'\'' + f"{x!r}\"" + u'' + b"\\""#, "python") == [
                #"string(rb'\'')"#, #"string(f"{x!r}\"")"#, "string(u'')", #"string(b"\\")"#,
            ])
        #expect(
            try tokens("s = \"\"\"a\n\"b\" # no\n\"\"\" # yes", "python") == [
                "string(\"\"\"a\n\"b\" # no\n\"\"\")", "comment(# yes)",
            ])
        #expect(
            try tokens("t = '''it's''' + r'x' 'y'", "python") == ["string('''it's''')", "string(r'x')", "string('y')"])
    }

    @Test func membersAndMatrixProductsAreNotHighlighted() throws {
        #expect(try tokens("obj.print(a @ b, c.len, rb)", "python") == [])
        #expect(try tokens("  @dataclass\nx = y @z", "python") == ["attribute(@dataclass)"])
    }

    @Test func unterminatedStringRunsToTheEnd() throws {
        #expect(try tokens("x = 'abc\nprint(1)", "python") == ["string('abc\nprint(1))"])
        #expect(try tokens("x = '''abc\\", "python") == ["string('''abc\\)"])
    }

    @Test func openAIClientSnippet() throws {
        let code = """
            # pip install "openai>=1.66,<4"
            from openai import OpenAI

            client = OpenAI(
                base_url="https://api.openai-proxy.org/v1",
                api_key="sk-golden-0123456789abcdef",
            )
            stream = client.chat.completions.create(
                model="gpt-4o",
                messages=[{"role": "user", "content": "Say hi"}],
                stream=True,
            )
            for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    print(chunk.choices[0].delta.content, end="", flush=True)
            """
        #expect(
            try tokens(code, "python") == [
                "comment(# pip install \"openai>=1.66,<4\")", "keyword(from)", "keyword(import)",
                "string(\"https://api.openai-proxy.org/v1\")", "string(\"sk-golden-0123456789abcdef\")",
                "string(\"gpt-4o\")", "string(\"role\")", "string(\"user\")", "string(\"content\")",
                "string(\"Say hi\")", "literal(True)", "keyword(for)", "keyword(in)", "keyword(if)", "keyword(and)",
                "number(0)", "builtin(print)", "number(0)", "string(\"\")", "literal(True)",
            ])
        let html = try #require(SyntaxHighlighter.highlight(code, language: "python"))
        #expect(html.hasPrefix(span("comment", "# pip install &quot;openai&gt;=1.66,&lt;4&quot;") + "\n"))
    }
}

@Suite("Bash")
struct BashTests {
    @Test func curlWithOptionsVariablesAndComment() {
        let code = "curl -sS \"$BASE/v1\" -H 'Authorization: Bearer sk-x' # go"
        let expected =
            "curl " + span("option", "-sS") + " " + span("string", "&quot;") + span("variable", "$BASE")
            + span("string", "/v1&quot;") + " " + span("option", "-H") + " "
            + span("string", "&#39;Authorization: Bearer sk-x&#39;") + " " + span("comment", "# go")
        #expect(SyntaxHighlighter.highlight(code, language: "bash") == expected)
    }

    @Test func curlSnippetWithJSONBody() throws {
        let code = """
            curl -sS https://api.openai-proxy.org/v1/chat/completions \\
              -H 'Content-Type: application/json' \\
              -H "Authorization: Bearer ${RELAY_KEY}" \\
              --data-raw '{
                "model": "gpt-4o",
                "messages": [{"role": "user", "content": "it'\\''s"}]
              }'
            """
        #expect(
            try tokens(code, "curl") == [
                "option(-sS)", "option(-H)", "string('Content-Type: application/json')", "option(-H)",
                "string(\"Authorization: Bearer )", "variable(${RELAY_KEY})", "string(\")", "option(--data-raw)",
                "string('{\n    \"model\": \"gpt-4o\",\n    \"messages\": [{\"role\": \"user\", \"content\": \"it')",
                "string('s\"}]\n  }')",
            ])
    }

    @Test func substitutionsNestInsideDoubleQuotes() throws {
        #expect(
            try tokens("echo \"a $(cat \"$F\" | wc -l) b\" $((1 + 2)) $? ${#x}", "bash") == [
                "builtin(echo)", "string(\"a )", "variable($()", "string(\")", "variable($F)", "string(\")",
                "option(-l)", "string( b\")", "variable($()", "number(1)", "number(2)", "variable($?)",
                "variable(${#x})",
            ])
    }

    @Test func commentsOnlyStartWords() throws {
        #expect(
            try tokens("echo a#b '#' \"#\" #c", "bash") == [
                "builtin(echo)", "string('#')", "string(\"#\")", "comment(#c)",
            ])
        #expect(
            try tokens("x=1;# c\nif [ -n \"$x\" ]; then exit 0; fi", "bash") == [
                "comment(# c)", "keyword(if)", "option(-n)", "string(\")", "variable($x)", "string(\")",
                "keyword(then)",
                "builtin(exit)", "number(0)", "keyword(fi)",
            ])
    }

    @Test func escapesAndAnsiCStrings() throws {
        #expect(
            try tokens(#"echo \" \' \$HOME $'a\'b' "c\"d" \"#, "bash") == [
                "builtin(echo)", #"string($'a\'b')"#, #"string("c\"d")"#,
            ])
    }

    @Test func consolePromptsAndWordsInsideWords() throws {
        #expect(try tokens("$ pip install my-if-done x=in --", "console") == [])
    }

    @Test func unterminatedStringsRunToTheEnd() throws {
        #expect(try tokens("echo 'a\nb", "bash") == ["builtin(echo)", "string('a\nb)"])
        #expect(
            try tokens("echo \"a $B\nc", "bash") == ["builtin(echo)", "string(\"a )", "variable($B)", "string(\nc)"])
        #expect(try tokens("echo \"$(ls", "bash") == ["builtin(echo)", "string(\")", "variable($()"])
    }
}

@Suite("Swift")
struct SwiftTests {
    @Test func conditionalImport() {
        let code = "#if canImport(FoundationNetworking)\nimport FoundationNetworking  // Linux\n#endif"
        let expected =
            span("attribute", "#if") + " canImport(FoundationNetworking)\n" + span("keyword", "import")
            + " FoundationNetworking  " + span("comment", "// Linux") + "\n" + span("attribute", "#endif")
        #expect(SyntaxHighlighter.highlight(code, language: "swift") == expected)
    }

    @Test func urlSessionSnippet() throws {
        let code = #"""
            import Foundation

            #if canImport(FoundationNetworking)
            import FoundationNetworking  // URLSession on Linux
            #endif

            let apiKey = "sk-golden-0123456789abcdef"
            var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/chat/completions")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")
            let (data, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard status == 200 else { exit(1) }
            print(String(decoding: data, as: UTF8.self))
            """#
        #expect(
            try tokens(code, "swift") == [
                "keyword(import)", "attribute(#if)", "keyword(import)", "comment(// URLSession on Linux)",
                "attribute(#endif)", "keyword(let)", "string(\"sk-golden-0123456789abcdef\")", "keyword(var)",
                "builtin(URLRequest)", "builtin(URL)",
                "string(\"https://api.openai-proxy.org/v1/chat/completions\")", "string(\"POST\")",
                #"string("Bearer \(apiKey)")"#, "string(\"Authorization\")", "keyword(let)", "keyword(try)",
                "keyword(await)", "builtin(URLSession)", "keyword(for)", "keyword(let)", "keyword(as)",
                "builtin(HTTPURLResponse)",
                "number(0)", "keyword(guard)", "number(200)", "keyword(else)", "number(1)", "builtin(print)",
                "builtin(String)", "keyword(as)",
            ])
    }

    @Test func interpolationsRawAndMultilineStrings() throws {
        #expect(
            try tokens(#"let s = "a \(d["k"] ?? "x") b" + x"#, "swift") == [
                "keyword(let)", #"string("a \(d["k"] ?? "x") b")"#,
            ])
        #expect(
            try tokens(##"let r = #"a "quoted" \(x) \#(y)"# // c"##, "swift") == [
                "keyword(let)", ##"string(#"a "quoted" \(x) \#(y)"#)"##, "comment(// c)",
            ])
        #expect(
            try tokens("let m = \"\"\"\n  \"hi\" \"\"\n  \"\"\"\nlet", "swift") == [
                "keyword(let)", "string(\"\"\"\n  \"hi\" \"\"\n  \"\"\")", "keyword(let)",
            ])
        #expect(try tokens(#"let e = "\\" + "\"""#, "swift") == ["keyword(let)", #"string("\\")"#, #"string("\"")"#])
    }

    @Test func attributesCommentsAndNumbers() throws {
        #expect(
            try tokens("@Sendable @escaping () -> Void /* a /* b */ c */ 1_000 0x1p-3 3.5e+2 0..<n 1...5", "swift") == [
                "attribute(@Sendable)", "attribute(@escaping)", "builtin(Void)", "comment(/* a /* b */ c */)",
                "number(1_000)", "number(0x1p-3)", "number(3.5e+2)", "number(0)", "number(1)", "number(5)",
            ])
        #expect(
            try tokens("if #available(macOS 14, *) { x.default = .init(nil, `class`, $0) }", "swift") == [
                "keyword(if)", "attribute(#available)", "number(14)", "literal(nil)",
            ])
    }

    @Test func unterminatedCommentsAndStringsRunToTheEnd() throws {
        #expect(try tokens("a /* b /* c */ d\nlet", "swift") == ["comment(/* b /* c */ d\nlet)"])
        #expect(try tokens("let s = \"a \\(f(\"b\"", "swift") == ["keyword(let)", "string(\"a \\(f(\"b\")"])
        #expect(try tokens("##\"x\"# let", "swift") == ["string(##\"x\"# let)"])
    }
}

@Suite("JSON")
struct JSONTests {
    @Test func keysStringsNumbersAndLiterals() {
        let code = #"{"ok": true, "n": -1.5e3, "s": "a\"b", "k" : null}"#
        let expected =
            "{" + span("property", "&quot;ok&quot;") + ": " + span("literal", "true") + ", "
            + span("property", "&quot;n&quot;") + ": " + span("number", "-1.5e3") + ", "
            + span("property", "&quot;s&quot;") + ": " + span("string", "&quot;a\\&quot;b&quot;") + ", "
            + span("property", "&quot;k&quot;") + " : " + span("literal", "null") + "}"
        #expect(SyntaxHighlighter.highlight(code, language: "json") == expected)
    }

    @Test func chatCompletionResponse() throws {
        let code = """
            {
              "id": "chatcmpl-123",
              "object": "chat.completion",
              "choices": [
                {
                  "index": 0,
                  "message": {"role": "assistant", "content": "Hi! \\u4f60\\u597d <b>"},
                  "finish_reason": "stop"
                }
              ],
              "usage": {"prompt_tokens": 9, "completion_tokens": 12, "cached": false}
            }
            """
        #expect(
            try tokens(code, "json") == [
                "property(\"id\")", "string(\"chatcmpl-123\")", "property(\"object\")", "string(\"chat.completion\")",
                "property(\"choices\")", "property(\"index\")", "number(0)", "property(\"message\")",
                "property(\"role\")", "string(\"assistant\")", "property(\"content\")",
                "string(\"Hi! \\u4f60\\u597d <b>\")", "property(\"finish_reason\")", "string(\"stop\")",
                "property(\"usage\")", "property(\"prompt_tokens\")", "number(9)", "property(\"completion_tokens\")",
                "number(12)", "property(\"cached\")", "literal(false)",
            ])
    }

    @Test func unterminatedStringRunsToTheEnd() throws {
        #expect(try tokens("{\"a\": \"b\n}", "json") == ["property(\"a\")", "string(\"b\n})"])
        #expect(try tokens("[\"x\\", "json") == ["string(\"x\\)"])
    }
}

@Suite("JavaScript")
struct JavaScriptTests {
    @Test func fetchSnippet() throws {
        let code = """
            // Node.js 18+ (its built-in fetch), no packages. Run: node main.mjs
            const apiKey = "sk-golden-0123456789abcdef";
            const response = await fetch(baseURL + "/chat/completions", {
              method: "POST",
              headers: { Authorization: `Bearer ${apiKey}`, "x-n": 42 },
            });
            if (!response.ok) process.exit(1);
            console.log(reply.output.filter((item) => item.type === "message"), null, undefined);
            """
        #expect(
            try tokens(code, "javascript") == [
                "comment(// Node.js 18+ (its built-in fetch), no packages. Run: node main.mjs)", "keyword(const)",
                "string(\"sk-golden-0123456789abcdef\")", "keyword(const)", "keyword(await)", "builtin(fetch)",
                "string(\"/chat/completions\")", "string(\"POST\")", "string(`Bearer ${apiKey}`)", "string(\"x-n\")",
                "number(42)", "keyword(if)", "builtin(process)", "number(1)", "builtin(console)", "string(\"message\")",
                "literal(null)", "literal(undefined)",
            ])
    }

    @Test func templateLiteralsNestWithTheirSubstitutions() throws {
        #expect(
            try tokens(#"x = `a ${b ? `c ${"}"} d` : '`'} e` + 1"#, "javascript") == [
                #"string(`a ${b ? `c ${"}"} d` : '`'} e`)"#, "number(1)",
            ])
        #expect(try tokens("`${{a: {b: 1}}}` // c", "javascript") == ["string(`${{a: {b: 1}}}`)", "comment(// c)"])
    }

    @Test func regularExpressionsAndDivisions() throws {
        #expect(
            try tokens(#"line.replace(/\r$/, "") / 2; x = a / b / c; if (/["']/.test(s)) return /[/]/g;"#, "javascript")
                == [
                    #"string(/\r$/)"#, #"string("")"#, "number(2)", "keyword(if)", #"string(/["']/)"#,
                    "keyword(return)",
                    "string(/[/]/g)",
                ])
        // A `/` whose line ends before another `/` is a division: nothing is lost.
        #expect(try tokens("x = (/ 2\ny = 'a'", "javascript") == ["number(2)", "string('a')"])
    }

    @Test func membersAreNotKeywords() throws {
        #expect(try tokens("a.default = b.new + $x + _if", "javascript") == [])
    }
}

@Suite("Go")
struct GoTests {
    @Test func netHTTPSnippet() throws {
        let code = """
            package main

            import "net/http"

            const baseURL = "https://api.openai-proxy.org/v1"

            func main() {
            \tvar chunk struct {
            \t\tText string `json:"text"`
            \t}
            \tif len(s) == 0 || err != nil {
            \t\tfmt.Fprintf(os.Stderr, "HTTP %d: %s\\n", 404, '\\'')
            \t}
            }
            """
        #expect(
            try tokens(code, "go") == [
                "keyword(package)", "keyword(import)", "string(\"net/http\")", "keyword(const)",
                "string(\"https://api.openai-proxy.org/v1\")", "keyword(func)", "keyword(var)", "keyword(struct)",
                "builtin(string)", "string(`json:\"text\"`)", "keyword(if)", "builtin(len)", "number(0)",
                "literal(nil)", "string(\"HTTP %d: %s\\n\")", "number(404)", "string('\\'')",
            ])
    }

    @Test func rawStringsSpanLinesAndHaveNoEscapes() throws {
        #expect(try tokens("s := `a\\`+`\n\"x` // c", "go") == ["string(`a\\`)", "string(`\n\"x`)", "comment(// c)"])
        #expect(
            try tokens("x := 1 / 2 /* a\n*/ nil", "go") == [
                "number(1)", "number(2)", "comment(/* a\n*/)", "literal(nil)",
            ])
    }
}

@Suite("Java")
struct JavaTests {
    @Test func httpClientSnippet() throws {
        let code = #"""
            import java.net.http.HttpClient;

            public class Main {
                @Override
                public static void main(String[] args) throws Exception {
                    String body = """
                        {"model": %s, "x": "\""}""".formatted(Json.quote("gpt-4o"));
                    if (c == '"' || c < 0x20) System.exit(1);
                }
            }
            """#
        #expect(
            try tokens(code, "java") == [
                "keyword(import)", "keyword(public)", "keyword(class)", "attribute(@Override)", "keyword(public)",
                "keyword(static)", "keyword(void)", "builtin(String)", "keyword(throws)", "builtin(Exception)",
                "builtin(String)", "string(\"\"\"\n            {\"model\": %s, \"x\": \"\\\"\"}\"\"\")",
                "string(\"gpt-4o\")", "keyword(if)", "string('\"')", "number(0x20)", "builtin(System)", "number(1)",
            ])
    }

    @Test func charactersAndNumbers() throws {
        #expect(
            try tokens("char c = '\\u0041'; long n = 10_000L; double d = 1.5e-3; var x = null;", "java") == [
                "keyword(char)", "string('\\u0041')", "keyword(long)", "number(10_000L)", "keyword(double)",
                "number(1.5e-3)", "keyword(var)", "literal(null)",
            ])
    }
}
