import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RelayCatalog
import RelayDefaults
@testable import RelayServer
import RelaySite
import RelaySnippets
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Log lines kept in memory, to check what reaches the log.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        capture.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)")
    }
}

/// A content folder and a live site over it.
final class ServerFixture: @unchecked Sendable {
    let root: URL
    let site: LiveSite
    let capture = LogCapture()
    /// When set, the next builds wait for it before they read the inputs (a rebuild under way).
    let gate = Locked<DispatchSemaphore?>(nil)

    init(
        pages: [String: String] = ["index.md": "# Home\n\nHello.\n", "guide/start.md": "# Start\n"],
        templates templateFiles: [String: String] = DefaultResources.templates
    ) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("relaydocs-serve-\(UUID().uuidString)")
        self.root = root
        for (path, text) in pages {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        let content = root.path
        let gate = self.gate
        site = LiveSite {
            gate.get()?.wait()
            let catalog = try Catalog.load(yaml: DefaultResources.catalogYAML, path: "catalog.yaml")
            let templates = try SnippetTemplates(files: templateFiles, origin: "templates")
            let builder = SiteBuilder(
                options: SiteBuilder.Options(
                    content: content, output: "", catalog: catalog, snippetTemplates: templates,
                    siteTemplates: DefaultResources.templates, siteTemplatesOrigin: "templates"))
            return SiteInputs(
                builder: builder, generator: SnippetGenerator(catalog: catalog, templates: templates))
        }
        let failure = await site.rebuild()
        #expect(failure == nil, "\(failure ?? "")")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func server(cors: [String] = [], watch: Bool = true) -> RelayServer {
        let capture = self.capture
        let logger = Logger(label: "test") { _ in CapturingLogHandler(capture: capture) }
        return RelayServer(
            site: site, options: RelayServer.Options(watch: watch, corsOrigins: cors), logger: logger,
            liveReloadScript: DefaultResources.templates["serve/live-reload.js"] ?? "")
    }

    func json(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any] ?? [:]
    }
}

