import Foundation
import RelayCatalog
import RelayDefaults
@testable import RelaySite
import RelaySnippets
import Testing

/// A content folder written by a test, and a place to build it.
final class SiteFixture: @unchecked Sendable {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("site") }

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("relaydocs-site-\(UUID().uuidString)")
        for (path, text) in files { try write(text, to: path) }
    }

    func write(_ text: String, to path: String) throws {
        let file = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func builder() throws -> SiteBuilder {
        let catalog = try Catalog.load(yaml: DefaultResources.catalogYAML, path: "catalog.yaml")
        return SiteBuilder(
            options: SiteBuilder.Options(
                content: content.path, output: output.path, catalog: catalog,
                snippetTemplates: try SnippetTemplates(files: DefaultResources.templates, origin: "templates"),
                siteTemplates: DefaultResources.templates, siteTemplatesOrigin: "templates"))
    }

    @discardableResult
    func build() throws -> SiteBuilder.Summary { try builder().build() }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every output file and its bytes.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = output.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}

/// A two-locale site with links, anchors, snippets, catalog tables, containers and an image.
let bilingualSite: [String: String] = [
    "site.yaml": """
    title: Test Docs
    url: https://docs.example.com
    locales:
      - { code: zh, name: 简体中文, lang: zh-CN }
      - { code: en, name: English, lang: en }
    """,
    "zh/index.md": "---\ntitle: 首页\n---\n\n# 欢迎\n\n见[快速接入](guide/start.md#第一个请求)。\n",
    "zh/guide/start.md": "# 快速接入\n\n## 第一个请求\n\n```snippet model=gpt-4o\n```\n",
    "en/index.md":
        "# Welcome\n\nSee [the quick start](guide/start.md#first-request) and [below](#domains).\n\n## Domains\n\n```catalog domains\n```\n",
    "en/guide/start.md":
        "---\ntitle: Quick start\norder: 1\n---\n\n# Quick start\n\n## First request\n\n```snippet model=claude-sonnet-4-20250514 stream=true\nTell me a joke\n```\n\n::: tip\nA tip.\n:::\n\n![logo](../img/logo.svg)\n",
    "en/guide/more.md": "---\ntitle: More\norder: 2\n---\n\n# More {#custom}\n\nBack to [start](start.md).\n",
    "en/img/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
]

