import Foundation
import Mustache
import RelayTemplates
import Testing

/// The project's real templates (`templates/site/`, `templates/snippets/`) rendered through
/// swift-mustache and through RelayTemplates with equivalent contexts: the bytes must match.
@Suite("Same output as swift-mustache")
struct DifferentialTests {
    /// `templates/` of this package.
    static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    /// Every `.mustache` file below `templates/<folder>/`, by its path below that folder without
    /// the extension (`layout`, `partials/header`, `python/openai-chat`).
    static func templates(in folder: String) throws -> [String: String] {
        let root = templatesFolder.appendingPathComponent(folder).standardizedFileURL
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "mustache" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            files[String(relative.dropLast(".mustache".count))] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    struct Engines {
        var ours = TemplateLibrary()
        var theirs = MustacheLibrary()

        init(_ files: [String: String], escaping: TemplateLibrary.Escaping) throws {
            for (name, text) in files {
                try ours.register(text, named: name, escaping: escaping)
                let source = escaping == .none ? "{{% CONTENT_TYPE: TEXT}}\n" + text : text
                theirs.register(try MustacheTemplate(string: source), named: name)
            }
        }

        func expectSame(_ name: String, _ context: TemplateValue, sourceLocation: SourceLocation = #_sourceLocation) {
            let expected = theirs.render(mustacheValue(context) ?? [:], withTemplate: name)
            let actual = ours.render(name, context)
            #expect(expected != nil && expected?.isEmpty == false, sourceLocation: sourceLocation)
            #expect(actual == expected, "\(name)", sourceLocation: sourceLocation)
            if let actual, let expected, actual != expected {
                let prefix = zip(actual, expected).prefix { $0 == $1 }.count
                Issue.record(
                    "first difference at character \(prefix): ours \(actual.dropFirst(prefix).prefix(80).debugDescription), swift-mustache \(expected.dropFirst(prefix).prefix(80).debugDescription)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: Site

    static let strings: TemplateValue = {
        let keys = [
            "copy", "copied", "copyFailed", "noResults", "skipToContent", "menu", "toggleTheme", "search",
            "searchPlaceholder", "languages", "docsNavigation", "pagination", "previous", "next", "onThisPage",
        ]
        var object: [String: TemplateValue] = [:]
        for (index, key) in keys.enumerated() {
            // Every character HTML escaping touches, and text in other scripts.
            let samples = ["Copy & paste", "<Menü>", "\"Suche\"", "l'aperçu", "复制代码 🙂", "Пред. › «назад»"]
            object[key] = .string("\(key): \(samples[index % samples.count])")
        }
        let keyPageKeys = [
            "needsScript", "key", "model", "language", "stream", "show", "privacy", "unavailable", "emptyKey",
            "loading", "test", "testing", "testWorks", "testOdd", "testRefused", "testNotFound", "testUnreachable",
            "testCurl", "testOther", "testRelaySaid", "testBadKey",
        ]
        object["keyPage"] = .object(
            Dictionary(uniqueKeysWithValues: keyPageKeys.map { ($0, TemplateValue.string("\($0) <key> & 'ключ'")) }))
        return .object(object)
    }()

    static func navItems(_ engines: Engines, active: Int?) -> String {
        var html = ""
        for index in 0..<4 {
            let item: TemplateValue = [
                "title": .string("Page \(index) & <more>"), "url": .string("/docs/page-\(index)/?a=1&b='2'"),
                "active": .bool(index == active),
            ]
            html += engines.ours.render("partials/nav-item", item) ?? ""
        }
        return html
    }

    static func layoutContext(_ engines: Engines, variant: Int) -> TemplateValue {
        let multilingual = variant % 2 == 0
        var page: [String: TemplateValue] = [
            "title": "Quick start <for> \"you\" & 'me' — 快速开始",
            "description": variant == 1 ? "" : "Call any model & get code: <b>now</b>",
            "hasDescription": .bool(variant != 1),
            "content":
                "<h1 id=\"top\">Quick start</h1>\n<p>Raw &amp; already escaped 🙂</p>\n<pre><code>a < b</code></pre>",
            "url": "/docs/quick-start/",
            "hasToc": .bool(variant != 2),
            "toc": [
                ["id": "install", "text": "Install & run", "items": [["id": "pip", "text": "pip <3"]]],
                ["id": "call", "text": "Call 'the' model", "items": []],
            ],
        ]
        if variant != 3 { page["prev"] = ["title": "Intro & overview", "url": "/docs/"] }
        if variant != 1 { page["next"] = ["title": "Models \"list\"", "url": "/docs/models/"] }
        if multilingual {
            page["alternates"] = [
                ["hreflang": "en", "url": "/docs/quick-start/"],
                ["hreflang": "zh-Hans", "url": "/zh/docs/quick-start/"],
            ]
        }
        let nav: TemplateValue = .list(
            (0..<3).map { group in
                [
                    "title": .string(group == 0 ? "" : "Group \(group) & more"), "hasTitle": .bool(group != 0),
                    "collapsed": .bool(group == 2 && variant == 0), "url": .string("/docs/group-\(group)/"),
                    "linked": .bool(group == 1 || (group == 2 && variant == 0)), "active": .bool(group == 1),
                    "itemsHTML": .string(navItems(engines, active: group == variant ? 2 : nil)),
                ]
            })
        return [
            "lang": multilingual ? "zh-Hans" : "en",
            "site": [
                "title": "Relay <Docs> & 'more'", "base": "/", "assets": "/assets/",
                "searchIndex": "/search-index.json?v=\"1\"", "home": "/",
            ],
            "strings": strings,
            "hasLocales": .bool(multilingual),
            "locales": [
                ["code": "en", "name": "English", "current": .bool(!multilingual), "url": "/docs/quick-start/"],
                ["code": "zh-Hans", "name": "简体中文", "current": .bool(multilingual), "url": "/zh/"],
            ],
            "page": .object(page),
            "nav": nav,
        ]
    }

    @Test("Site layout and partials", arguments: 0..<4)
    func siteLayout(variant: Int) throws {
        let engines = try Engines(Self.templates(in: "site"), escaping: .html)
        #expect(engines.ours.contains("layout"))
        #expect(engines.ours.missingPartials().isEmpty)
        engines.expectSame("layout", Self.layoutContext(engines, variant: variant))
    }

    @Test func sitePartialsAlone() throws {
        let engines = try Engines(Self.templates(in: "site"), escaping: .html)
        engines.expectSame(
            "partials/key-page",
            [
                "api": "/api/snippet?x=1&y='2'", "assets": "/assets/", "strings": Self.strings,
                "models": [["id": "gpt-4o"], ["id": "claude <3> & co"], ["id": "gemini-2.5-flash"]],
                "hasModelsURL": true, "modelsURL": "https://relay.example/v1/models?x='1'&y=\"2\"",
            ])
        engines.expectSame("partials/nav-item", ["title": "Models & <list>", "url": "/docs/'models'/", "active": true])
        engines.expectSame("partials/nav-item", ["title": "Models", "url": "/docs/models/", "active": false])
        engines.expectSame("partials/toc", Self.layoutContext(engines, variant: 0))
    }

    // MARK: Snippets

    @Test("Snippet templates", arguments: [false, true])
    func snippets(stream: Bool) throws {
        let files = try Self.templates(in: "snippets")
        let engines = try Engines(files, escaping: .none)
        #expect(engines.ours.missingPartials().isEmpty)
        func untrusted(_ text: String) -> TemplateValue { .custom(SnippetText(text: text)) }
        let names = files.keys.filter { $0.hasPrefix("recipes/") }.sorted()
        #expect(names.count >= 12)
        for name in names {
            for cache in [false, true] {
                let context: TemplateValue = [
                    "sdk": ["package": untrusted("openai"), "versions": untrusted(">=1.40,<2")],
                    "baseURL": untrusted("https://relay.example/v1"),
                    "url": untrusted("https://relay.example/v1/chat/completions?key='k'&x=1"),
                    "key": untrusted("sk-'quoted' \"double\" $HOME `cmd` \\ end"),
                    "model": untrusted("gpt-4o <mini>"),
                    "prompt": untrusted("Say \"hi\" & 'bye'\nin 中文 🙂 \\n \u{7}"),
                    "apiVersion": untrusted("2023-06-01"),
                    "maxTokens": 1024, "budget": 2048,
                    "stream": .bool(stream), "cache": .bool(cache), "thinking": .bool(cache),
                ]
                engines.expectSame(name, context)
            }
        }
    }
}

/// Untrusted text with escapers, as the snippet templates use them: `json` gives text that still
/// needs a final escaper; the others give finished code.
struct SnippetText: CustomTemplateValue {
    var text: String

    func transform(_ name: String) -> TemplateValue? {
        func quoted(_ text: String, _ quote: String) -> String {
            var output = quote
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\"", "'": output += scalar == quote.unicodeScalars.first ? "\\\(scalar)" : "\(scalar)"
                case _ where scalar.value < 0x20: output += "\\u{\(String(scalar.value, radix: 16))}"
                default: output.unicodeScalars.append(scalar)
                }
            }
            return output + quote
        }
        switch name {
        case "json": return .custom(SnippetText(text: quoted(text, "\"")))
        case "python", "swift": return .custom(Code(text: quoted(text, "\"")))
        case "shell": return .custom(Code(text: text.replacingOccurrences(of: "'", with: "'\\''")))
        case "shellWord": return .custom(Code(text: "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"))
        case "comment": return .string(text.replacingOccurrences(of: "\n", with: " "))
        default: return nil
        }
    }

    /// Finished code: no transforms.
    struct Code: CustomTemplateValue {
        var text: String
        func transform(_ name: String) -> TemplateValue? { nil }
    }
}

/// A custom value as swift-mustache sees it.
private struct MustacheBox: MustacheTransformable, MustacheCustomRenderable {
    var value: any CustomTemplateValue
    var renderText: String { value.text }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { value.transform(name).flatMap(mustacheValue) }
}

/// The `Any` context swift-mustache takes for a value (nil for `.null`).
private func mustacheValue(_ value: TemplateValue) -> Any? {
    switch value {
    case .null: nil
    case .bool(let bool): bool
    case .int(let int): int
    case .string(let string): string
    case .list(let list): list.compactMap(mustacheValue)
    case .object(let object): object.compactMapValues(mustacheValue)
    case .custom(let custom): MustacheBox(value: custom)
    }
}