@Suite("relaydocs serve: the snippet API")
struct SnippetAPITests {
    @Test("a key gets every snippet of the model, escaped, with highlighted HTML and no-store")
    func snippets() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        try await app.test(.router) { client in
            let key = "sk-user-'\"$(id)"
            try await client.execute(
                uri: "/api/v1/snippets?model=claude-sonnet-4-20250514", method: .get,
                headers: [.authorization: "Bearer \(key)"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = fixture.json(response.body)
                #expect(body["model"] as? String == "claude-sonnet-4-20250514")
                let snippets = try #require(body["snippets"] as? [[String: Any]])
                #expect(snippets.count == 18)
                #expect(
                    Set(snippets.compactMap { $0["protocol"] as? String }) == [
                        "anthropic-messages", "openai-chat", "vertex-anthropic",
                    ])
                for snippet in snippets {
                    #expect(snippet["stream"] as? Bool == false)
                    let code = try #require(snippet["code"] as? String)
                    let html = try #require(snippet["html"] as? String)
                    #expect(html.hasPrefix("<div class=\"code-block\""))
                    #expect(!html.contains("$(id)\"") || html.contains("&quot;"))
                    switch snippet["language"] as? String {
                    case "curl": #expect(code.contains(#"sk-user-'\''"$(id)"#))
                    case "python": #expect(code.contains(#""sk-user-'\"$(id)""#))
                    case "swift": #expect(code.contains(#"let apiKey = "sk-user-'\"$(id)""#))
                    case "javascript": #expect(code.contains(#"const apiKey = "sk-user-'\"$(id)";"#))
                    case "go": #expect(code.contains(#"apiKey := "sk-user-'\"$(id)""#))
                    case "java": #expect(code.contains(#"String apiKey = "sk-user-'\"$(id)";"#))
                    default: Issue.record("unexpected language")
                    }
                }
            }
            try await client.execute(
                uri:
                    "/api/v1/snippets?model=gpt-4o&lang=swift&protocol=openai-responses&stream=true&prompt=%E4%BD%A0%E5%A5%BD",
                method: .get, headers: [.authorization: "Bearer sk-abc"]
            ) { response in
                let snippets = fixture.json(response.body)["snippets"] as? [[String: Any]] ?? []
                #expect(snippets.count == 1)
                #expect(snippets.first?["stream"] as? Bool == true)
                #expect((snippets.first?["code"] as? String)?.contains("let prompt = \"你好\"") == true)
            }
            try await client.execute(
                uri: "/api/v1/snippets?model=qwen-max", method: .get, headers: [.authorization: "Bearer sk-abc"]
            ) {
                response in
                let body = fixture.json(response.body)
                #expect((body["snippets"] as? [[String: Any]])?.count == 6, "each language, plain")
                #expect((body["note"] as? String)?.contains("not in the catalog") == true)
            }
        }
    }

    /// The API's answer through the router (cached for plain keys) and rendered in full.
    func compare(
        _ fixture: ServerFixture, client: some TestClientProtocol, query: [String: String], keys: [String]
    ) async throws {
        let generator = try #require(await fixture.site.inputs?.generator)
        let uri =
            "/api/v1/snippets?"
            + query.sorted { $0.key < $1.key }.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }.joined(separator: "&")
        for key in keys {
            let full = SnippetAPI.snippets(query: query, authorization: "Bearer \(key)", generator: generator)
            try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(key)"]) {
                response in
                #expect(response.status.code == full.status)
                #expect(Data(buffer: response.body) == full.body, "\(uri) with key \(key)")
            }
        }
    }

    /// Keys of letters, digits, `-`, `_` and `.`, some starting with a digit or `-`.
    static func plainKeys(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        return ["sk-abc", "0", "-", "123", "sk-proj-A_b.c"]
            + (0..<count).map { _ in
                String(
                    (0..<Int.random(in: 1...64, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator)!
                    })
            }
    }

    /// Keys of any visible ASCII character (what a header can carry), each with some of the
    /// sequences escapers treat apart.
    static func visibleASCIIKeys(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet = (0x21...0x7E).map { String(UnicodeScalar(UInt8($0))) }
        let awkward = [
            "'", "\"", "\\", "$", "`", "${", "\\(", "#{", "*/", "</script>", "{{", "'''", "\"\"\"", "%s", "\\u",
        ]
        return (0..<count).map { _ in
            var key = ""
            for _ in 0..<Int.random(in: 1...48, using: &generator) {
                key +=
                    Bool.random(using: &generator)
                    ? alphabet.randomElement(using: &generator)! : awkward.randomElement(using: &generator)!
            }
            return key
        }
    }

    @Test("answers made once per request shape equal answers rendered in full, for every key")
    func cachedAnswersEqualFullOnes() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        let keys = Self.plainKeys(count: 20) + ["sk-'\"$(id)", "a\\b", "k<e>y&"] + Self.visibleASCIIKeys(count: 30)
        try await app.test(.router) { client in
            for query in [
                ["model": "gpt-4o"],
                ["model": "claude-sonnet-4-20250514", "lang": "curl", "stream": "true"],
                ["model": "qwen-max", "lang": "swift"],
                ["model": "claude-sonnet-4-20250514", "lang": "java", "stream": "true"],
                ["model": "gemini-2.5-flash", "lang": "go", "stream": "true"],
                ["model": "gpt-4o", "lang": "javascript", "protocol": "openai-responses"],
                ["model": "gemini-2.5-flash", "prompt": "你好 \"relaydocs\" $(id)"],
                ["model": "gpt-4o", "protocol": "openai-responses", "prompt": "Say hi"],
                ["model": "gpt-9000", "protocol": "vertex"],
            ] {
                try await compare(fixture, client: client, query: query, keys: keys)
            }
        }
        let cache = try #require(await fixture.site.inputs?.answerCache)
        #expect(cache.hits >= 5 * 24, "plain keys are answered from cuts")
        // Four shapes have no curl (whose '\'' is highlighted as a quote and an escape, so such
        // keys are rendered in full there): each of their keys that needs escaping is from cuts.
        #expect(cache.escapedHits >= 4 * 30, "keys that need escaping are answered from cuts too")
        #expect(cache.uncacheableShapes == 0, "the default templates keep keys inside strings")
    }

    @Test("a template that writes the key outside a string is rendered in full for every key")
    func keyOutsideAString() async throws {
        var templates = DefaultResources.templates
        templates["snippets/recipes/hello/curl/openai-chat.mustache"] =
            "export KEY={{shellWord(key)}}\ncurl {{shellWord(url)}} -H {{shellWord(key)}}\n"
        let fixture = try await ServerFixture(templates: templates)
        let app = Application(router: fixture.server().router())
        try await app.test(.router) { client in
            try await compare(
                fixture, client: client, query: ["model": "gpt-4o", "lang": "curl"], keys: Self.plainKeys(count: 10))
        }
        let cache = try #require(await fixture.site.inputs?.answerCache)
        #expect(cache.uncacheableShapes == 1)
        #expect(cache.hits == 0)
    }

    @Test(
        "bad requests get 401 or 400 with an error message",
        arguments: [
            ("/api/v1/snippets?model=gpt-4o", nil as String?, 401),
            ("/api/v1/snippets?model=gpt-4o", "Basic abc", 401),
            ("/api/v1/snippets?model=gpt-4o", "Bearer sk abc", 400),
            ("/api/v1/snippets?model=gpt-4o", "Bearer sk-\u{e9}", 400),
            ("/api/v1/snippets?model=gpt-4o&lang=ruby", "Bearer sk-a", 400),
            ("/api/v1/snippets?model=gpt-4o&protocol=vertex", "Bearer sk-a", 400),
            ("/api/v1/snippets?model=gpt-4o&protocol=gemini-generate", "Bearer sk-a", 400),
            ("/api/v1/snippets?model=gpt-4o&stream=maybe", "Bearer sk-a", 400),
            ("/api/v1/snippets?lang=curl", "Bearer sk-a", 400),
            ("/api/v1/snippets?model=gpt-4o&colour=blue", "Bearer sk-a", 400),
        ])
    func badRequests(uri: String, authorization: String?, status: Int) async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        try await app.test(.router) { client in
            var headers = HTTPFields()
            if let authorization { headers[.authorization] = authorization }
            try await client.execute(uri: uri, method: .get, headers: headers) { response in
                #expect(response.status.code == status)
                #expect(response.headers[.cacheControl] == "no-store")
                let error = fixture.json(response.body)["error"] as? [String: Any]
                #expect((error?["message"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test func catalog() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/catalog", method: .get) { response in
                #expect(response.status == .ok)
                let body = fixture.json(response.body)
                let providers = body["providers"] as? [[String: Any]] ?? []
                #expect(
                    providers.compactMap { $0["relayBaseURL"] as? String }.contains(
                        "https://api.openai-proxy.org/anthropic"))
                #expect(
                    (body["models"] as? [[String: Any]])?.count
                        == (try? Catalog.load(yaml: DefaultResources.catalogYAML, path: "c"))?.models.count)
            }
        }
    }

    @Test("CORS answers only origins on the allow-list")
    func cors() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server(cors: ["https://console.example.com"]).router())
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/catalog", method: .get, headers: [.origin: "https://console.example.com"]
            ) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "https://console.example.com")
            }
            try await client.execute(uri: "/api/v1/catalog", method: .get, headers: [.origin: "https://evil.example"]) {
                response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(
                uri: "/api/v1/snippets", method: .options,
                headers: [.origin: "https://console.example.com", .accessControlRequestMethod: "GET"]
            ) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowHeaders] == "Authorization")
            }
        }
    }

    @Test("keys and query values never reach the log; the access log has method, path, status, latency")
    func logsAreRedacted() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        let key = "sk-secret-key-0123456789"
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/snippets?model=gpt-4o&prompt=my-private-prompt", method: .get,
                headers: [.authorization: "Bearer \(key)"]
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/api/v1/snippets?model=gpt-4o", method: .get, headers: [.authorization: "Bearer \(key) x"]
            ) {
                response in
                #expect(response.status == .badRequest)
            }
        }
        let lines = fixture.capture.all
        #expect(lines.contains { $0.contains("GET /api/v1/snippets 200") && $0.contains("ms") })
        #expect(lines.contains { $0.contains("GET /api/v1/snippets 400") })
        #expect(
            !lines.contains { $0.contains("sk-secret") || $0.contains("my-private-prompt") || $0.contains("Bearer") })
    }
}

