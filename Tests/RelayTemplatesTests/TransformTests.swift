import RelayTemplates
import Testing

/// Untrusted text: renders its text bare, and offers transforms.
struct Untrusted: CustomTemplateValue {
    var text: String

    func transform(_ name: String) -> TemplateValue? {
        switch name {
        case "upper": .custom(Untrusted(text: text.uppercased()))
        case "quote": .string("\"\(text)\"")
        case "bracket": .custom(Untrusted(text: "[\(text)]"))
        case "nonEmpty": .bool(!text.isEmpty)
        case "wrap": .object(["inner": .string(text), "size": .int(text.count)])
        case "letters": .list(text.map { .string(String($0)) })
        case "nothing": .null
        default: nil
        }
    }
}

@Suite("Transforms")
struct TransformTests {
    func render(_ template: String, _ context: TemplateValue, escaping: TemplateLibrary.Escaping = .html) throws
        -> String?
    {
        var library = TemplateLibrary()
        try library.register(template, named: "t", escaping: escaping)
        return library.render("t", context)
    }

    let context: TemplateValue = [
        "name": .custom(Untrusted(text: "ab")),
        "blank": .custom(Untrusted(text: "")),
        "plain": "a string",
        "sdk": ["package": .custom(Untrusted(text: "openai"))],
        "items": [.custom(Untrusted(text: "x")), .custom(Untrusted(text: "y"))],
    ]

    @Test func singleTransform() throws {
        #expect(try render("{{upper(name)}}", context) == "AB")
        #expect(try render("{{{quote(name)}}}", context) == "\"ab\"")
    }

    @Test func nestedTransformsApplyInnerFirst() throws {
        #expect(try render("{{{quote(upper(name))}}}", context) == "\"AB\"")
        #expect(try render("{{upper(bracket(name))}}", context) == "[AB]")
        #expect(try render("{{bracket(bracket(upper(name)))}}", context) == "[[AB]]")
        // quote gives a string, which has no transforms.
        #expect(try render("{{upper(quote(name))}}", context) == "")
    }

    @Test func transformOfDottedName() throws {
        #expect(try render("{{upper(sdk.package)}}", context) == "OPENAI")
        #expect(try render("{{& upper(sdk.package)}}", context) == "OPENAI")
    }

    @Test func transformOfImplicitIterator() throws {
        #expect(try render("{{#items}}{{upper(.)}};{{/items}}", context) == "X;Y;")
    }

    @Test func transformsInSections() throws {
        #expect(try render("{{#nonEmpty(name)}}yes{{/nonEmpty(name)}}", context) == "yes")
        #expect(try render("{{#nonEmpty(blank)}}yes{{/nonEmpty(blank)}}", context) == "")
        #expect(try render("{{^nonEmpty(blank)}}empty{{/nonEmpty(blank)}}", context) == "empty")
        #expect(try render("{{^nonEmpty(name)}}empty{{/nonEmpty(name)}}", context) == "")
        // The transformed value is pushed: objects are entered, lists iterated.
        #expect(try render("{{#wrap(name)}}{{inner}}:{{size}}{{/wrap(name)}}", context) == "ab:2")
        #expect(try render("{{#letters(name)}}<{{.}}>{{/letters(name)}}", context, escaping: .none) == "<a><b>")
        #expect(try render("{{#upper(name)}}{{.}}{{/upper(name)}}", context) == "AB")
        #expect(try render("{{# upper(name) }}{{.}}{{/ upper(name) }}", context) == "AB")
    }

    @Test func sectionCloseMustRepeatTheTransform() throws {
        var library = TemplateLibrary()
        #expect(throws: TemplateSyntaxError.self) {
            try library.register("{{#upper(name)}}x{{/name}}", named: "t")
        }
    }

    @Test func customTextIsEscapedInHTMLTemplatesOnly() throws {
        let risky: TemplateValue = ["v": .custom(Untrusted(text: "<a href='x'>&\"</a>"))]
        #expect(try render("{{v}}", risky) == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
        #expect(try render("{{{v}}}", risky) == "<a href='x'>&\"</a>")
        #expect(try render("{{&v}}", risky) == "<a href='x'>&\"</a>")
        #expect(try render("{{v}}", risky, escaping: .none) == "<a href='x'>&\"</a>")
        // A transform's result is escaped the same way.
        #expect(try render("{{bracket(v)}}", risky) == "[&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;]")
        #expect(try render("{{bracket(v)}}", risky, escaping: .none) == "[<a href='x'>&\"</a>]")
    }

    @Test func unknownTransformRendersNothing() throws {
        #expect(try render("[{{unknown(name)}}]", context) == "[]")
        #expect(try render("[{{{unknown(name)}}}]", context) == "[]")
        #expect(try render("[{{nothing(name)}}]", context) == "[]")
        #expect(try render("[{{upper(unknown(name))}}]", context) == "[]")
        #expect(try render("[{{#unknown(name)}}x{{/unknown(name)}}]", context) == "[]")
        #expect(try render("[{{^unknown(name)}}x{{/unknown(name)}}]", context) == "[x]")
    }

    @Test func transformOfNonCustomValueRendersNothing() throws {
        #expect(try render("[{{upper(plain)}}]", context) == "[]")
        #expect(try render("[{{upper(missing)}}]", context) == "[]")
        #expect(try render("[{{upper(sdk)}}]", context) == "[]")
        #expect(try render("[{{upper(items)}}]", context) == "[]")
        #expect(try render("[{{plain}}]", context) == "[a string]")
    }
}