@Suite("Site builds", .serialized)
struct SiteBuilderTests {
    @Test("a bilingual site: pages, rewritten links, locales, search index, sitemap, 404, assets")
    func bilingualBuild() throws {
        let fixture = try SiteFixture(bilingualSite)
        let summary = try fixture.build()
        #expect(summary.pages == 5)
        #expect(summary.locales == 2)
        let files = try fixture.snapshot()
        for path in [
            "index.html", "guide/start.html", "en/index.html", "en/guide/start.html", "en/guide/more.html",
            "en/img/logo.svg", "search-index.json", "en/search-index.json", "sitemap.xml", "404.html",
            "assets/relaydocs.css", "assets/relaydocs.js",
        ] {
            #expect(files[path] != nil, "missing \(path)")
        }
        let home = try fixture.read("en/index.html")
        #expect(home.contains("href=\"/en/guide/start.html#first-request\""))
        #expect(home.contains("<h2 id=\"domains\" tabindex=\"-1\">"))
        #expect(
            home.replacingOccurrences(of: "<wbr>", with: "").contains("https://api.openai-proxy.org/anthropic"),
            "the domain table comes from the catalog")
        #expect(home.contains("hreflang=\"zh-CN\"") && home.contains("hreflang=\"en\""))
        #expect(
            try fixture.read("index.html").contains(
                "href=\"/guide/start.html#%E7%AC%AC%E4%B8%80%E4%B8%AA%E8%AF%B7%E6%B1%82\"")
                || fixture.read("index.html").contains("href=\"/guide/start.html#第一个请求\""))

        let start = try fixture.read("en/guide/start.html")
        #expect(start.contains("data-code-group"))
        #expect(start.components(separatedBy: "class=\"code-group-panel\"").count - 1 == 6, "one tab per language")
        #expect(start.contains("sk-xxxxxx"), "snippets on the site carry the placeholder key")
        #expect(start.contains("Tell me a joke"), "the block's text is the prompt")
        #expect(start.contains("class=\"custom-block tip\""))
        #expect(try fixture.read("en/guide/more.html").contains("<h1 id=\"custom\""))

        let index =
            try JSONSerialization.jsonObject(with: Data(try fixture.read("en/search-index.json").utf8))
            as? [String: Any]
        let pages = try #require(index?["pages"] as? [[String: Any]])
        #expect(pages.count == 3)
        #expect(
            pages.contains { $0["url"] as? String == "/en/guide/start.html" && $0["title"] as? String == "Quick start" }
        )
        #expect(try fixture.read("sitemap.xml").contains("<loc>https://docs.example.com/en/guide/more.html</loc>"))
    }

    @Test("two builds of the same input are byte-identical")
    func deterministic() throws {
        let fixture = try SiteFixture(bilingualSite)
        try fixture.build()
        let first = try fixture.snapshot()
        try fixture.build()
        #expect(try fixture.snapshot() == first)
    }

    @Test("every error of a build is reported at once with file and line, and the old site stays")
    func errorsLeaveTheOldSite() throws {
        let fixture = try SiteFixture(bilingualSite)
        try fixture.build()
        let before = try fixture.snapshot()
        try fixture.write(
            "# Broken\n\nA [dead link](nowhere.md) and [a bad anchor](start.md#nope).\n\n```snippet model=gpt-9\n```\n\n::: tip\nunclosed\n",
            to: "en/guide/broken.md")
        try fixture.write("---\ntitle: [unclosed\n---\n# x\n", to: "en/guide/bad-front-matter.md")
        #expect {
            try fixture.build()
        } throws: { error in
            guard let error = error as? SiteBuildError else { return false }
            let lines = error.diagnostics.map(\.description)
            let file = fixture.content.path + "/en/guide/broken.md"
            return lines.contains("\(file):3: error: broken link \"nowhere.md\": no page guide/nowhere.md")
                && lines.contains(
                    "\(file):3: error: broken anchor \"start.md#nope\": guide/start.md has no heading #nope")
                && lines.contains { $0.hasPrefix("\(file):5: error: snippet block: unknown model \"gpt-9\"") }
                && lines.contains("\(file):8: error: the container opened here is never closed with :::")
                && lines.contains {
                    $0.hasPrefix(fixture.content.path + "/en/guide/bad-front-matter.md:") && $0.contains("front matter")
                }
        }
        #expect(try fixture.snapshot() == before, "a failed build leaves the previous site untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter {
            $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty, "no staging folder is left behind: \(leftovers)")
    }

    @Test("a page with Windows line ends builds as with Unix ones, and a page that is not UTF-8 is an error naming it")
    func pageBytes() throws {
        let page = "# Title\n\nSome *text*.\n\n```python\nprint(1)\n```\n"
        let unix = try SiteFixture(["index.md": page])
        try unix.build()
        let windows = try SiteFixture(["index.md": page.replacingOccurrences(of: "\n", with: "\r\n")])
        try windows.build()
        #expect(try windows.read("index.html") == unix.read("index.html"))
        #expect(try windows.read("index.md") == unix.read("index.md"))

        let broken = try SiteFixture(["index.md": page])
        let file = broken.content.appendingPathComponent("index.md")
        // "é" in UTF-8, then a line with a cut two-byte sequence, as a Latin-1 "é" (0xE9) would be.
        try Data("# Caf\u{E9}\n\nna\u{EF}ve ".utf8 + [0xE9, 0x0A]).write(to: file)
        #expect {
            try broken.build()
        } throws: { error in
            (error as? SiteBuildError)?.diagnostics.map(\.description) == [
                "\(file.path):3: error: the file is not UTF-8: byte 8 of this line (0xE9) does not start a UTF-8 "
                    + "character here; save the file as UTF-8"
            ]
        }
    }

    @Test("a content folder without configuration builds as one locale")
    func unconfiguredFolder() throws {
        let fixture = try SiteFixture([
            "index.md": "# Corpus home\n\n[A page](section/page.md)\n",
            "section/page.md": "---\ntitle: From front matter\n---\n\nNo heading here.\n",
            "section/other.md": "Text first.\n\n# From the first heading\n",
        ])
        let summary = try fixture.build()
        #expect(summary.locales == 1)
        let index =
            try JSONSerialization.jsonObject(with: Data(try fixture.read("search-index.json").utf8)) as? [String: Any]
        let titles = (index?["pages"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }.sorted()
        #expect(titles == ["Corpus home", "From front matter", "From the first heading"])
        #expect(try fixture.read("index.html").contains("href=\"/section/page.html\""))
    }

    @Test("a big section's sidebar lists the page's own slice and links to the slices near it, the first and the last")
    func bigSectionNavigation() throws {
        // 1,000 pages in one section: 20 slices of 50, ordered by weight.
        var files = ["index.md": "# Home\n"]
        for number in 0..<1000 {
            files[String(format: "big/page%04d.md", number)] =
                "---\ntitle: Page \(number)\nweight: \(number)\n---\n\nText \(number).\n"
        }
        let fixture = try SiteFixture(files)
        try fixture.build()
        let page = try fixture.read("big/page0512.html")
        let sidebar = try #require(page.range(of: "<aside id=\"sidebar\"").map { String(page[$0.lowerBound...]) })
            .components(separatedBy: "</aside>")[0]
        // Its own slice (500–549) open, with every item and itself active.
        #expect(sidebar.contains("<p class=\"nav-chunk-title\">Page 500 – Page 549</p>"))
        for number in 500..<550 { #expect(sidebar.contains(String(format: "href=\"/big/page%04d.html\"", number))) }
        #expect(sidebar.contains("href=\"/big/page0512.html\" aria-current=\"page\""))
        // The slices within three of it, and the first and last, as one link each; gaps between.
        for start in [0, 350, 400, 450, 550, 600, 650, 950] {
            #expect(
                sidebar.contains(
                    String(format: "href=\"/big/page%04d.html\">Page %d – Page %d</a>", start, start, start + 49)))
        }
        for start in [50, 300, 700, 900] { #expect(!sidebar.contains(String(format: "/big/page%04d.html", start))) }
        #expect(sidebar.components(separatedBy: "nav-chunk-gap").count - 1 == 2)
        // No other page's item: the sidebar's size does not depend on the section's.
        #expect(!sidebar.contains("/big/page0499.html") && !sidebar.contains("/big/page0551.html"))
        // The same page in a section ten times smaller has as many links.
        var small = ["index.md": "# Home\n"]
        for number in 0..<100 {
            small[String(format: "big/page%04d.md", number)] = "---\ntitle: Page \(number)\nweight: \(number)\n---\n"
        }
        let smaller = try SiteFixture(small)
        try smaller.build()
        let first = try smaller.read("big/page0012.html")
        #expect(first.contains("<p class=\"nav-chunk-title\">Page 0 – Page 49</p>"))
        #expect(first.contains("href=\"/big/page0050.html\">Page 50 – Page 99</a>"))
    }

    @Test("heading ids of ASCII text, made on bytes, equal those made by Unicode properties")
    func asciiSlugs() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }.joined()
            #expect(HeadingAnchors.slug(text) == HeadingAnchors.slugByScalars(text), "\(text.debugDescription)")
            #expect(
                text.trimmingSpaces
                    == String(
                        text.unicodeScalars.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }
                            .reversed().map(Character.init)))
        }
    }

    @Test("basePath prefixes every URL")
    func basePath() throws {
        let fixture = try SiteFixture([
            "site.yaml": "title: Sub\nbasePath: /docs\n",
            "index.md": "# Home\n\n[Next](next.md)\n",
            "next.md": "# Next\n",
        ])
        try fixture.build()
        let home = try fixture.read("index.html")
        #expect(home.contains("href=\"/docs/next.html\""))
        #expect(home.contains("/docs/assets/relaydocs.css"))
    }

    @Test("raw HTML is off unless site.yaml turns it on")
    func rawHTML() throws {
        let fixture = try SiteFixture(["index.md": "# Home\n\n<div class=\"raw\">x</div>\n"])
        try fixture.build()
        #expect(!(try fixture.read("index.html")).contains("<div class=\"raw\">"))
        try fixture.write("title: Raw\nrawHTML: true\n", to: "site.yaml")
        try fixture.build()
        #expect(try fixture.read("index.html").contains("<div class=\"raw\">"))
    }

    @Test("headings take {#custom-id} from the end of their text; anything else is text")
    func customHeadingIDs() throws {
        let fixture = try SiteFixture([
            "index.md": """
            # Home

            ## Setup {#install-1}\u{20}\u{20}
            ## Chinese 中文 {#zh.id:1}
            ## Spaced {#a b}
            ## Braces {not}
            ## Empty {#}
            ## Only {#only}
            [to setup](#install-1) [to zh](#zh.id:1)
            """
        ])
        try fixture.build()
        let html = try fixture.read("index.html")
        #expect(html.contains("<h2 id=\"install-1\" tabindex=\"-1\">Setup <a"))
        #expect(html.contains("<h2 id=\"zh.id:1\" tabindex=\"-1\">Chinese 中文 <a"))
        #expect(html.contains("<h2 id=\"spaced-a-b\" tabindex=\"-1\">Spaced {#a b} <a"))
        #expect(html.contains("<h2 id=\"braces-not\" tabindex=\"-1\">Braces {not} <a"))
        #expect(html.contains("<h2 id=\"empty\" tabindex=\"-1\">Empty {#} <a"))
        #expect(html.contains("<h2 id=\"only\" tabindex=\"-1\">Only <a"))
    }

    @Test("a rebuild links unchanged files from the previous site and writes only what changed")
    func unchangedFilesAreKept() throws {
        let fixture = try SiteFixture([
            "index.md": "# Home\n\n[Next](next.md)\n", "next.md": "# Next\n", "gone.md": "# Gone\n",
        ])
        try fixture.build()
        func inode(_ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: fixture.output.appendingPathComponent(path).path)
            return (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
        }
        let nextBefore = try inode("next.html")
        let cssBefore = try inode("assets/relaydocs.css")
        let indexBefore = try inode("index.html")
        let indexText = try fixture.read("index.html")
        try fixture.write("# Home\n\nEdited. [Next](next.md)\n", to: "index.md")
        try fixture.build()
        #expect(try inode("next.html") == nextBefore, "an unchanged page is the same file")
        #expect(try inode("assets/relaydocs.css") == cssBefore)
        #expect(try inode("index.html") != indexBefore, "a changed page is written anew")
        #expect(try fixture.read("index.html") != indexText)
        #expect(try fixture.read("index.html").contains("Edited."))
        // A removed page changes every sidebar, and its own file goes.
        try FileManager.default.removeItem(at: fixture.content.appendingPathComponent("gone.md"))
        try fixture.build()
        #expect(try inode("next.html") != nextBefore)
        #expect(!(try fixture.read("next.html")).contains("gone.html"))
        #expect(!FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("gone.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter {
            $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty, "no staging or old folder is left behind: \(leftovers)")
    }

    @Test("links in table cells are rewritten and checked like any other, with their line")
    func linksInTables() throws {
        let fixture = try SiteFixture([
            "index.md": "# Home\n\nIntro.\n\n| page | note |\n| --- | --- |\n| [Next](next.md#part) | *x* |\n",
            "next.md": "# Next\n\n## Part\n",
        ])
        try fixture.build()
        #expect(
            try fixture.read("index.html").contains(
                "<td><a href=\"/next.html#part\">Next</a></td>\n<td><em>x</em></td>"))
        try fixture.write("# Home\n\n| page |\n| --- |\n| x |\n| [Gone](gone.md) |\n", to: "index.md")
        #expect {
            try fixture.build()
        } throws: { error in
            (error as? SiteBuildError)?.diagnostics.map(\.description).contains {
                $0.hasSuffix("index.md:6: error: broken link \"gone.md\": no page gone.md")
            } == true
        }
    }

    @Test("a snippet block whose langs names no language is an error with its line")
    func snippetBlockWithoutLanguages() throws {
        let fixture = try SiteFixture(["index.md": "# Home\n\n```snippet model=gpt-4o langs=,\n```\n"])
        #expect {
            try fixture.build()
        } throws: { error in
            (error as? SiteBuildError)?.diagnostics.map(\.description).contains {
                $0.hasSuffix(
                    "index.md:3: error: snippet block: langs names no language; expected some of python, curl, swift, javascript, go, java"
                )
            } == true
        }
    }

    @Test("the key page offers every language, and catalog table cells carry their column's name")
    func keyPageAndCatalogCards() throws {
        let fixture = try SiteFixture(["index.md": "# Home\n\n```keypage\n```\n\n```catalog domains\n```\n"])
        try fixture.build()
        let html = try fixture.read("index.html")
        let options = html.components(separatedBy: "<option value=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
        for language in ["python", "curl", "swift", "javascript", "go", "java"] {
            #expect(options.contains(language), "the key page offers \(language): \(options)")
        }
        #expect(html.contains("<option value=\"javascript\">JavaScript</option>"))
        // On a phone each row is a card, each value under its column's name.
        #expect(
            html.contains(
                "<td data-label=\"Relay base URL\"><code>https://api.<wbr>openai-proxy.<wbr>org/<wbr>anthropic</code></td>"
            ))
    }

    @Test("code is highlighted at build time")
    func highlighting() throws {
        let fixture = try SiteFixture(["index.md": "# Home\n\n```python\nprint(\"hi\")  # note\n```\n"])
        try fixture.build()
        let html = try fixture.read("index.html")
        #expect(html.contains("<div class=\"code-block\" data-lang=\"python\">"))
        #expect(html.contains("<span class=\"hl-comment\"># note</span>"))
    }
}

