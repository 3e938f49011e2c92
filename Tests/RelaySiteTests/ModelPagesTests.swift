import Foundation
import RelayCatalog
import RelayDefaults
@testable import RelaySite
import RelaySnippets
import Testing

/// A two-locale site with `models:` in site.yaml and the pages it names.
let modelSite: [String: String] = {
    var files: [String: String] = [
        "site.yaml": """
        title: Test Docs
        url: https://docs.example.com
        locales:
          - { code: zh, name: 简体中文, lang: zh-CN }
          - { code: en, name: English, lang: en }
        models:
          folder: models
          order: 9
          quickstart: guide/start.md
          protocols: { openai-chat: guide/openai.md, anthropic-messages: guide/claude.md }
          recipes: { reasoning: guide/reasoning.md }
          clients: integrations
        """
    ]
    for locale in ["zh", "en"] {
        files["\(locale)/index.md"] = "# Home \(locale)\n\nSee the [models](models/index.md).\n"
        files["\(locale)/guide/start.md"] = "---\norder: 1\n---\n\n# Start\n"
        files["\(locale)/guide/openai.md"] = "# OpenAI Chat\n"
        files["\(locale)/guide/claude.md"] = "# Claude\n"
        files["\(locale)/guide/reasoning.md"] = "# Reasoning\n"
        files["\(locale)/integrations/claude-code.md"] = "# Claude Code\n"
    }
    return files
}()

/// The page's own content, without the sidebar and the head.
func article(_ html: String) -> String {
    html.components(separatedBy: "<article").last?.components(separatedBy: "</article>").first ?? ""
}