@Suite("relaydocs serve: the setup API")
struct SetupAPITests {
    @Test("set-ups made once per client and model equal set-ups rendered in full, for every client and key")
    func cachedSetupsEqualFullOnes() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        let generator = try #require(await fixture.site.inputs?.generator)
        let keys = SnippetAPITests.plainKeys(count: 5) + SnippetAPITests.visibleASCIIKeys(count: 10)
        try await app.test(.router) { client in
            for definition in generator.clients {
                for key in keys {
                    let full = SnippetAPI.setup(
                        query: ["client": definition.id], authorization: "Bearer \(key)", generator: generator)
                    try await client.execute(
                        uri: "/api/v1/setup?client=\(definition.id)", method: .get,
                        headers: [.authorization: "Bearer \(key)"]
                    ) { response in
                        #expect(response.status.code == full.status)
                        #expect(Data(buffer: response.body) == full.body, "\(definition.id) with key \(key)")
                    }
                }
            }
        }
        let cache = try #require(await fixture.site.inputs?.answerCache)
        #expect(cache.hits >= generator.clients.count, "plain keys are answered from cuts")
    }

    @Test("a key gets the client's set-up, as relaydocs setup --format json prints it, with no-store")
    func setup() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        let key = "sk-'\"$(id)`x`\\n"
        let expected = fixture.site.current.get()!.generator.setupCommand(
            client: "codex-cli", model: "gpt-5.1", key: key, json: true)
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/setup?client=codex-cli&model=gpt-5.1", method: .get,
                headers: [.authorization: "Bearer \(key)"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body) == expected.standardOutput)
            }
            for (uri, authorization, status) in [
                ("/api/v1/setup?client=codex-cli", nil as String?, 401),
                ("/api/v1/setup?client=cursor", "Bearer sk-a", 400),
                ("/api/v1/setup?client=claude-code&model=gpt-4o", "Bearer sk-a", 400),
                ("/api/v1/setup?client=claude-code&key=sk-a", "Bearer sk-a", 400),
                ("/api/v1/setup", "Bearer sk-a", 400),
            ] {
                var headers = HTTPFields()
                if let authorization { headers[.authorization] = authorization }
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.status.code == status, "\(uri)")
                    #expect(fixture.json(response.body)["error"] != nil, "\(uri)")
                }
            }
        }
        #expect(!fixture.capture.all.joined().contains("sk-"), "no key reaches the access log")
        #expect(!fixture.capture.all.joined().contains("codex"), "no query value reaches the access log")
    }
}

