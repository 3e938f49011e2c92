import RelayTemplates
import Testing

@Suite("HTML escaping")
struct EscapingTests {
    func render(_ template: String, _ value: TemplateValue, escaping: TemplateLibrary.Escaping = .html) throws
        -> String?
    {
        var library = TemplateLibrary()
        try library.register(template, named: "t", escaping: escaping)
        return library.render("t", ["v": value])
    }

    @Test func allFiveCharacters() throws {
        #expect(try render("{{v}}", "& < > \" '") == "&amp; &lt; &gt; &quot; &#39;")
        #expect(try render("{{v}}", "<>&\"'") == "&lt;&gt;&amp;&quot;&#39;")
        #expect(try render("{{v}}", "a&&b") == "a&amp;&amp;b")
        #expect(try render("{{v}}", "&") == "&amp;")
        #expect(try render("{{v}}", "'start and end'") == "&#39;start and end&#39;")
    }

    @Test func otherCharactersPassThrough() throws {
        let ascii = String((0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) })
        let expected =
            ascii
            .replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
        #expect(try render("{{v}}", .string(ascii)) == expected)
        #expect(try render("{{v}}", "tab\tnewline\nnul\u{0}") == "tab\tnewline\nnul\u{0}")
    }

    @Test func multiByteTextIsUnchanged() throws {
        let samples = [
            "中文文档：快速开始", "🙂👩‍👩‍👧‍👦🇯🇵", "e\u{301}a\u{308}\u{323}", "Ελληνικά — العربية — עברית",
            "\u{10FFFF}\u{FEFF}\u{200D}",
        ]
        for sample in samples {
            #expect(try render("{{v}}", .string(sample)) == sample)
            #expect(try render("{{v}}", .string(sample + "<" + sample)) == sample + "&lt;" + sample)
        }
        #expect(try render("{{v}}", "「引用」& \"🙂\"") == "「引用」&amp; &quot;🙂&quot;")
    }

    @Test func combiningMarkAfterAnEscapedCharacter() throws {
        // Escaping works on bytes: the mark stays after the entity.
        #expect(try render("{{v}}", "&\u{301}<\u{308}") == "&amp;\u{301}&lt;\u{308}")
    }

    @Test func longTextWithManyRuns() throws {
        let piece = "δοκιμή <b>bold</b> & 'quoted' \"text\" 🙂 "
        let escapedPiece = "δοκιμή &lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39; &quot;text&quot; 🙂 "
        let count = 500
        #expect(
            try render("{{v}}", .string(String(repeating: piece, count: count)))
                == String(repeating: escapedPiece, count: count))
    }

    @Test func onlyEscapedTagsOfHTMLTemplatesEscape() throws {
        #expect(try render("{{{v}}}", "<&>") == "<&>")
        #expect(try render("{{&v}}", "<&>") == "<&>")
        #expect(try render("{{v}}", "<&>", escaping: .none) == "<&>")
        // Template text itself is never escaped.
        #expect(try render("<p title=\"'\">{{v}}</p>", "<&>") == "<p title=\"'\">&lt;&amp;&gt;</p>")
    }

    @Test func partialsEscapeAsRegistered() throws {
        var library = TemplateLibrary()
        try library.register("{{v}}|{{> code}}", named: "page")
        try library.register("{{v}}", named: "code", escaping: .none)
        #expect(library.render("page", ["v": "<x>"]) == "&lt;x&gt;|<x>")
        #expect(library.render("code", ["v": "<x>"]) == "<x>")
    }
}
