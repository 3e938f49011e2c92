import Foundation
import RelayCatalog
import StandInRelay
import Testing

/// `relaydocs init`, `relaydocs catalog import` and the root-routes example, run as users run them.
@Suite("relaydocs init and catalog import")
struct InitImportCommandTests {
    let cli = CLITests()

    /// A fresh temporary folder, removed by the caller.
    func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("relaydocs-\(name)-\(UUID().uuidString)")
    }

    /// The text of a built page without the `<wbr>` break hints of URLs in tables.
    func page(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            .replacingOccurrences(of: "<wbr>", with: "")
    }

    @Test("init makes a project that builds at once, with its name and origin in the domain table and the code")
    func initThenBuild() async throws {
        let root = temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = root.appendingPathComponent("x").path
        let made = try await cli.relaydocs("init", project, "--name", "Demo", "--origin", "https://relay.example")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("created \(project): site.yaml, catalog.yaml (Demo at https://relay.example)"))
        #expect(made.stdout.contains("relaydocs build --content \(project)"))
        let out = root.appendingPathComponent("site")
        // The build fails on any broken link or anchor, so success is the link check.
        let built = try await cli.relaydocs("build", "--content", project, "--out", out.path)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("in 2 locales"))
        for home in ["index.html", "en/index.html"] {
            let html = try page(out, home)
            #expect(html.contains("<code>https://relay.example/v1</code>"), "\(home)")
            #expect(html.contains("<code>https://relay.example/anthropic</code>"), "\(home)")
            #expect(!html.contains("openai-proxy.org"), "\(home)")
            #expect(!html.contains("CloseAI"), "\(home)")
            #expect(html.contains("Demo"), "\(home)")
        }
        let quickstart = try page(out, "en/guide/quickstart.html")
        #expect(quickstart.contains("https://relay.example/v1"))
        #expect(quickstart.contains("<title>") && quickstart.contains("Demo Docs"))
        #expect(!quickstart.contains("openai-proxy.org"))

        let again = try await cli.relaydocs("init", project, "--name", "Other")
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds a docs project (site.yaml)"))
    }

    @Test("init --locales en makes a one-locale project; bad options are usage errors (64)")
    func initOptions() async throws {
        let root = temporaryFolder("init-en")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = root.appendingPathComponent("docs").path
        let made = try await cli.relaydocs("init", project, "--origin", "https://relay.example", "--locales", "en")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project + "/zh"))
        let built = try await cli.relaydocs(
            "build", "--content", project, "--out", root.appendingPathComponent("site").path)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("in 1 locale into"))
        #expect(try page(root.appendingPathComponent("site"), "index.html").contains("docs Docs"))

        let badOrigin = try await cli.relaydocs(
            "init", root.appendingPathComponent("a").path, "--origin", "relay.example")
        #expect(badOrigin.status == 64)
        #expect(badOrigin.stderr.contains("--origin"))
        let badLocale = try await cli.relaydocs("init", root.appendingPathComponent("b").path, "--locales", "ja")
        #expect(badLocale.status == 64)
        #expect(badLocale.stderr.contains("no locale \"ja\""))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("b").path))
    }

    @Test("catalog import --dry-run prints the diff and changes nothing; without it the models are added")
    func importFromAFile() async throws {
        let root = temporaryFolder("import")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = root.appendingPathComponent("p").path
        #expect(try await cli.relaydocs("init", project, "--name", "Demo", "--locales", "en").status == 0)
        let catalog = project + "/catalog.yaml"
        let list = root.appendingPathComponent("models.json")
        try Data(
            """
            {"object": "list", "data": [
              {"id": "gpt-4o", "object": "model", "owned_by": "openai"},
              {"id": "gpt-4.1-mini", "object": "model", "owned_by": "openai"},
              {"id": "claude-haiku-4-5", "object": "model", "owned_by": "anthropic"},
              {"id": "qwen-max", "object": "model", "owned_by": "alibaba"},
              {"id": "text-embedding-3-large", "object": "model", "owned_by": "openai"}
            ]}
            """.utf8
        ).write(to: list)
        let before = try String(contentsOfFile: catalog, encoding: .utf8)
        let dry = try await cli.relaydocs("catalog", "import", "--models", list.path, "--catalog", catalog, "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("--- \(catalog)\n+++ \(catalog) (after import)\n@@ "))
        #expect(dry.stdout.contains("\n+  - id: gpt-4.1-mini\n"))
        #expect(dry.stdout.contains("\n+    protocols: [anthropic-messages, openai-chat]\n"))
        #expect(dry.stdout.contains("\n+  - id: qwen-max\n"))
        #expect(!dry.stdout.contains("text-embedding"))
        #expect(dry.stderr.contains("skipped text-embedding-3-large"))
        #expect(dry.stderr.contains("would add 3 models (gpt-4.1-mini, claude-haiku-4-5, qwen-max)"))
        #expect(try String(contentsOfFile: catalog, encoding: .utf8) == before)

        let done = try await cli.relaydocs("catalog", "import", "--models", list.path, "--catalog", catalog)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.isEmpty)
        let after = try String(contentsOfFile: catalog, encoding: .utf8)
        #expect(after.hasPrefix(before.prefix(before.count - 200)))
        let imported = try Catalog.load(path: catalog)
        #expect(imported.model(id: "claude-haiku-4-5")?.protocolIDs == ["anthropic-messages", "openai-chat"])
        #expect(imported.model(id: "qwen-max")?.protocolIDs == ["openai-chat"])
        #expect(imported.model(id: "qwen-max")?.vendor == "alibaba")
        // The imported models are in the site at once, and their snippets are written.
        let built = try await cli.relaydocs(
            "build", "--content", project, "--out", root.appendingPathComponent("s").path)
        #expect(built.status == 0, "\(built.stderr)")
        let snippet = try await cli.relaydocs(
            "snippet", "--model", "claude-haiku-4-5", "--lang", "curl", "--catalog", catalog)
        #expect(snippet.stdout.contains("https://api.example.com/anthropic/v1/messages"))

        let again = try await cli.relaydocs("catalog", "import", "--models", list.path, "--catalog", catalog)
        #expect(again.status == 0)
        #expect(again.stderr.contains("up to date"))
        #expect(try String(contentsOfFile: catalog, encoding: .utf8) == after)
    }

    @Test("catalog import fetches each API's list from the relay with its key header and pages, never printing the key")
    func importFromTheRelay() async throws {
        let root = temporaryFolder("import-url")
        defer { try? FileManager.default.removeItem(at: root) }
        // The relay lists 25 Claude models, so Anthropic's list comes in two pages of 20.
        var served = try Catalog.load(
            yaml: try String(
                contentsOf: CLITests.packageRoot.appendingPathComponent("content/catalog.yaml"), encoding: .utf8),
            path: "c")
        let claude = try #require(served.model(id: "claude-sonnet-4-20250514"))
        for index in 1...25 {
            var model = claude
            model.id = "claude-test-\(index)"
            model.name = "Claude Test \(index)"
            served.models.append(model)
        }
        let relay = try await StandInRelay.start(catalog: served)
        defer { Task { await relay.stop() } }
        let key = "sk-import-secret-1234"
        await relay.allow(key: key)
        let project = root.appendingPathComponent("p").path
        #expect(try await cli.relaydocs("init", project, "--locales", "en").status == 0)
        let catalog = project + "/catalog.yaml"

        let anthropic = try await cli.relaydocs(
            "catalog", "import", "--models", relay.origin + "/anthropic/v1/models", "--key", key, "--catalog", catalog)
        #expect(anthropic.status == 0, "\(anthropic.stderr)")
        #expect(anthropic.stderr.contains(": 27 models"))
        #expect(anthropic.stderr.contains("added 25 models"))
        let requests = await relay.requests(carrying: key)
        #expect(requests.map(\.path) == ["/anthropic/v1/models", "/anthropic/v1/models"])
        #expect(requests[1].query == "after_id=claude-test-18")
        #expect(
            requests.allSatisfy { $0.header("x-api-key") == key && $0.header("anthropic-version") == "2023-06-01" },
            "\(requests.map { $0.described(masking: key) })")
        let imported = try Catalog.load(path: catalog)
        #expect(imported.model(id: "claude-test-25")?.name == "Claude Test 25")
        #expect(imported.model(id: "claude-test-25")?.reasoning == claude.reasoning)

        let openAI = try await cli.relaydocs(
            "catalog", "import", "--models", relay.origin + "/v1/models", "--key", key, "--catalog", catalog)
        #expect(openAI.status == 0, "\(openAI.stderr)")
        #expect(await relay.requests(carrying: key).last?.header("authorization") == "Bearer " + key)

        let refused = try await cli.relaydocs(
            "catalog", "import", "--models", relay.origin + "/v1/models", "--key", key + "-wrong", "--catalog", catalog)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("answered 401"))
        for output in [anthropic, openAI, refused] {
            #expect(!output.stdout.contains(key) && !output.stderr.contains(key))
        }
    }

    @Test("the root-routes example builds, with the bare origin for Anthropic and Gemini")
    func rootRoutesExample() async throws {
        let out = temporaryFolder("root-routes")
        defer { try? FileManager.default.removeItem(at: out) }
        let example = CLITests.packageRoot.appendingPathComponent("examples/root-routes").path
        let built = try await cli.relaydocs("build", "--content", example, "--out", out.path)
        #expect(built.status == 0, "\(built.stderr)")
        let html = try page(out, "index.html")
        #expect(html.contains("<code>https://llm.example.com/v1</code>"))
        #expect(html.contains("<code>https://llm.example.com</code>"))
        #expect(html.contains("https://llm.example.com/v1/messages"))
        #expect(html.contains("/v1beta/models/gemini-2.5-flash:generateContent"))
        #expect(!html.contains("/anthropic") && !html.contains("/google"))
        let check = try await cli.relaydocs("catalog", "--check", example + "/catalog.yaml")
        #expect(check.status == 0, "\(check.stderr)")
    }
}
