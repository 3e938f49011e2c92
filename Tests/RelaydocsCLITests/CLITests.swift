import Foundation
import RelayCatalog
import RelayVerify
import Testing

/// The `relaydocs` binary, run the way users run it.
@Suite("The relaydocs command")
struct CLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built next to the test bundle.
    static let binary: String = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("relaydocs").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/relaydocs").path
    }()

    typealias Result = ProgramResult

    /// Runs relaydocs from a folder that has no catalog or templates, so only the built-in ones can serve.
    func relaydocs(_ arguments: String..., in directory: URL = FileManager.default.temporaryDirectory) async throws
        -> Result
    {
        try await run(arguments, stdin: nil, in: directory)
    }

    /// Runs relaydocs with `stdin` as its standard input (or none).
    func run(_ arguments: [String], stdin: String?, in directory: URL = FileManager.default.temporaryDirectory)
        async throws -> Result
    {
        try await ProgramRunner.run(Self.binary, arguments, directory: directory, stdin: stdin)
    }

    @Test("snippet prints one snippet with the placeholder key, from any folder")
    func oneSnippet() async throws {
        let result = try await relaydocs("snippet", "--model", "gpt-4o", "--lang", "python")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("base_url=\"https://api.openai-proxy.org/v1\""))
        #expect(result.stdout.contains("api_key=\"sk-xxxxxx\""))
        #expect(result.stdout.contains("client.chat.completions.create("))
    }

    @Test("snippets --format json: every snippet, with a hostile key escaped in each")
    func allSnippetsAsJSON() async throws {
        let key = "sk-'\"$(id)"
        let result = try await relaydocs(
            "snippets", "--model", "claude-sonnet-4-20250514", "--key", key, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 36)
        #expect(
            Set(array.compactMap { $0["language"] as? String })
                == ["python", "curl", "swift", "javascript", "go", "java"])
        #expect(Self.shapes(of: "vertex-anthropic", in: array) == Self.everyShape)
        for object in array {
            let language = try #require(object["language"] as? String)
            #expect(object["sdk"] is String)
            #expect(
                ["anthropic-messages", "openai-chat", "vertex-anthropic"].contains(object["protocol"] as? String))
            #expect(object["stream"] is Bool)
            let code = try #require(object["code"] as? String)
            let escapedKey =
                switch language {
                case "curl": #"sk-'\''"$(id)"#
                default: #""sk-'\"$(id)""#
                }
            #expect(code.contains(escapedKey), "\(language): \(code)")
        }
    }

    /// Each language in plain and stream.
    static let everyShape: Set<String> = [
        "python plain", "python stream", "curl plain", "curl stream", "swift plain", "swift stream",
        "javascript plain", "javascript stream", "go plain", "go stream", "java plain", "java stream",
    ]

    /// The languages and variants of a protocol's snippets in `snippets --format json` output.
    static func shapes(of protocolID: String, in array: [[String: Any]]) -> Set<String> {
        Set(
            array.filter { $0["protocol"] as? String == protocolID }.map {
                "\($0["language"] as? String ?? "?") \(($0["stream"] as? Bool) == true ? "stream" : "plain")"
            })
    }

    @Test("snippets --format json of a Gemini model includes Vertex AI in every language, plain and stream")
    func vertexGeminiSnippets() async throws {
        let result = try await relaydocs("snippets", "--model", "gemini-2.5-flash", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(Self.shapes(of: "vertex-gemini", in: array) == Self.everyShape)
        let python = try #require(
            array.first { $0["protocol"] as? String == "vertex-gemini" && $0["language"] as? String == "python" })
        let code = try #require(python["code"] as? String)
        #expect(code.contains("vertexai=True"))
        #expect(code.contains("api_version=\"v1beta1\""))
    }

    @Test("snippets as text label each snippet")
    func allSnippetsAsText() async throws {
        let result = try await relaydocs("snippets", "--model", "deepseek-chat")
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "==> openai-chat").count - 1 == 12)
    }

    @Test(
        "a key no header can carry is refused, and nothing is printed",
        arguments: [("sk-abc\ndef", "a newline"), ("sk abc", "a space"), ("sk-ключ", "U+043A"), ("", "empty")])
    func badKeys(key: String, reason: String) async throws {
        let result = try await relaydocs("snippet", "--model", "gpt-4o", "--lang", "curl", "--key", key)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: --key: the API key"))
        #expect(result.stderr.contains(reason), "\(result.stderr)")
    }

    @Test func anUnknownLanguageListsTheLanguages() async throws {
        let result = try await relaydocs("snippet", "--model", "gpt-4o", "--lang", "ruby")
        #expect(result.status != 0)
        #expect(result.stderr.contains("python") && result.stderr.contains("curl") && result.stderr.contains("swift"))
    }

    @Test func anUnlistedModelGetsANoteOnStandardError() async throws {
        let result = try await relaydocs("snippet", "--model", "qwen-max", "--lang", "curl")
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("note: model \"qwen-max\" is not in the catalog"))
        #expect(result.stdout.contains("/v1/chat/completions"))
        #expect(!result.stdout.contains("note:"))
    }

    @Test func aProtocolTheModelDoesNotAcceptIsAnError() async throws {
        let result = try await relaydocs(
            "snippet", "--model", "gpt-4o", "--lang", "curl", "--protocol", "gemini-generate")
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: model gpt-4o does not accept protocol gemini-generate; it accepts openai-chat, openai-responses\n"
        )
    }

    @Test func thinkingAndCacheReachTheRequest() async throws {
        let result = try await relaydocs(
            "snippet", "--model", "claude-sonnet-4-20250514", "--lang", "curl", "--thinking", "4096", "--cache",
            "--stream")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"budget_tokens\": 4096"))
        #expect(result.stdout.contains("\"cache_control\": {\"type\": \"ephemeral\"}"))
        #expect(result.stdout.contains("\nset -o pipefail\ncurl -sS --fail-with-body -N "))
    }

    @Test func originReplacesTheRelayAndKeepsPaths() async throws {
        let result = try await relaydocs(
            "snippet", "--model", "gemini-2.5-flash", "--lang", "python", "--origin", "http://127.0.0.1:8080/")
        #expect(result.status == 0)
        #expect(result.stdout.contains("base_url=\"http://127.0.0.1:8080/google\""))
        let bad = try await relaydocs(
            "snippet", "--model", "gemini-2.5-flash", "--lang", "python", "--origin", "127.0.0.1:8080")
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("error: --origin: the origin"))
    }

    @Test func catalogPrintsTheDomainTable() async throws {
        let result = try await relaydocs("catalog")
        #expect(result.status == 0)
        for line in [
            "https://api.openai.com/v1", "https://api.openai-proxy.org/v1", "https://api.openai-proxy.org/anthropic",
            "https://api.openai-proxy.org/google", "claude-sonnet-4-20250514", "anthropic-messages, openai-chat",
        ] {
            #expect(result.stdout.contains(line), "\(line)")
        }
        let chinese = try await relaydocs("catalog", "--locale", "zh")
        #expect(chinese.stdout.contains("添加 /anthropic 后缀"))
    }

    @Test func catalogCheckReportsEveryProblemWithItsLine() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relaydocs-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("content/catalog.yaml"), encoding: .utf8)
        let goodFile = folder.appendingPathComponent("good.yaml")
        try good.write(to: goodFile, atomically: true, encoding: .utf8)
        let ok = try await relaydocs("catalog", "--check", goodFile.path)
        #expect(ok.status == 0, "\(ok.stderr)")
        let catalog = try Catalog.load(yaml: good, path: goodFile.path)
        #expect(
            ok.stdout.hasSuffix(
                ": ok: \(catalog.providers.count) providers, \(catalog.protocols.count) protocols, \(catalog.sdks.count) SDKs, \(catalog.models.count) models\n"
            ))
        #expect(catalog.models.count >= 5)

        let broken = good.replacingOccurrences(of: "provider: anthropic", with: "provider: antropic")
            .replacingOccurrences(of: "\n    protocols: [openai-chat]\n", with: "\n    protocols: []\n")
        let brokenFile = folder.appendingPathComponent("broken.yaml")
        try broken.write(to: brokenFile, atomically: true, encoding: .utf8)
        let result = try await relaydocs("catalog", "--check", brokenFile.path)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix(brokenFile.path + ":") && $0.contains(": error: ") })
        #expect(result.stderr.contains("unknown provider \"antropic\""))
        #expect(result.stderr.contains("has no protocol"))
    }

    @Test("--catalog and --templates replace the built-in ones")
    func overrides() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relaydocs-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("templates"), to: templates)
        let curl = templates.appendingPathComponent("snippets/recipes/hello/curl/openai-chat.mustache")
        try "# custom\ncurl {{shellWord(url)}}\n".write(to: curl, atomically: true, encoding: .utf8)
        let catalog = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("content/catalog.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "https://api.openai-proxy.org", with: "https://relay.example.com")
        let catalogFile = folder.appendingPathComponent("catalog.yaml")
        try catalog.write(to: catalogFile, atomically: true, encoding: .utf8)
        let result = try await relaydocs(
            "snippet", "--model", "gpt-4o", "--lang", "curl", "--templates", templates.path, "--catalog",
            catalogFile.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "# custom\ncurl https://relay.example.com/v1/chat/completions\n")

        try "curl {{key}}\n".write(to: curl, atomically: true, encoding: .utf8)
        let unsafe = try await relaydocs(
            "snippet", "--model", "gpt-4o", "--lang", "curl", "--templates", templates.path)
        #expect(unsafe.status == 1)
        #expect(unsafe.stderr.hasPrefix("\(templates.path)/snippets/recipes/hello/curl/openai-chat.mustache: error: "))
    }

    /// Every command with a discussion, as `relaydocs help` names it.
    static let discussedCommands = [
        "build", "catalog import", "clients", "doctor", "init", "mcp", "models", "serve", "setup", "snippet",
        "stand-in", "verify",
    ]

    @Test(
        "--help wraps each paragraph of a discussion to the terminal, not where the source broke its lines",
        arguments: discussedCommands)
    func helpParagraphsFlow(command: String) async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "1000"
        let result = try await ProgramRunner.run(
            Self.binary, command.split(separator: " ").map(String.init) + ["--help"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let overview = try #require(result.stdout.components(separatedBy: "\nUSAGE:").first)
        let paragraphs = overview.components(separatedBy: "\n\n").dropFirst()  // the OVERVIEW line itself
        #expect(!paragraphs.isEmpty)
        for paragraph in paragraphs.map({ $0.trimmingCharacters(in: .newlines) }) {
            #expect(!paragraph.contains("\n"), "a paragraph broken by the source: \(paragraph)")
        }
    }
}