@Suite("Rebuilds in memory")
struct SiteCacheTests {
    @Test("a rebuild renders and lays out only the pages a change touches")
    func incremental() throws {
        let fixture = try SiteFixture(bilingualSite)
        let builder = try fixture.builder()
        let cache = SiteCache()
        cache.beginBuild()
        let first = try builder.render(cache: cache)
        #expect(cache.renderedCount == 5)
        #expect(cache.laidOutCount == 5)

        cache.beginBuild()
        let unchanged = try builder.render(cache: cache)
        #expect(cache.renderedCount == 0)
        #expect(cache.laidOutCount == 0)
        #expect(unchanged.byPath == first.byPath)

        // A change of body text: one page rendered and laid out again.
        try fixture.write(bilingualSite["en/guide/more.md"]! + "\nMore text.\n", to: "en/guide/more.md")
        cache.beginBuild()
        let edited = try builder.render(cache: cache)
        #expect(cache.renderedCount == 1)
        #expect(cache.laidOutCount == 1)
        #expect(String(decoding: edited.file("en/guide/more.html")!, as: UTF8.self).contains("More text."))

        // A changed title changes the sidebar of every page of the locale.
        try fixture.write("---\ntitle: Renamed\norder: 2\n---\n\n# More\n", to: "en/guide/more.md")
        cache.beginBuild()
        _ = try builder.render(cache: cache)
        #expect(cache.renderedCount == 1)
        #expect(cache.laidOutCount == 3)
    }

