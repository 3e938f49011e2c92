import RelayTemplates
import Testing

@Suite("Library and rendering")
struct TemplateLibraryTests {
    func render(_ template: String, _ context: TemplateValue) throws -> String? {
        var library = TemplateLibrary()
        try library.register(template, named: "t")
        return library.render("t", context)
    }

    @Test func valuesRender() throws {
        let context: TemplateValue = [
            "s": "text", "i": -42, "big": .int(Int.max), "t": true, "f": false, "n": nil, "l": [1, 2], "o": ["a": 1],
        ]
        #expect(
            try render("{{s}}|{{i}}|{{big}}|{{t}}|{{f}}|{{n}}|{{l}}|{{o}}|{{missing}}", context)
                == "text|-42|\(Int.max)|true|false||||")
    }

    @Test func literalsMakeTheExpectedCases() {
        let value: TemplateValue = ["a": "x", "b": 1, "c": true, "d": nil, "e": [1, "y"]]
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.count == 5)
        if case .string(let string) = object["a"] { #expect(string == "x") } else { Issue.record("a") }
        if case .int(let int) = object["b"] { #expect(int == 1) } else { Issue.record("b") }
        if case .bool(let bool) = object["c"] { #expect(bool) } else { Issue.record("c") }
        if case .null = object["d"] {} else { Issue.record("d") }
        if case .list(let list) = object["e"] { #expect(list.count == 2) } else { Issue.record("e") }
    }

    @Test func sectionTruthiness() throws {
        let context: TemplateValue = [
            "t": true, "f": false, "n": nil, "empty": [], "zero": 0, "blank": "", "object": [:],
            "custom": .custom(Untrusted(text: "")),
        ]
        let names = ["t", "f", "n", "empty", "zero", "blank", "object", "custom", "missing"]
        let template = names.map { "{{#\($0)}}\($0) {{/\($0)}}" }.joined()
        #expect(try render(template, context) == "t zero blank object custom ")
        let inverted = names.map { "{{^\($0)}}\($0) {{/\($0)}}" }.joined()
        #expect(try render(inverted, context) == "f n empty missing ")
    }

    @Test func sectionsPushTheirValue() throws {
        #expect(try render("{{#t}}{{.}}{{/t}}", ["t": true]) == "true")
        #expect(try render("{{#s}}[{{.}}]{{/s}}", ["s": ""]) == "[]")
        #expect(try render("{{#i}}{{.}}{{/i}}", ["i": 0]) == "0")
        #expect(try render("{{#c}}{{.}}{{/c}}", ["c": .custom(Untrusted(text: "<u>"))]) == "&lt;u&gt;")
    }

    @Test func dottedNamesLookOnlyInsideTheFirstValueFound() throws {
        let context: TemplateValue = ["page": ["title": "T"], "title": "outer", "other": ["page": ["x": 1]]]
        #expect(try render("{{page.title}}", context) == "T")
        #expect(try render("{{#other}}[{{page.title}}]{{/other}}", context) == "[]")
        #expect(try render("{{#other}}{{title}}{{/other}}", context) == "outer")
    }

    @Test func rootContextNeedNotBeAnObject() throws {
        #expect(try render("{{.}}/{{x}}", "root") == "root/")
        #expect(try render("{{#.}}<{{.}}>{{/.}}", [1, 2, 3]) == "<1><2><3>")
    }

    @Test func missingTemplates() throws {
        var library = TemplateLibrary()
        try library.register("x", named: "page")
        #expect(library.contains("page"))
        #expect(!library.contains("other"))
        #expect(library.render("other", [:]) == nil)
        var output = "keep"
        #expect(!library.render("other", [:], into: &output))
        #expect(output == "keep")
    }

    @Test func renderIntoAppends() throws {
        var library = TemplateLibrary()
        try library.register("<{{n}}>", named: "item")
        var output = ""
        for n in 1...3 {
            #expect(library.render("item", ["n": .int(n)], into: &output))
        }
        #expect(output == "<1><2><3>")
    }

    @Test func registeringAgainReplaces() throws {
        var library = TemplateLibrary()
        try library.register("one", named: "t")
        try library.register("two", named: "t")
        #expect(library.render("t", nil) == "two")
    }

    @Test func missingPartialsRenderNothingAndAreListed() throws {
        var library = TemplateLibrary()
        try library.register("a\n{{> header}}\nb {{> nav}}\n{{#x}}\n  {{> header}}\n{{/x}}", named: "layout")
        try library.register("{{> footer}}", named: "aside")
        try library.register("<nav/>", named: "nav")
        #expect(library.render("layout", ["x": true]) == "a\nb <nav/>\n")
        let missing = library.missingPartials().map { "\($0.template):\($0.partial):\($0.line)" }
        #expect(missing == ["aside:footer:1", "layout:header:2", "layout:header:5"])
        try library.register("<h/>", named: "header")
        try library.register("", named: "footer")
        #expect(library.missingPartials().isEmpty)
        #expect(library.render("layout", ["x": true]) == "a\n<h/>b <nav/>\n  <h/>")
    }

    @Test func partialsSeeTheContextStack() throws {
        var library = TemplateLibrary()
        try library.register("{{#items}}{{> item}}{{/items}}", named: "list")
        try library.register("({{name}} of {{owner}})", named: "item")
        let context: TemplateValue = ["owner": "me", "items": [["name": "a"], ["name": "b", "owner": "you"]]]
        #expect(library.render("list", context) == "(a of me)(b of you)")
    }

    @Test func endlessRecursionStopsAtTheDepthLimit() throws {
        var library = TemplateLibrary()
        try library.register("x{{> loop}}", named: "loop")
        let output = try #require(library.render("loop", [:]))
        // The template and 100 nested inclusions of itself.
        #expect(output == String(repeating: "x", count: 101))

        try library.register("{{#a}}{{> a}}{{/a}}", named: "a")
        #expect(library.render("a", ["a": true]) == "")
    }

    @Test func recursionThroughData() throws {
        var library = TemplateLibrary()
        try library.register("<{{name}}{{#children}}{{> tree}}{{/children}}>", named: "tree")
        let tree: TemplateValue = [
            "name": "root",
            "children": [
                ["name": "a", "children": [["name": "a1", "children": []]]], ["name": "b", "children": []],
            ],
        ]
        #expect(library.render("tree", tree) == "<root<a<a1>><b>>")
        // A leaf without `children` finds its parent's (names resolve through the stack), so the
        // recursion only ends at the depth limit.
        let unbounded = try #require(library.render("tree", ["name": "r", "children": [["name": "x"]]]))
        #expect(unbounded.hasPrefix("<r<x<x<x"))
        #expect(unbounded.count(where: { $0 == "x" }) == 100)
    }

    @Test func standalonePartialsIndentNestedPartials() throws {
        var library = TemplateLibrary()
        try library.register("<ul>\n  {{> items}}\n</ul>\n", named: "page")
        try library.register("{{#items}}\n<li>\n  {{> item}}\n</li>\n{{/items}}\n", named: "items")
        try library.register("{{name}}\n{{{html}}}\n", named: "item")
        let context: TemplateValue = ["items": [["name": "a", "html": "<b>\nc</b>"], ["name": "d"]]]
        #expect(
            library.render("page", context)
                == "<ul>\n  <li>\n    a\n    <b>\nc</b>\n  </li>\n  <li>\n    d\n    \n  </li>\n</ul>\n")
    }

    @Test func inlinePartialsAreNotIndented() throws {
        var library = TemplateLibrary()
        try library.register("  {{> p}}\n  x {{> p}}\n", named: "page")
        try library.register("1\n2\n", named: "p")
        #expect(library.render("page", nil) == "  1\n  2\n  x 1\n2\n\n")
    }

    @Test func standaloneLinesWithCRLF() throws {
        let template = "<ul>\r\n  {{#items}}\r\n  <li>{{.}}</li>\r\n  {{/items}}\r\n  {{! note }}\r\n</ul>\r\n"
        #expect(try render(template, ["items": ["a", "b"]]) == "<ul>\r\n  <li>a</li>\r\n  <li>b</li>\r\n</ul>\r\n")
    }

    @Test func commentsMaySpanLines() throws {
        #expect(try render("a{{! one\ntwo\nthree }}b\n{{!\n  standalone\n}}\nc", [:]) == "ab\nc")
    }

    @Test func setDelimitersApplyUntilChangedAgain() throws {
        let template = "{{=<% %>=}}<% a %> {{a}} <%={{ }}=%>{{a}}"
        #expect(try render(template, ["a": "x"]) == "x {{a}} x")
    }

    @Test func librariesAreSendable() async throws {
        var library = TemplateLibrary()
        try library.register("{{n}}", named: "n")
        let shared = library
        let outputs = await withTaskGroup(of: String.self) { group in
            for n in 0..<8 {
                group.addTask { shared.render("n", ["n": .int(n)]) ?? "" }
            }
            var outputs: [String] = []
            for await output in group { outputs.append(output) }
            return outputs.sorted()
        }
        #expect(outputs == (0..<8).map(String.init))
    }

    @Test func integersRenderInDecimal() throws {
        let context: TemplateValue = ["values": [0, 7, -7, 10, 1_000_000, .int(Int.max), .int(Int.min)]]
        #expect(
            try render("{{#values}}{{.}},{{/values}}", context)
                == "0,7,-7,10,1000000,9223372036854775807,-9223372036854775808,")
    }

    @Test func longValuesBetweenShortPieces() throws {
        // Values of 1 KiB and more take another path to the output than short ones.
        let long = String(repeating: "Zeile 🙂 <b>&</b> ", count: 200)
        let template = "ä{{{long}}}ö{{short}}ü{{long}}|{{#list}}{{{.}}}{{/list}}"
        let context: TemplateValue = [
            "long": .string(long), "short": "ß", "list": [.string(long), "x", .string(long)],
        ]
        let expected =
            "ä" + long + "ößü"
            + long.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;") + "|" + long + "x" + long
        #expect(try render(template, context) == expected)

        var library = TemplateLibrary()
        try library.register(template, named: "t")
        var output = "before ✓ "
        #expect(library.render("t", context, into: &output))
        #expect(output == "before ✓ " + expected)
    }

    @Test func largeOutputs() throws {
        let items: [TemplateValue] = (0..<5000).map { .object(["n": .int($0), "text": .string("entrée <\($0)>")]) }
        let output = try #require(try render("{{#items}}<li>{{n}} {{text}}</li>\n{{/items}}", ["items": .list(items)]))
        let lines = output.split(separator: "\n")
        #expect(lines.count == 5000)
        #expect(lines.first == "<li>0 entrée &lt;0&gt;</li>")
        #expect(lines.last == "<li>4999 entrée &lt;4999&gt;</li>")
    }

    @Test func sectionFollowedByItsInverse() throws {
        let template = "{{#x}}yes{{.}}{{/x}}{{^x}}no{{/x}}|{{#x}}a{{/x}}{{^y}}b{{/y}}"
        #expect(try render(template, ["x": true, "y": true]) == "yestrue|a")
        #expect(try render(template, ["x": false]) == "no|b")
        #expect(try render(template, ["x": [1, 2]]) == "yes1yes2|aab")
        #expect(try render(template, ["x": []]) == "no|b")
        #expect(try render(template, [:]) == "no|b")
        let transformed = "{{#upper(n)}}<{{.}}>{{/upper(n)}}{{^upper(n)}}none{{/upper(n)}}"
        #expect(try render(transformed, ["n": .custom(Untrusted(text: "ab"))]) == "<AB>")
        #expect(try render(transformed, ["n": "plain"]) == "none")
    }

    @Test func namesLookedUpAgainInTheSameBody() throws {
        // A body looks a repeated name up once; nested bodies and list elements look up their own.
        let context: TemplateValue = [
            "name": "outer", "child": ["name": "inner"], "items": [["n": 1], ["n": 2], [:]], "n": 0,
            "page": ["a": "A", "b": "B"], "a": "top", "b": "top", "c": "C", "d": "D", "e": "E",
        ]
        #expect(try render("{{name}} {{#child}}{{name}}{{/child}} {{name}}", context) == "outer inner outer")
        #expect(try render("{{#items}}{{n}}{{n}};{{/items}}", context) == "11;22;00;")
        #expect(try render("{{page.a}}{{page.b}}{{#page}}{{a}}{{b}}{{/page}}{{a}}{{page.a}}", context) == "ABABtopA")
        // More repeated names than cache slots.
        let many = "{{a}}{{b}}{{c}}{{d}}{{e}}{{e}}{{d}}{{c}}{{b}}{{a}}{{#missing}}{{/missing}}{{missing}}{{missing}}"
        #expect(try render(many, context) == "toptopCDEEDCtoptop")
    }
}

@Suite("A folder of templates")
struct TemplateFolderTests {
    @Test(
        "every .mustache file of the folder is registered by its name; syntax errors and missing partials come back with paths"
    )
    func folder() {
        let (library, problems) = TemplateLibrary.folder(
            "site",
            of: [
                "site/layout.mustache": "<main>{{> partials/nav}}{{> partials/gone}}</main>",
                "site/partials/nav.mustache": "<nav>{{title}}</nav>",
                "site/broken.mustache": "line\n{{#open}}",
                "site/strings.yaml": "en: {}",
                "other/layout.mustache": "not this one",
            ], escaping: .html)
        #expect(library.contains("layout") && library.contains("partials/nav") && !library.contains("broken"))
        #expect(library.render("layout", ["title": "A & B"]) == "<main><nav>A &amp; B</nav></main>")
        #expect(
            problems == [
                TemplateSyntaxError(
                    template: "site/broken.mustache", line: 2, column: 1, message: "section 'open' is not closed"),
                TemplateSyntaxError(
                    template: "site/layout.mustache", line: 1, column: 1,
                    message: "the partial \"partials/gone\" does not exist (expected site/partials/gone.mustache)"),
            ])
    }
}
