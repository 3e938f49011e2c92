import Foundation
import RelayCatalog
import RelayDefaults
import RelaySnippets
import Testing

/// `relaydocs doctor`'s rules for the clients that cannot run here (npm agents, Cherry Studio),
/// tested against the examples their documentation gives; the rules of the Python clients are
/// proven against the real programs in RelayVerifyTests/DoctorProofTests.
@Suite("the doctor's join rules follow each client's documented examples")
struct DoctorTests {
    let generator = SnippetGenerator(
        catalog: try! Catalog.load(yaml: DefaultResources.catalogYAML, path: DefaultResources.catalogPath),
        templates: try! SnippetTemplates(files: DefaultResources.templates, origin: "templates"))
    let origin = "https://api.openai-proxy.org"

    func diagnose(_ client: String, _ base: String, protocolID: String? = nil, model: String? = nil)
        throws -> Diagnosis
    {
        try generator.diagnose(DoctorRequest(client: client, baseURL: base, protocolID: protocolID, model: model))
    }

    /// Each documented example: the client, the base URL, the request URL, and the base URL the
    /// doctor must suggest (nil: served).
    static let examples: [(String, String, String, String?)] = [
        // Claude Code (code.claude.com, LLM gateway): ANTHROPIC_BASE_URL without /v1; it requests /v1/messages.
        ("claude-code", "/anthropic", "/anthropic/v1/messages", nil),
        ("claude-code", "/anthropic/", "/anthropic/v1/messages", nil),
        ("claude-code", "/anthropic/v1", "/anthropic/v1/v1/messages", "/anthropic"),
        ("claude-code", "", "/v1/messages", "/anthropic"),
        ("claude-code", "/v1", "/v1/v1/messages", "/anthropic"),
        // Codex CLI (config docs): base_url ends in /v1; it requests {base_url}/responses.
        ("codex-cli", "/v1", "/v1/responses", nil),
        ("codex-cli", "", "/responses", "/v1"),
        ("codex-cli", "/v1/v1", "/v1/v1/responses", "/v1"),
        // Gemini CLI (@google/genai): GOOGLE_GEMINI_BASE_URL without a version; it requests /v1beta/models/….
        ("gemini-cli", "/google", "/google/v1beta/models/gemini-2.5-flash:generateContent", nil),
        ("gemini-cli", "/google/v1beta", "/google/v1beta/v1beta/models/gemini-2.5-flash:generateContent", "/google"),
        ("gemini-cli", "", "/v1beta/models/gemini-2.5-flash:generateContent", "/google"),
        // Cherry Studio (formatApiHost; its docs: "copy only the root address"): /v1 added unless
        // the address has /vN or ends in #; a trailing / dropped.
        ("cherry-studio", "", "/v1/chat/completions", nil),
        ("cherry-studio", "/", "/v1/chat/completions", nil),
        ("cherry-studio", "/v1", "/v1/chat/completions", nil),
        ("cherry-studio", "/v1#", "/v1/chat/completions", nil),
        ("cherry-studio", "#", "/chat/completions", ""),
        ("cherry-studio", "/openai", "/openai/v1/chat/completions", ""),
        ("cherry-studio", "/v1/v1", "/v1/v1/chat/completions", ""),
    ]

    @Test("the agents' and Cherry Studio's documented examples", arguments: examples.indices)
    func documentedExample(_ index: Int) throws {
        let (client, path, request, suggested) = Self.examples[index]
        let diagnosis = try diagnose(client, origin + path)
        #expect(diagnosis.requestURL == origin + request, "\(client) \(path)")
        #expect(diagnosis.served == (suggested == nil), "\(client) \(path)")
        #expect(diagnosis.suggestedBaseURL == suggested.map { origin + $0 }, "\(client) \(path)")
        #expect((diagnosis.reason == nil) == (suggested == nil))
    }

    @Test("the reasons name the mistake: missing, too many, the wrong suffix; zh as well as en")
    func reasons() throws {
        let extra = try diagnose("anthropic", origin + "/anthropic/v1")
        #expect(extra.reason?.hasPrefix("The base URL has /v1 too many: anthropic adds /v1/messages itself") == true)
        let missing = try diagnose("openai", origin)
        #expect(missing.reason?.hasPrefix("The base URL lacks /v1: openai appends /chat/completions") == true)
        let other = try diagnose("claude-code", origin + "/v1")
        #expect(other.reason?.contains("the relay serves Anthropic Messages at /anthropic/v1/messages") == true)
        let zh = try generator.diagnose(
            DoctorRequest(client: "openai", baseURL: origin, locale: "zh"))
        #expect(zh.reason?.hasPrefix("基础地址少了 /v1") == true)
    }