    @Test("a rebuild checks an unchanged page's links against the changed pages")
    func linksOfUnchangedPages() throws {
        let fixture = try SiteFixture(bilingualSite)
        let builder = try fixture.builder()
        let cache = SiteCache()
        _ = try builder.render(cache: cache)
        // en/index.md links to guide/start.md#first-request; start.md loses that heading.
        try fixture.write("# Quick start\n\n## Renamed request\n", to: "en/guide/start.md")
        #expect {
            try builder.render(cache: cache)
        } throws: { error in
            (error as? SiteBuildError)?.diagnostics.contains {
                $0.file.hasSuffix("en/index.md") && $0.message.contains("has no heading #first-request")
            } == true
        }
        // And the page it links to going away.
        try FileManager.default.removeItem(at: fixture.content.appendingPathComponent("en/guide/start.md"))
        #expect {
            try builder.render(cache: cache)
        } throws: { error in
            (error as? SiteBuildError)?.diagnostics.contains {
                $0.file.hasSuffix("en/index.md") && $0.message.contains("no page guide/start.md")
            } == true
        }
        // Put back, the site builds again from the same cache.
        try fixture.write(bilingualSite["en/guide/start.md"]!, to: "en/guide/start.md")
        _ = try builder.render(cache: cache)
    }
}