@Suite("relaydocs serve: the site")
struct ServedSiteTests {
    @Test("pages are served with live reload; folders get index.html; unknown paths get the 404 page")
    func staticFiles() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Hello."))
                #expect(html.contains("<script src=\"/_relaydocs/live-reload.js\" defer></script>\n</body>"))
            }
            try await client.execute(uri: "/guide/start", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/assets/relaydocs.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
            try await client.execute(uri: "/nope.html", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("<html"))
            }
            try await client.execute(uri: "/../../etc/passwd", method: .get) { response in
                #expect(!String(buffer: response.body).contains("root:"))
            }
            try await client.execute(uri: "/guide/%2e%2e/%2e%2e/etc/passwd", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/_relaydocs/live-reload.js", method: .get) { response in
                #expect(String(buffer: response.body).contains("EventSource"))
            }
            // Made only when first asked for (in memory they are the site's biggest files).
            try await client.execute(uri: "/llms-full.txt", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Hello."))
            }
            try await client.execute(uri: "/search-index.json", method: .get) { response in
                #expect(response.status == .ok)
                let index = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect((index?["pages"] as? [Any])?.isEmpty == false)
            }
        }
    }

    @Test("pages are served from the last good build while a rebuild is under way, without waiting for it")
    func servedDuringRebuild() async throws {
        let fixture = try await ServerFixture()
        let gate = DispatchSemaphore(value: 0)
        fixture.gate.withLock { $0 = gate }
        let rebuild = Task { await fixture.site.rebuild() }
        try await Task.sleep(for: .milliseconds(200))  // the rebuild now holds the site's queue
        // Ends the rebuild after a minute whatever happens, so a server that waits for it fails the test
        // instead of hanging it. Not a time limit on the pages: a loaded machine may take seconds for them.
        let released = Locked(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
            released.withLock { $0 = true }
            gate.signal()
        }
        let app = Application(router: fixture.server().router())
        try await app.test(.router) { client in
            for uri in ["/", "/guide/start", "/nope.html"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == (uri == "/nope.html" ? .notFound : .ok), "\(uri)")
                }
            }
        }
        #expect(!released.get(), "the pages were answered only once the rebuild was let go")
        gate.signal()
        #expect(await rebuild.value == nil)
    }

    @Test("an edit is rebuilt and served; a broken edit keeps the last good page and reports the error")
    func liveReload() async throws {
        let fixture = try await ServerFixture()
        let app = Application(router: fixture.server().router())
        let events = await fixture.site.events()
        let watcher = Task {
            await FileWatcher(paths: [fixture.root.path]).run(interval: .milliseconds(50)) {
                await fixture.site.rebuild()
            }
        }
        defer { watcher.cancel() }
        try await Task.sleep(for: .milliseconds(200))
        try "# Home\n\nEdited text.\n".write(
            to: fixture.root.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        var iterator = events.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first == .reload(version: 2))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("Edited text."))
            }
        }
        #expect(await fixture.site.lastRebuild.rendered == 1)

        try "# Home\n\n[broken](missing.md)\n".write(
            to: fixture.root.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        let second = await iterator.next()
        guard case .failure(let message) = second else {
            Issue.record("expected a failure event, got \(String(describing: second))")
            return
        }
        #expect(message.contains("index.md:3: error: broken link"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("Edited text."), "the last good site is still served")
            }
        }
    }

    @Test("oversized headers are refused by the live server")
    func headerLimits() async throws {
        let fixture = try await ServerFixture()
        let app = fixture.server(watch: false).application()
        try await app.test(.live) { client in
            try await client.execute(uri: "/api/v1/catalog", method: .get) { response in
                #expect(response.status == .ok)
            }
            var headers = HTTPFields()
            headers[.authorization] = "Bearer " + String(repeating: "k", count: 64 * 1024)
            do {
                try await client.execute(uri: "/api/v1/snippets?model=gpt-4o", method: .get, headers: headers) {
                    response in
                    #expect(response.status.code >= 400)
                }
            } catch {
                // The server may close the connection instead of answering: also a refusal.
            }
            // The refused connection is closed; a new one is served as before.
            let port = try #require(client.port)
            let (_, response) = try await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(port)/api/v1/catalog")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200, "the server keeps working after bad input")
        }
    }
}

@Suite("relaydocs serve: where work runs")
struct ServeExecutorTests {
    struct Refused: Error {}

    @Test("a build runs on the site's own queue, not on the threads that answer requests")
    func buildQueue() async throws {
        let executor = Locked<DispatchQueueExecutor?>(nil)
        let seen = Locked<[Bool]>([])
        let site = LiveSite {
            seen.withLock { $0.append(executor.get()?.isCurrent ?? false) }
            throw Refused()
        }
        executor.withLock { $0 = site.buildExecutor }
        #expect(!site.buildExecutor.isCurrent)
        #expect(await site.rebuild() != nil)
        #expect(await site.rebuild() != nil)
        #expect(seen.get() == [true, true])
    }

    @Test("the file watcher's task, preferring the build queue, walks the folders there")
    func watcherQueue() async throws {
        let executor = DispatchQueueExecutor(label: "test.watch")
        let onQueue = await Task(executorPreference: executor) { executor.isCurrent }.value
        #expect(onQueue)
        #expect(!executor.isCurrent)
    }
}