    @Test("google-genai's default API version follows the SDK release: v1beta before 3.0, v1 from it")
    func genaiVersions() throws {
        let newest = try diagnose("google-genai", origin + "/google")
        #expect(newest.requestURL == origin + "/google/v1/models/gemini-2.5-flash:generateContent")
        #expect(newest.releases == ">=3,<4")
        let old = try generator.diagnose(
            DoctorRequest(client: "google-genai", baseURL: origin + "/google", sdkVersion: "2.34.0"))
        #expect(old.requestURL == origin + "/google/v1beta/models/gemini-2.5-flash:generateContent")
        // The set-up pins the catalog's version, so genai-env keeps v1beta whatever the release.
        let pinned = try diagnose("genai-env", origin + "/google")
        #expect(pinned.requestURL == origin + "/google/v1beta/models/gemini-2.5-flash:generateContent")
    }

    @Test("the protocol follows the base URL's provider path; litellm's Gemini base URL needs its version")
    func protocolFromPath() throws {
        let gemini = try diagnose("litellm", origin + "/google")
        #expect(gemini.protocolID == "gemini-generate")
        #expect(gemini.requestURL == origin + "/google/models/gemini-2.5-flash:generateContent")
        #expect(gemini.suggestedBaseURL == origin + "/google/v1beta")
        #expect(try diagnose("litellm", origin + "/v1").protocolID == "openai-chat")
    }

    @Test("bad input is refused: an unknown client, a URL that is not one, a release outside the range")
    func badInput() {
        for (client, base, version) in [
            ("cursor", origin, nil), ("openai", "api.openai-proxy.org/v1", nil), ("openai", "ftp://x/v1", nil),
            ("openai", origin + "/v1?x=1", nil), ("google-genai", origin + "/google", "9.0"),
            ("claude-code", origin + "/anthropic", "2.0.0"),
        ] as [(String, String, String?)] {
            let output = generator.doctorCommand(
                DoctorRequest(client: client, baseURL: base, sdkVersion: version), json: false)
            #expect(output.usageError, "\(client) \(base)")
            #expect(output.standardError.hasPrefix("error: "), "\(output.standardError)")
        }
    }

    @Test("the errors page's table: every client and SDK, the right base URL served, the mistake not")
    func table() throws {
        let rows = try generator.doctorTable()
        #expect(rows.count == 17)
        for row in rows {
            #expect(try diagnose(row.client, row.baseURL, protocolID: row.protocolID).served, "\(row)")
            #expect(!row.mistake.isEmpty, "\(row)")
            let wrong = try diagnose(row.client, row.mistake, protocolID: row.protocolID)
            #expect(!wrong.served && wrong.requestURL == row.mistakeRequestURL, "\(row)")
        }
        let litellm = try #require(rows.first { $0.client == "litellm" && $0.protocolID == "gemini-generate" })
        #expect(litellm.mistake == origin + "/google")
        let genai = try #require(rows.first { $0.client == "google-genai" })
        #expect(genai.mistakeRequestURL == origin + "/google/v1beta/v1/models/gemini-2.5-flash:generateContent")
    }

    @Test("a join.yaml with a mistake is reported with its file and line")
    func badRules() {
        var files = DefaultResources.templates
        files["clients/claude-code/join.yaml"] =
            "source: x\nprotocols:\n  anthropic-messages:\n    appends: v1/messages\n    trailingSlash: some\n"
        files["clients/codex-cli/join.yaml"] = nil
        #expect {
            _ = try SnippetTemplates(files: files, origin: "templates")
        } throws: { error in
            let text = "\(error)"
            return text.contains("templates/clients/claude-code/join.yaml:4:") && text.contains("must start with /")
                && text.contains("templates/clients/claude-code/join.yaml:5:")
                && text.contains("trailingSlash \"some\"")
                && text.contains("templates/clients/codex-cli/client.yaml:1:1: error: codex-cli has no join.yaml")
        }
    }
}