@Suite("The search index")
struct SearchIndexTests {
    @Test("text with quotes, controls, separators and non-ASCII survives the hand-written JSON")
    func hardText() throws {
        let hard =
            "quote \" backslash \\ tab \t newline \n cr \r nul \u{0} bell \u{7} sep \u{2028}\u{2029} e\u{301} 你好 🙂 \u{E2}"
        let fixture = try SiteFixture([
            "index.md": "# Home\n\n\(hard.replacingOccurrences(of: "\n", with: " "))\n\n## \(hard.prefix(20))\n"
        ])
        try fixture.build()
        let data = Data(try fixture.read("search-index.json").utf8)
        let index = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let page = try #require((index["pages"] as? [[String: Any]])?.first)
        let text = try #require(page["text"] as? String)
        #expect(text.contains("quote \" backslash \\ tab \t"))
        #expect(text.contains("sep \u{2028}\u{2029} e\u{301} 你好 🙂"))
    }
}

@Suite("Front matter")
struct FrontMatterTests {
    /// Front matter the simple reader takes, and front matter it must leave to Yams.
    static let samples = [
        "title: Page 20\nweight: 20\n", "title: \"Page 20\"\nweight: 20\n", "title: '快速接入'\norder: -3\n",
        "title: Quick start\ndescription: How to call the relay: keys, URLs\n", "title: a: b\n",
        "title: x # comment\n", "title: \"quoted # not a comment\"\n", "# a comment\ntitle: Commented\n",
        "title: \"esc\\\"aped\"\n", "title: 'it''s'\n", "order: 007\n", "order: 0x1F\n", "order: 1_000\n",
        "order: \"5\"\n", "order: five\n", "order: 2.5\n", "weight: 3\norder: 1\n", "order: 1\nweight: 3\n",
        "Title: Capital\n", "titel: typo\n", "title: Dup\ntitle: Again\n", "title:\n", "title:   \n",
        "title: [a, b]\n", "title: &anchor x\n", "title: - item\n", "  title: indented\n", "title: x\n  more\n",
        "title: trailing:\n", "title: true\n", "title: null\n", "title: ~\n", "nav: Short\ntitle: Long\n",
        "title:\tTabbed\n", "extra-key: 1\ntitle: Extra\n", "\n\ntitle: After blanks\n", "",
        "title: \"unclosed\n", "title: 'a' trailing\n", "title: 100%\n", "title: `tick`\n",
    ]