@Suite("Model pages and the model index", .serialized)
struct ModelPagesTests {
    @Test("model ids become safe page names, unique in order")
    func slugs() {
        #expect(ModelPages.slug("claude-sonnet-4@20250514") == "claude-sonnet-4-20250514")
        #expect(ModelPages.slug("GPT-5.1") == "gpt-5.1")
        #expect(ModelPages.slug("qwen/qwen3-235b:free") == "qwen-qwen3-235b-free")
        #expect(ModelPages.slug("..hidden.") == "hidden")
        #expect(ModelPages.slug("a -- b") == "a-b")
        #expect(ModelPages.slug("@@") == "model")
        #expect(ModelPages.slug("模型") == "model")
        #expect(ModelPages.slug("Ünïcode model") == "n-code-model")
        #expect(
            ModelPages.uniqueSlugs(["a@b", "a:b", "index", "A@B"], reserved: ["index"]) == [
                "a-b", "a-b-2", "index-2", "a-b-3",
            ])
    }

    @Test("every catalog model gets a page in every locale, with its twin, snippets in tabs and links")
    func modelPage() throws {
        let fixture = try SiteFixture(modelSite)
        try fixture.build()
        let catalog = try fixture.builder().options.catalog
        for model in catalog.models {
            let slug = ModelPages.slug(model.id)
            for prefix in ["", "en/"] {
                let html = try fixture.read("\(prefix)models/\(slug).html")
                #expect(html.contains("data-code-group"), "\(model.id): snippets in linked tabs")
                #expect(html.contains("sk-xxxxxx"), "\(model.id): the placeholder key")
                let twin = try fixture.read("\(prefix)models/\(slug).md")
                #expect(twin.contains("```"), "\(model.id): the twin has the code")
                #expect(!twin.contains("```snippet"), "\(model.id): the twin's snippet blocks are written out")
            }
        }
        let page = try fixture.read("en/models/claude-sonnet-4-20250514.html")
        #expect(page.contains("<h1 id=\"model\""))
        #expect(page.contains("href=\"/en/models/vendors/anthropic.html\">Anthropic</a>"))
        // Native first, then the others.
        let native = try #require(page.range(of: "<code>anthropic-messages</code></a> (native)"))
        let other = try #require(page.range(of: "<code>openai-chat</code></a>"))
        #expect(native.lowerBound < other.lowerBound)
        #expect(page.contains("<code>claude-sonnet-4@20250514</code>"), "Vertex's own model id is named")
        #expect(page.contains("href=\"/en/guide/claude.html\""), "the protocol's page")
        #expect(page.contains("href=\"/en/guide/start.html\""), "the quick start")
        #expect(page.contains("href=\"/en/guide/reasoning.html\""), "the recipe page the model supports")
        #expect(page.contains("id=\"vertex-anthropic\""), "a tab group per protocol")
        // The clients that speak one of its protocols: linked where their page exists.
        #expect(page.contains("id=\"clients\""))
        #expect(page.contains("href=\"/en/integrations/claude-code.html\">Claude Code</a>"))
        #expect(!page.contains("Codex CLI"), "a client of no protocol the model accepts is not listed")
        let gpt = try article(fixture.read("en/models/gpt-5.1.html"))
        #expect(gpt.contains("Codex CLI") && !gpt.contains("/en/integrations/codex-cli.html"), "no page, no link")
        // One tab group per protocol, one tab per language.
        let groups = page.components(separatedBy: "data-code-group>").count - 1
        #expect(groups == 3)
        // A model without reasoning links no reasoning page.
        let deepseek = try article(fixture.read("en/models/deepseek-chat.html"))
        #expect(!deepseek.contains("/en/guide/reasoning.html"))
        #expect(try fixture.read("models/gpt-4o.html").contains("<html lang=\"zh-CN\""))
    }

    @Test("the index and its filter pages list the right models with plain links, no JavaScript needed")
    func indexAndFilters() throws {
        let fixture = try SiteFixture(modelSite)
        try fixture.build()
        let catalog = try fixture.builder().options.catalog
        let index = try fixture.read("en/models/index.html")
        for model in catalog.models {
            #expect(index.contains("href=\"/en/models/\(ModelPages.slug(model.id)).html\""), "\(model.id) listed")
        }
        for filter in [
            "vendors/openai", "vendors/anthropic", "vendors/google", "vendors/deepseek", "protocols/openai-chat",
            "protocols/vertex-anthropic", "features/reasoning", "features/vision",
        ] {
            #expect(index.contains("href=\"/en/models/\(filter).html\""), "the index links the filter \(filter)")
        }
        func listed(_ path: String) throws -> Set<String> {
            let html = try fixture.read(path)
            let list = html.components(separatedBy: "id=\"models\"").last ?? ""
            return Set(
                catalog.models.map(\.id).filter {
                    list.contains("href=\"/en/models/\(ModelPages.slug($0)).html\"")
                })
        }
        #expect(try listed("en/models/vendors/anthropic.html") == ["claude-sonnet-4-20250514", "claude-opus-4-7"])
        #expect(try listed("en/models/protocols/vertex-anthropic.html") == ["claude-sonnet-4-20250514"])
        #expect(
            try listed("en/models/features/reasoning.html")
                == Set(catalog.models.filter { $0.features.contains("reasoning") }.map(\.id)))
        #expect(try listed("en/models/index.html") == Set(catalog.models.map(\.id)))
        // The chosen filter is marked, not linked.
        let anthropic = try article(fixture.read("en/models/vendors/anthropic.html"))
        #expect(anthropic.contains("<strong>Anthropic</strong>"))
        #expect(!anthropic.contains("href=\"/en/models/vendors/anthropic.html\""))
        #expect(try fixture.read("models/vendors/anthropic.html").contains("Anthropic 的模型"), "zh strings")
    }

    @Test("the sidebar links only the index; llms.txt lists every model's twin; the sitemap every page")
    func navigationAndLLMs() throws {
        let fixture = try SiteFixture(modelSite)
        try fixture.build()
        let home = try fixture.read("en/index.html")
        let sidebar =
            home.components(separatedBy: "<aside id=\"sidebar\"").last?.components(separatedBy: "</aside>")
            .first ?? ""
        #expect(sidebar.contains("href=\"/en/models/\""), "the models group links its index")
        #expect(!sidebar.contains("/en/models/gpt-4o.html"), "no model page in the sidebar")
        #expect(!sidebar.contains("/en/models/vendors/"), "no filter page in the sidebar")
        let model = try fixture.read("en/models/gpt-4o.html")
        #expect(
            !model.contains("rel=\"prev\"") && !model.contains("rel=\"next\""),
            "model pages have no previous and next links")
        let llms = try fixture.read("en/llms.txt")
        #expect(llms.contains("](https://docs.example.com/en/models/index.md)"))
        #expect(llms.contains("- [GPT-4o](https://docs.example.com/en/models/gpt-4o.md): GPT-4o (OpenAI) through"))
        #expect(llms.contains("(https://docs.example.com/en/models/vendors/openai.md)"))
        let full = try fixture.read("en/llms-full.txt")
        #expect(full.contains("# Claude Opus 4.7"))
        let twin = try fixture.read("en/models/index.md")
        #expect(twin.contains("(https://docs.example.com/en/models/gpt-4o.md)"), "twin links are absolute")
        #expect(try fixture.read("sitemap.xml").contains("<loc>https://docs.example.com/en/models/gpt-4o.html</loc>"))
    }

    @Test("odd model ids: dots, @, colons, slashes and clashing names build, with every link checked")
    func oddIDs() throws {
        let fixture = try SiteFixture(modelSite)
        var catalog = try fixture.builder().options.catalog
        let base = catalog.models[0]
        for id in ["meta-llama/llama-3.1-70b:free", "Qwen@2025.06", "qwen@2025.06", "index", "..dots.."] {
            var model = base
            model.id = id
            model.name = "Model \(id)"
            catalog.models.append(model)
        }
        var options = try fixture.builder().options
        options.catalog = catalog
        _ = try SiteBuilder(options: options).build()
        for page in [
            "meta-llama-llama-3.1-70b-free", "qwen-2025.06", "qwen-2025.06-2", "index-2", "dots",
        ] {
            #expect(FileManager.default.fileExists(atPath: fixture.output.path + "/en/models/\(page).html"), "\(page)")
            #expect(FileManager.default.fileExists(atPath: fixture.output.path + "/en/models/\(page).md"), "\(page)")
        }
        #expect(try fixture.read("en/models/qwen-2025.06-2.md").contains("qwen@2025.06"))
        #expect(
            try fixture.read("en/models/index.html").contains("href=\"/en/models/meta-llama-llama-3.1-70b-free.html\""))
    }

    @Test("bad models settings and clashing files are errors at their site.yaml lines; the old site stays")
    func errors() throws {
        let fixture = try SiteFixture(modelSite)
        try fixture.build()
        let before = try fixture.snapshot()
        try fixture.write(
            modelSite["site.yaml"]!.replacingOccurrences(
                of: "openai-chat: guide/openai.md", with: "openai-chat: guide/gone.md"
            )
            .replacingOccurrences(of: "reasoning: guide/reasoning.md", with: "cooking: guide/reasoning.md"),
            to: "site.yaml")
        try fixture.write("# Mine\n", to: "en/models/gpt-4o.md")
        let site = fixture.content.path + "/site.yaml"
        #expect {
            try fixture.build()
        } throws: { error in
            let lines = (error as? SiteBuildError)?.diagnostics.map(\.description) ?? []
            return lines.contains("\(site):10: error: models.protocols.openai-chat: no page guide/gone.md in zh/")
                && lines.contains { $0.hasPrefix("\(site):11: error: models.recipes names the recipe \"cooking\"") }
        }
        try fixture.write(modelSite["site.yaml"]! + "\n  bogus: 1\n", to: "site.yaml")
        #expect {
            try fixture.build()
        } throws: { error in
            (error as? SiteBuildError)?.diagnostics.map(\.description) == [
                "\(site):13: error: unknown key \"bogus\" in models; expected folder, order, quickstart, protocols, recipes, clients"
            ]
        }
        try fixture.write(modelSite["site.yaml"]!, to: "site.yaml")
        #expect {
            try fixture.build()
        } throws: { error in
            (error as? SiteBuildError)?.diagnostics.map(\.description) == [
                "\(site):7: error: the build writes en/models/gpt-4o.md from the catalog (models.folder is models); rename or remove that file"
            ]
        }
        #expect(try fixture.snapshot() == before, "a failed build leaves the previous site untouched")
    }

    @Test("a rebuild in memory keeps the model pages from the cache when only a content page changed")
    func cachedRebuild() throws {
        let fixture = try SiteFixture(modelSite)
        let cache = SiteCache()
        let builder = try fixture.builder()
        let first = try builder.render(cache: cache)
        try fixture.write("---\norder: 1\n---\n\n# Start\n\nEdited.\n", to: "en/guide/start.md")
        cache.beginBuild()
        let second = try builder.render(cache: cache)
        #expect(cache.renderedCount == 1, "only the edited page is rendered again")
        #expect(first.file("en/models/gpt-4o.html") == second.file("en/models/gpt-4o.html"))
    }
}
