import RelayTemplates
import Testing

@Suite("Syntax errors")
struct SyntaxErrorTests {
    /// The error registering `text` throws; fails the test when it parses.
    func error(_ text: String, escaping: TemplateLibrary.Escaping = .html) -> TemplateSyntaxError? {
        var library = TemplateLibrary()
        do {
            try library.register(text, named: "page.mustache", escaping: escaping)
            Issue.record("\(text.debugDescription) parsed")
            return nil
        } catch {
            #expect(!library.contains("page.mustache"))
            return error
        }
    }

    func expect(
        _ text: String, line: Int, column: Int, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            error(text) == TemplateSyntaxError(template: "page.mustache", line: line, column: column, message: message),
            sourceLocation: sourceLocation)
    }

    @Test func unclosedTag() {
        expect("<p>\n  {{title\n</p>\n", line: 2, column: 3, "expected '}}'")
        expect("{{{title}}", line: 1, column: 1, "expected '}}}'")
        expect("a {{! comment", line: 1, column: 3, "expected '}}'")
        expect("x\n{{=<% %>}}", line: 2, column: 1, "expected '=}}'")
        expect("{{=<% %>=}}\n<%name}}", line: 2, column: 1, "expected '%>'")
    }

    @Test func unclosedSectionReportsItsOpeningTag() {
        expect("<html>\n<body>\n  {{#page}}\n<p>{{title}}</p>\n", line: 3, column: 3, "section 'page' is not closed")
        expect("{{^empty}}none", line: 1, column: 1, "section 'empty' is not closed")
        // The innermost open section is reported.
        expect("{{#a}}\n {{#b}}\n{{/b}}\n {{#c}}", line: 4, column: 2, "section 'c' is not closed")
    }

    @Test func mismatchedClosingTag() {
        expect(
            "{{#page}}\n  <nav>{{/nav}}\n{{/page}}", line: 2, column: 8,
            "'{{/nav}}' closes no open section; '{{#page}}' is open")
        expect(
            "{{^page}}{{/nav}}", line: 1, column: 10, "'{{/nav}}' closes no open section; '{{^page}}' is open")
        expect(
            "{{#page}}{{#nav}}\n{{/page}}", line: 2, column: 1,
            "'{{/page}}' closes 'page' but '{{#nav}}' inside it is not closed")
    }

    @Test func strayClosingTag() {
        expect("<p>\n</p>{{/nav}}", line: 2, column: 5, "'{{/nav}}' closes no open section")
        expect("{{=<% %>=}}\n<%/nav%>", line: 2, column: 1, "'<%/nav%>' closes no open section")
    }

    @Test func emptyName() {
        expect("a\n b {{}}", line: 2, column: 4, "the tag has no name")
        expect("{{ }}", line: 1, column: 1, "the tag has no name")
        expect("{{{ }}}", line: 1, column: 1, "the tag has no name")
        expect("{{#}}{{/}}", line: 1, column: 1, "the tag has no name")
        expect("x {{>}}", line: 1, column: 3, "the partial tag has no name")
    }

    @Test func whitespaceInsideAName() {
        expect("{{first name}}", line: 1, column: 1, "expected '}}' after 'first'")
        expect("\t{{> header extra}}", line: 1, column: 2, "expected '}}' after 'header'")
    }

    @Test func badTransformSyntax() {
        expect("key = {{f(x}}", line: 1, column: 7, "'f(x' is missing ')'")
        expect("{{f(g(x)}}", line: 1, column: 1, "'f(g(x)' is missing ')'")
        expect("{{f(x))}}", line: 1, column: 1, "'f(x))' has an unmatched ')'")
        expect("{{f()}}", line: 1, column: 1, "'f()' has no name inside its parentheses")
        expect("{{(x)}}", line: 1, column: 1, "'(x)' is not a valid transform call, like 'f(x)' or 'f(g(x))'")
        expect("{{f(x)(y)}}", line: 1, column: 1, "'f(x)(y)' is not a valid transform call, like 'f(x)' or 'f(g(x))'")
        expect("{{#f(x}}{{/f(x}}", line: 1, column: 1, "'f(x' is missing ')'")
    }

    @Test func emptyNamePart() {
        expect("{{a..b}}", line: 1, column: 1, "'a..b' has an empty part between its dots")
        expect("{{page.}}", line: 1, column: 1, "'page.' has an empty part between its dots")
    }

    @Test func unsupportedTags() {
        expect(
            "{{% CONTENT_TYPE: TEXT}}\n", line: 1, column: 1,
            "pragmas are not supported; choose escaping when registering the template")
        expect(
            "x\n{{<parent}}{{/parent}}", line: 2, column: 1, "template inheritance ('{{<' and '{{$') is not supported")
        expect("{{$block}}{{/block}}", line: 1, column: 1, "template inheritance ('{{<' and '{{$') is not supported")
        expect("{{>*dynamic}}", line: 1, column: 1, "dynamic partial names ('{{>*name}}') are not supported")
    }

    @Test func badSetDelimiters() {
        expect(
            "{{=<%=}}", line: 1, column: 1,
            "a set-delimiter tag takes two delimiters separated by a space, like '{{=<% %>=}}'")
        expect(
            "{{=a b c=}}", line: 1, column: 1,
            "a set-delimiter tag takes two delimiters separated by a space, like '{{=<% %>=}}'")
    }

    @Test func columnsCountCharacters() {
        // Four characters (three of them three bytes long, one an emoji of four) before the tag.
        expect("日本語🙂{{#x}}", line: 1, column: 5, "section 'x' is not closed")
        // "é" written as e + combining acute accent is one character.
        expect("e\u{301} {{/x}}", line: 1, column: 3, "'{{/x}}' closes no open section")
    }

    @Test func linesCountCRLF() {
        expect("a\r\nb\r\n  {{#x}}\r\n", line: 3, column: 3, "section 'x' is not closed")
    }

    @Test func descriptionNamesTheTemplateAndPosition() {
        let error = error("\n\n  {{#page}}")
        #expect(error?.description == "page.mustache:3:3: section 'page' is not closed")
    }

    @Test func registeringAfterAnErrorKeepsTheLibraryUsable() throws {
        var library = TemplateLibrary()
        try library.register("ok {{x}}", named: "good")
        #expect(throws: TemplateSyntaxError.self) { try library.register("{{#x}}", named: "bad") }
        #expect(library.contains("good"))
        #expect(!library.contains("bad"))
        #expect(library.render("good", ["x": 1]) == "ok 1")
    }
}