    @Test("the simple reader agrees with Yams on every sample", arguments: samples)
    func simpleReaderAgreesWithYams(yaml: String) {
        let text = "---\n" + yaml + "---\n\n# Body\n"
        let fast = FrontMatter.split(text, file: "page.md", simpleFirst: true)
        let yams = FrontMatter.split(text, file: "page.md", simpleFirst: false)
        #expect(fast.0 == yams.0)
        #expect(fast.body == yams.body)
        #expect(fast.2 == yams.2)
    }

    @Test("plain key: value lines are read without Yams; anything else is left to it")
    func simpleReaderScope() {
        #expect(SimpleYAML.fields("title: Page 20\nweight: 20\n")?.map(\.value) == ["Page 20", "20"])
        #expect(SimpleYAML.fields("title: 'a' trailing\n") == nil)
        #expect(SimpleYAML.fields("title: [a, b]\n") == nil)
        #expect(SimpleYAML.fields("title: Dup\ntitle: Again\n") == nil)
        #expect(SimpleYAML.int("007") == nil)
        #expect(SimpleYAML.int("-7") == -7)
    }
}

@Suite("Builds to disk, a page at a time")
struct StreamingBuildTests {
    /// The bilingual site, pages whose titles come from their first level-1 heading (with
    /// inline markup, a custom id, after another heading) or their file name, and a section of
    /// more pages than a batch, which link to each other.
    static func site(many count: Int = SiteBuilder.Run.batchSize * 2 + 17) -> [String: String] {
        var files = bilingualSite
        files["en/titles/index.md"] =
            "## Before the title\n\n# Titles *in* `code` {#titles}\n\nSee [plain](plain.md).\n"
        files["en/titles/plain.md"] = "Just text, no heading.\n"
        files["en/titles/late.md"] = "---\norder: 3\n---\n\n## First\n\n# Late title\n"
        for number in 0..<count {
            let next = (number + 1) % count
            files["en/many/page\(number).md"] =
                "# Page \(number)\n\n## Part\n\nOn to [page \(next)](page\(next).md#part).\n\n```python\nprint(\(number))\n```\n"
        }
        return files
    }

