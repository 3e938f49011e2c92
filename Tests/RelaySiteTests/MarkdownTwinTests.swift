import Foundation
import RelayMarkdown
import RelaySnippets
import Testing

@testable import RelaySite

@Suite("Markdown twins and llms.txt", .serialized)
struct MarkdownTwinTests {
    @Test("every page of every locale has its twin beside it, linked from its head, and each locale an llms.txt")
    func everyPageHasItsTwin() throws {
        let fixture = try SiteFixture(bilingualSite)
        try fixture.build()
        let files = try fixture.snapshot()
        let pages = files.keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted()
        #expect(pages.count == 5)
        for page in pages {
            let twin = String(page.dropLast(5)) + ".md"
            #expect(files[twin] != nil, "\(page) has no twin \(twin)")
            let html = try fixture.read(page)
            #expect(
                html.contains("<link rel=\"alternate\" type=\"text/markdown\" href=\"/\(twin)\">"),
                "\(page) does not link its twin")
        }
        for locale in ["", "en/"] {
            #expect(files[locale + "llms.txt"] != nil)
            #expect(files[locale + "llms-full.txt"] != nil)
        }
        #expect(!(try fixture.read("404.html")).contains("text/markdown"), "the 404 page has no twin")
        #expect(!(try fixture.read("sitemap.xml")).contains(".md<"), "twins are alternates, not sitemap entries")
        #expect(!(try fixture.read("en/search-index.json")).contains(".md\""), "nor search results")
    }

    @Test("a twin holds the page's text, one fenced block per snippet tab with its language, tables, absolute links")
    func twinText() throws {
        let fixture = try SiteFixture(bilingualSite)
        try fixture.build()
        let start = try fixture.read("en/guide/start.md")
        #expect(start.hasPrefix("# Quick start\n\n## First request\n\n"), "no front matter; the page's own title")
        for (label, fence) in [
            ("Python · anthropic", "python"), ("curl", "bash"), ("Swift · Foundation URLSession", "swift"),
            ("JavaScript · Node.js fetch", "javascript"), ("Go · net/http", "go"), ("Java · java.net.http", "java"),
        ] {
            #expect(start.contains("**\(label)**\n\n```\(fence)\n"), "no \(fence) block labelled \(label)")
        }
        #expect(start.components(separatedBy: "\n```\n").count - 1 == 6, "each block closed once")
        #expect(!start.contains("```snippet"))
        #expect(start.contains("Tell me a joke") && start.contains("sk-xxxxxx"))
        #expect(start.contains("::: tip\nA tip.\n:::\n"), "containers stay as written")
        #expect(start.contains("![logo](https://docs.example.com/en/img/logo.svg)"), "files beside pages too")
        #expect(start.hasSuffix(")\n") && !start.hasSuffix("\n\n"))

        let home = try fixture.read("en/index.md")
        #expect(home.contains("[the quick start](https://docs.example.com/en/guide/start.md#first-request)"))
        #expect(home.contains("[below](https://docs.example.com/en/index.md#domains)"))
        #expect(home.contains("| Provider | Original base URL | Relay base URL | Note |\n| --- | --- | --- | --- |\n"))
        #expect(home.contains("| `https://api.openai.com/v1` | `https://api.openai-proxy.org/v1` |"))

        let zhHome = try fixture.read("index.md")
        #expect(zhHome.hasPrefix("# 欢迎\n"), "the first heading, not the front matter's title, leads")
        #expect(zhHome.contains("(https://docs.example.com/guide/start.md#第一个请求)"))
    }

    @Test("llms.txt follows the convention: title, summary, sections of linked twins; llms-full.txt holds them all")
    func llmsFiles() throws {
        var files = bilingualSite
        files["en/index.md"] = "---\ndescription: The relay's docs.\n---\n\n" + bilingualSite["en/index.md"]!
        files["en/guide/index.md"] = "---\ntitle: Guide\n---\n\n# Guide\n\nThe guide.\n"
        files["en/guide/more.md"] = "---\ntitle: More\norder: 2\ndescription: Extra [reading]\n---\n\n# More\n"
        let fixture = try SiteFixture(files)
        try fixture.build()
        let llms = try fixture.read("en/llms.txt")
        #expect(
            llms.hasPrefix(
                "# Test Docs\n\n> The relay's docs.\n\nEvery page is Markdown at its own URL with .md instead of .html, as linked below; [llms-full.txt](https://docs.example.com/en/llms-full.txt) holds them all in one file.\n"
            ))
        #expect(llms.contains("\n## Pages\n\n- [Welcome](https://docs.example.com/en/index.md): The relay's docs.\n"))
        #expect(
            llms.contains(
                "\n## Guide\n\n- [Guide](https://docs.example.com/en/guide/index.md)\n- [Quick start](https://docs.example.com/en/guide/start.md)\n- [More](https://docs.example.com/en/guide/more.md): Extra [reading]\n"
            ))
        #expect(llms.hasSuffix("\n## Optional\n\n- [简体中文](https://docs.example.com/llms.txt)\n"))
        #expect(try fixture.read("llms.txt").contains("- [English](https://docs.example.com/en/llms.txt)"))

        let full = try fixture.read("en/llms-full.txt")
        #expect(full.hasPrefix("# Test Docs\n\n> The relay's docs.\n\n---\n\n# Welcome\n"))
        for twin in ["en/index.md", "en/guide/index.md", "en/guide/start.md", "en/guide/more.md"] {
            #expect(full.contains("\n---\n\n" + (try fixture.read(twin))), "llms-full.txt lacks \(twin)")
        }
        // In sidebar order: the home page, then the guide's index, start (order 1), more (order 2).
        let order = ["# Welcome", "# Guide", "# Quick start", "# More"].map { full.range(of: "\n" + $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test("twins and llms files honour basePath, and without a site URL their links are paths")
    func basePath() throws {
        let fixture = try SiteFixture([
            "site.yaml": "title: Sub\nbasePath: /docs\n",
            "index.md": "# Home\n\n[Next](next.md) and [there](/next.md#next).\n",
            "next.md": "# Next\n",
        ])
        try fixture.build()
        #expect(try fixture.read("index.md").contains("[Next](/docs/next.md) and [there](/docs/next.md#next)."))
        #expect(try fixture.read("llms.txt").contains("- [Next](/docs/next.md)"))
        #expect(try fixture.read("next.html").contains("type=\"text/markdown\" href=\"/docs/next.md\""))
    }

    @Test("what is not a link stays as written: code, code spans, escaped brackets, external URLs")
    func notLinks() throws {
        let page = """
            # Home

            Code `[a](next.md)`, escaped \\[b](next.md), [web](https://example.com/x.md), [next](next.md).

            ```markdown
            [c](next.md)
            ```

            [ref]: next.md#next
            """
        let fixture = try SiteFixture(["index.md": page + "\n\nSee [the ref][ref].\n", "next.md": "# Next\n"])
        try fixture.build()
        let twin = try fixture.read("index.md")
        #expect(
            twin.contains(
                "Code `[a](next.md)`, escaped \\[b](next.md), [web](https://example.com/x.md), [next](/next.md)."))
        #expect(twin.contains("```markdown\n[c](next.md)\n```"))
        #expect(twin.contains("[ref]: /next.md#next"))
    }

    @Test("a snippet block in a list or a quote keeps its place in the twin")
    func nestedBlocks() throws {
        let fixture = try SiteFixture([
            "index.md":
                "# Home\n\n1. Run this:\n\n   ```snippet model=gpt-4o langs=curl\n   ```\n\n> ```catalog models\n> ```\n"
        ])
        try fixture.build()
        let twin = try fixture.read("index.md")
        #expect(twin.contains("1. Run this:\n\n   **curl**\n\n   ```bash\n   curl "), "\(twin)")
        #expect(
            twin.contains("\n> | Model | Vendor | Protocols | Features |\n> | --- | --- | --- | --- |\n> | `gpt-4o` |"),
            "\(twin)")
        // And both parse as what they say: the list item holds the code, the quote the table.
        let tree = MarkdownTree(parsing: twin)
        #expect(
            tree.html().contains(
                "<li>\n<p>Run this:</p>\n<p><strong>curl</strong></p>\n<pre><code class=\"language-bash\">curl "))
        #expect(tree.html().contains("<blockquote>\n<p>| Model | Vendor | Protocols | Features |"))
    }

    @Test("the key page becomes how to get the same code from the snippet API")
    func keyPage() throws {
        let fixture = try SiteFixture(["index.md": "# Key\n\n```keypage\n```\n"])
        try fixture.build()
        let twin = try fixture.read("index.md")
        #expect(twin.contains("```sh\ncurl -H \"Authorization: Bearer $API_KEY\" '/api/v1/snippets?model="))
        #expect(!twin.contains("<"), "no HTML in the twin")
    }

    @Test("unchanged twins and llms files are hard-linked from the previous site; changed ones written anew")
    func unchangedTwinsAreKept() throws {
        let fixture = try SiteFixture(["index.md": "# Home\n\n[Next](next.md)\n", "next.md": "# Next\n"])
        try fixture.build()
        func inode(_ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: fixture.output.appendingPathComponent(path).path)
            return (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
        }
        let before = try ["next.md", "llms.txt", "index.md", "llms-full.txt"].map(inode)
        try fixture.write("# Home\n\nEdited. [Next](next.md)\n", to: "index.md")
        try fixture.build()
        let after = try ["next.md", "llms.txt", "index.md", "llms-full.txt"].map(inode)
        #expect(after[0] == before[0] && after[1] == before[1], "unchanged: the same files")
        #expect(after[2] != before[2] && after[3] != before[3], "changed: written anew")
        #expect(try fixture.read("llms-full.txt").contains("Edited."))
    }

    @Test("the link check reads the twins' own links and llms.txt's")
    func linkCheck() throws {
        // A twin link the page's tree did not hold (here handed in directly) is checked on its own.
        let source = MarkdownSource("# A\n\n[x](gone.md#y) [y](b.md#nope) [z](b.md#there)\n")
        let twin = MarkdownTwin(
            source: source, header: .init(title: "A", description: nil, heading: 1...1), splices: [], code: [],
            addresses: .init(
                locale: "/", path: "a.md", folder: "",
                destinations: Dictionary(
                    uniqueKeysWithValues: ["gone.md#y", "b.md#nope", "b.md#there"].map {
                        ($0, Links.destination($0, folder: ""))
                    })))
        #expect(twin.links.map(\.target) == ["gone.md", "b.md", "b.md"])
        func page(_ path: String, ids: [String], twin: MarkdownTwin) -> RenderedPage {
            RenderedPage(
                source: SourcePage(locale: "", path: path, displayPath: "content/\(path)", text: ""),
                frontMatter: FrontMatter(), title: path, html: "",
                headings: ids.map { HeadingAnchors.Entry(level: 2, id: $0, text: $0) }, links: [], text: "",
                diagnostics: [], url: "/" + path, twin: twin)
        }
        let empty = MarkdownTwin(
            source: MarkdownSource(""), header: .init(title: "B", description: nil, heading: nil), splices: [],
            code: [], addresses: .init(locale: "/", path: "b.md", folder: "", destinations: [:]))
        let a = page("a.md", ids: [], twin: twin).linkInputs
        let b = page("b.md", ids: ["there"], twin: empty).linkInputs
        let found = SiteBuilder.checkLinks(of: [a], in: ["a.md": a, "b.md": b], files: []).map(\.description)
        #expect(
            found == [
                "content/a.md:3: error: broken link \"gone.md#y\" in the Markdown twin: no page gone.md",
                "content/a.md:3: error: broken anchor \"b.md#nope\" in the Markdown twin: b.md has no heading #nope",
            ])

        let site = SiteModel(configuration: .implicit(folderName: "x"))
        let problems = LLMsText.brokenLinks(
            in: "# X\n\n- [A](/a.md)\n- [Gone](/gone.md)\n- [Away](https://elsewhere.example/a.md)\n",
            file: "llms.txt", site: site, written: ["a.md"])
        #expect(problems.map(\.line) == [4, 5])
    }

    @Test("a content file in the place of llms.txt is an error, not overwritten")
    func llmsFileInContent() throws {
        let fixture = try SiteFixture(["index.md": "# Home\n", "llms.txt": "mine\n"])
        #expect {
            try fixture.build()
        } throws: { error in
            (error as? SiteBuildError)?.diagnostics.map(\.description).contains {
                $0.hasSuffix("/llms.txt: error: the build writes llms.txt itself; rename or remove this file")
            } == true
        }
    }

    @Test("a rebuild in memory keeps the twins of pages it does not render again")
    func rebuildKeepsTwins() throws {
        let fixture = try SiteFixture(bilingualSite)
        let builder = try fixture.builder()
        let cache = SiteCache()
        let first = try builder.render(cache: cache)
        try fixture.write(bilingualSite["en/guide/more.md"]! + "\nMore text.\n", to: "en/guide/more.md")
        cache.beginBuild()
        let second = try builder.render(cache: cache)
        #expect(cache.renderedCount == 1)
        #expect(second.file("en/guide/start.md") == first.file("en/guide/start.md"))
        #expect(String(decoding: second.file("en/guide/more.md")!, as: UTF8.self).contains("More text."))
        #expect(String(decoding: second.file("en/llms-full.txt")!, as: UTF8.self).contains("More text."))
    }
}