    @Test("a build to disk writes the same files as a build in memory")
    func sameAsInMemory() throws {
        let fixture = try SiteFixture(Self.site())
        let builder = try fixture.builder()
        _ = try builder.build()
        let written = try fixture.snapshot()
        let inMemory = try builder.render()
        let paths = Set(inMemory.byPath.keys).union(inMemory.deferred.keys)
        #expect(Set(written.keys) == paths)
        let differing = paths.filter { written[$0] != inMemory.file($0) }
        #expect(differing.isEmpty)
        #expect(written.count > 2 * SiteBuilder.Run.batchSize * 2)
    }

    @Test("titles from a page's first level-1 heading reach the sidebar and llms.txt")
    func headingTitles() throws {
        let fixture = try SiteFixture(Self.site())
        try fixture.build()
        let page = try fixture.read("en/titles/plain.html")
        #expect(page.contains(">Titles in code<"))
        #expect(page.contains(">plain<"))
        #expect(page.contains(">Late title<"))
        let index = try fixture.read("en/llms.txt")
        #expect(index.contains("## Titles in code\n"))
        #expect(index.contains("[Late title](https://docs.example.com/en/titles/late.md)"))
    }

    @Test("llms-full.txt and the search index list every page once, in sidebar order")
    func aggregatesInOrder() throws {
        let fixture = try SiteFixture(Self.site())
        try fixture.build()
        let json = try fixture.read("en/search-index.json")
        let index = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let urls = (index?["pages"] as? [[String: Any]])?.compactMap { $0["url"] as? String } ?? []
        let count = SiteBuilder.Run.batchSize * 2 + 17
        #expect(urls.count == Set(urls).count)
        #expect(urls.count == count + 3 + 3)
        let many = urls.filter { $0.hasPrefix("/en/many/") }
        // The sidebar orders a folder's pages by title: Page 0, Page 1, Page 10, ….
        let titles = (0..<count).map { "Page \($0)" }.sorted()
        #expect(many == titles.map { "/en/many/page\($0.dropFirst(5)).html" })
        let full = try fixture.read("en/llms-full.txt")
        let starts = full.components(separatedBy: "\n---\n\n").dropFirst().map { $0.prefix(while: { $0 != "\n" }) }
        #expect(starts.count == urls.count)
        #expect(starts.filter { $0.hasPrefix("# Page ") }.map { String($0.dropFirst(2)) } == titles)
    }

    @Test("a broken link found after the pages are written still fails the build and keeps the old site")
    func brokenLinkKeepsSite() throws {
        let fixture = try SiteFixture(Self.site())
        try fixture.build()
        let before = try fixture.snapshot()
        let last = SiteBuilder.Run.batchSize * 2 + 16
        try fixture.write("# Page \(last)\n\n## Part\n\nTo [nowhere](missing.md).\n", to: "en/many/page\(last).md")
        #expect {
            try fixture.build()
        } throws: { error in
            (error as? SiteBuildError)?.diagnostics.map(\.description)
                == [
                    "\(fixture.content.path)/en/many/page\(last).md:5: error: broken link \"missing.md\": no page many/missing.md"
                ]
        }
        #expect(try fixture.snapshot() == before)
    }
}

@Suite("Rebuilds of page bodies")
struct BodyRebuildTests {
    /// Every file of an in-memory build, the deferred ones made.
    static func contents(_ files: SiteFiles) -> [String: Data] {
        var all = files.byPath
        for (path, file) in files.deferred { all[path] = file.data }
        return all
    }

    /// A rebuild with the cache, and a build of the same content with a fresh cache, give the
    /// same files; returns how many pages the rebuild laid out.
    static func rebuildMatchesFullBuild(_ builder: SiteBuilder, _ cache: SiteCache) throws -> Int {
        cache.beginBuild()
        let rebuilt = try builder.render(cache: cache)
        let laidOut = cache.laidOutCount
        let full = try builder.render(cache: SiteCache())
        #expect(contents(rebuilt) == contents(full))
        #expect(rebuilt.pageCount == full.pageCount)
        return laidOut
    }

    @Test("an edited body is laid out alone, and the site is what a whole build makes")
    func bodyEdit() throws {
        let fixture = try SiteFixture(StreamingBuildTests.site(many: 40))
        let builder = try fixture.builder()
        let cache = SiteCache()
        let first = try builder.render(cache: cache)
        _ = Self.contents(first)
        try fixture.write("# Page 7\n\n## Part\n\nNew words. On to [page 8](page8.md#part).\n", to: "en/many/page7.md")
        try fixture.write(bilingualSite["en/guide/more.md"]! + "\nMore text.\n", to: "en/guide/more.md")
        #expect(try Self.rebuildMatchesFullBuild(builder, cache) == 2)
        #expect(cache.renderedCount == 2)
        // Again from the updated site, and with nothing changed.
        try fixture.write("# Page 7\n\n## Part\n\nOther words.\n", to: "en/many/page7.md")
        #expect(try Self.rebuildMatchesFullBuild(builder, cache) == 1)
        #expect(try Self.rebuildMatchesFullBuild(builder, cache) == 0)
    }

    @Test("a change of title, order, description, heading id or page list rebuilds the whole site")
    func otherChanges() throws {
        let fixture = try SiteFixture(StreamingBuildTests.site(many: 40))
        let builder = try fixture.builder()
        let cache = SiteCache()
        _ = try builder.render(cache: cache)
        let pages = StreamingBuildTests.site(many: 40).keys.filter { $0.hasPrefix("en/") && $0.hasSuffix(".md") }.count
        for (path, text) in [
            ("en/many/page7.md", "# Page seven\n\n## Part\n"),
            ("en/guide/more.md", "---\ntitle: More\norder: 5\n---\n\n# More {#custom}\n\nBack to [start](start.md).\n"),
            ("en/guide/more.md", "---\ntitle: More\ndescription: New\n---\n\n# More {#custom}\n"),
            ("en/many/page7.md", "# Page 7\n\n## Part\n\n## Another part\n"),
            ("en/many/extra.md", "# Extra\n"),
        ] {
            try fixture.write(text, to: path)
            #expect(try Self.rebuildMatchesFullBuild(builder, cache) >= pages, "\(path): \(text)")
        }
    }

    @Test("an edit that breaks a link fails, the next good one is laid out alone")
    func brokenThenFixed() throws {
        let fixture = try SiteFixture(StreamingBuildTests.site(many: 40))
        let builder = try fixture.builder()
        let cache = SiteCache()
        _ = try builder.render(cache: cache)
        try fixture.write(
            "# Page 7\n\n## Part\n\nTo [nowhere](gone.md) and [a heading](page8.md#nope).\n", to: "en/many/page7.md")
        func problems(_ cache: SiteCache) -> [String] {
            do {
                _ = try builder.render(cache: cache)
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        let found = problems(cache)
        #expect(found.count == 2)
        #expect(found.contains { $0.hasSuffix("broken link \"gone.md\": no page many/gone.md") })
        // The same problems, in the same order, as a whole build finds.
        #expect(found == problems(SiteCache()))
        try fixture.write("# Page 7\n\n## Part\n\nFixed.\n", to: "en/many/page7.md")
        #expect(try Self.rebuildMatchesFullBuild(builder, cache) == 1)
    }
}
