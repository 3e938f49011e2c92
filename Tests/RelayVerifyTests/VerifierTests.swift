import Foundation
import RelayCatalog
import RelayDefaults
import RelaySite
import RelaySnippets
@testable import RelayVerify
import Testing

/// The Python interpreter with the SDKs: `RELAYDOCS_PYTHON`, or the `.venv` that `make test` creates.
let sdkPython: String = {
    if let python = ProcessInfo.processInfo.environment["RELAYDOCS_PYTHON"] { return python }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".venv/bin/python").path
}()

let defaultCatalog = try! Catalog.load(yaml: DefaultResources.catalogYAML, path: DefaultResources.catalogPath)
let defaultTemplates = try! SnippetTemplates(files: DefaultResources.templates, origin: "templates")

/// Runs a verification and records a readable issue when the tools are missing.
func verify(
    catalog: Catalog = defaultCatalog, templates: SnippetTemplates = defaultTemplates, languages: [Language]?,
    recipes: [String]? = nil, extraRequests: [SnippetRequest] = []
) async throws -> VerificationReport {
    var options = Verifier.Options(languages: languages, python: sdkPython)
    options.recipes = recipes
    options.extraRequests = extraRequests
    let verifier = Verifier(catalog: catalog, templates: templates, options: options)
    do {
        return try await verifier.run()
    } catch let error as MissingTools {
        Issue.record("cannot verify: \(error.description)")
        throw error
    }
}

@Suite("What a verification runs")
struct VerificationPlanTests {
    let generator = SnippetGenerator(catalog: defaultCatalog, templates: defaultTemplates)

    func plan(everyModel: Bool = false, extraRequests: [SnippetRequest] = []) -> (
        run: [VerificationCase], alike: [(snippet: VerificationCase, runsAs: VerificationCase)]
    ) {
        var options = Verifier.Options(languages: nil, python: sdkPython)
        options.everyModel = everyModel
        options.extraRequests = extraRequests
        return Verifier(catalog: defaultCatalog, templates: defaultTemplates, options: options).plan
    }

    @Test("a program that is another model's but for the id runs once; its snippet is counted against that run")
    func alikeProgramsRunOnce() throws {
        let (run, alike) = plan()
        let all = plan(everyModel: true)
        #expect(all.alike.isEmpty)
        #expect(run.count + alike.count == all.run.count)
        #expect(Set(run.map(\.index)).count == run.count)
        // Chat Completions in Python: gpt-4o runs, deepseek-chat's program is the same but for the id.
        let deepseek = try #require(
            alike.first {
                $0.snippet.request.model == "deepseek-chat" && $0.snippet.request.language == .python
                    && $0.snippet.request.recipe == "hello" && !$0.snippet.request.stream
            })
        #expect(deepseek.runsAs.protocolID == "openai-chat" && deepseek.runsAs.request.model != "deepseek-chat")
        for pair in alike {
            #expect(pair.snippet.request.language == pair.runsAs.request.language)
            #expect(pair.snippet.protocolID == pair.runsAs.protocolID)
            #expect(pair.snippet.request.recipe == pair.runsAs.request.recipe)
            #expect(pair.snippet.request.stream == pair.runsAs.request.stream)
            #expect(pair.snippet.request.model != pair.runsAs.request.model)
        }
        // Each shape still checks failures once.
        #expect(run.filter(\.checksFailures).count == Set(run.map(\.shape)).count)
    }

    @Test("snippets a docs site shows always run")
    func siteSnippetsRun() throws {
        let shown = SnippetRequest(
            model: "deepseek-chat", language: .python, protocolID: "openai-chat", recipe: "hello",
            prompt: Verifier.hostilePrompt, stream: false)
        let (run, alike) = plan(extraRequests: [shown])
        #expect(run.contains { $0.request == shown })
        #expect(!alike.contains { $0.snippet.request == shown })
    }
}

@Suite("Every snippet runs against the stand-in relay", .serialized)
struct VerifierTests {
    @Test(
        "the whole matrix passes: every model × protocol × language × variant, and every snippet the default site shows"
    )
    func wholeMatrix() async throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content").path
        let generator = SnippetGenerator(catalog: defaultCatalog, templates: defaultTemplates)
        let siteSnippets = try SiteSnippets.requests(inContent: content, generator: generator)
        #expect(siteSnippets.count >= 30, "the default site shows at least 30 snippets")
        let report = try await verify(languages: nil, extraRequests: siteSnippets)
        #expect(report.results.count >= 24)
        let matrix = VerificationCase.all(
            generator: generator, languages: generator.languages, prompt: Verifier.hostilePrompt)
        #expect(
            report.results.count + report.alike == matrix.count
                + siteSnippets.filter { request in !matrix.contains { $0.request == request } }.count)
        #expect(report.alike > 0, "models that share a protocol share programs")
        for request in siteSnippets {
            #expect(
                report.results.contains { $0.verificationCase.request == request && $0.passed },
                "site snippet not verified: \(request)")
        }
        let failures = report.results.filter { !$0.passed }
        #expect(failures.isEmpty, "\(failures.map(\.line).joined(separator: "\n"))\n\(failures.first?.details ?? "")")
        #expect(report.summary == "\(report.results.count) passed, 0 failed")
        for language in generator.languages {
            #expect(report.results.contains { $0.verificationCase.request.language == language && $0.passed })
        }
        #expect(report.toolVersions.contains { $0.hasPrefix("openai ") })
        #expect(report.toolVersions.contains { $0.hasPrefix("anthropic ") })
        #expect(report.toolVersions.contains { $0.hasPrefix("google-genai ") })
    }
}

/// Templates with the mistakes verify exists to catch; each must fail, for the right reason.
@Suite("Broken templates are caught", .serialized)
struct NegativeVerifierTests {
    /// A catalog with one model, so each negative run stays small.
    func catalog(model: String) -> Catalog {
        var catalog = defaultCatalog
        catalog.models = catalog.models.filter { $0.id == model }
        return catalog
    }

    /// A catalog with one model that accepts one protocol.
    func catalog(model: String, protocolID: String) -> Catalog {
        var catalog = catalog(model: model)
        catalog.models[0].protocolIDs = [protocolID]
        return catalog
    }

    /// The built-in templates with one file replaced.
    func templates(replacing path: String, _ edit: (String) -> String) throws -> SnippetTemplates {
        var files = DefaultResources.templates
        let original = try #require(files[path])
        let edited = edit(original)
        #expect(edited != original, "the edit changed nothing in \(path)")
        files[path] = edited
        return try SnippetTemplates(files: files, origin: "broken-templates")
    }

    @Test("a doubled /v1 in the base path gets 404 and fails")
    func wrongBasePath() async throws {
        let broken = try templates(replacing: "snippets/languages/curl/openai-request.mustache") {
            $0.replacingOccurrences(of: "{{shellWord(url)}}", with: "'{{shell(baseURL)}}/v1/chat/completions'")
        }
        let report = try await verify(
            catalog: catalog(model: "deepseek-chat"), templates: broken, languages: [.curl], recipes: ["hello"])
        #expect(report.results.count == 2)
        for result in report.results {
            #expect(!result.passed)
            #expect(
                result.problems.contains("path /v1/v1/chat/completions; expected /v1/chat/completions"),
                "\(result.problems)")
            #expect(result.problems.contains { $0.hasPrefix("the relay answered 404") })
        }
        #expect(report.summary == "0 passed, 2 failed")
    }

    @Test("a forgotten /anthropic suffix fails in Python")
    func forgottenSuffix() async throws {
        let broken = try templates(replacing: "snippets/languages/python/anthropic-client.mustache") {
            $0.replacingOccurrences(
                of: "base_url={{python(baseURL)}}", with: "base_url={{python(baseURL)}}[: -len(\"/anthropic\")]")
        }
        let catalog = catalog(model: "claude-sonnet-4-20250514", protocolID: "anthropic-messages")
        let report = try await verify(catalog: catalog, templates: broken, languages: [.python], recipes: ["hello"])
        #expect(report.results.count == 6)
        for result in report.results {
            #expect(!result.passed)
            #expect(
                result.problems.contains("path /v1/messages; expected /anthropic/v1/messages"), "\(result.problems)")
        }
    }

    @Test("a dropped key header gets 401 and fails")
    func droppedHeader() async throws {
        let broken = try templates(replacing: "snippets/languages/curl/anthropic-request.mustache") {
            $0.replacingOccurrences(of: "  -H 'x-api-key: {{shell(key)}}' \\\n", with: "")
        }
        let catalog = catalog(model: "claude-sonnet-4-20250514", protocolID: "anthropic-messages")
        let report = try await verify(catalog: catalog, templates: broken, languages: [.curl], recipes: ["hello"])
        #expect(report.results.count == 6)
        for result in report.results {
            #expect(!result.passed)
            #expect(
                result.problems.contains("no request reached the relay with this snippet's key"), "\(result.problems)")
            #expect(result.details.contains("--- requests that carried the key\n(none)"))
        }
    }

    @Test("a key pasted into double quotes is expanded by the shell and fails")
    func keyPastedUnescaped() async throws {
        let broken = try templates(replacing: "snippets/languages/curl/openai-request.mustache") {
            $0.replacingOccurrences(
                of: "-H 'Authorization: Bearer {{shell(key)}}'", with: "-H \"Authorization: Bearer {{shell(key)}}\"")
        }
        let report = try await verify(
            catalog: catalog(model: "deepseek-chat"), templates: broken, languages: [.curl], recipes: ["hello"])
        for result in report.results {
            #expect(!result.passed)
            #expect(
                result.problems.contains {
                    $0.hasPrefix("no request reached the relay") || $0.hasPrefix("the key did not arrive intact")
                }, "\(result.problems)")
            // The failure report never shows the key itself.
            #expect(!result.details.contains(result.verificationCase.key.value))
        }
    }

    @Test("a snippet that sends the wrong model, or the wrong stream flag, fails")
    func wrongBody() async throws {
        let broken = try templates(replacing: "snippets/recipes/hello/swift/openai-chat.mustache") {
            $0.replacingOccurrences(of: "\"model\": {{swift(model)}},", with: "\"model\": \"gpt-4o\",")
                .replacingOccurrences(of: "    \"stream\": true,\n", with: "")
        }
        let report = try await verify(
            catalog: catalog(model: "deepseek-chat"), templates: broken, languages: [.swift], recipes: ["hello"])
        #expect(report.results.count == 2)
        for result in report.results {
            #expect(!result.passed)
            #expect(result.problems.contains("model gpt-4o; expected deepseek-chat"), "\(result.problems)")
        }
        let stream = try #require(report.results.first { $0.verificationCase.request.stream })
        #expect(stream.problems.contains("stream is false; expected true"), "\(stream.problems)")
    }

    @Test("a snippet that prints more than the reply fails")
    func extraOutput() async throws {
        let broken = try templates(replacing: "snippets/recipes/hello/python/openai-chat.mustache") {
            $0.replacingOccurrences(of: "print(completion.choices[0].message.content)", with: "print(completion)")
        }
        let report = try await verify(
            catalog: catalog(model: "deepseek-chat"), templates: broken, languages: [.python], recipes: ["hello"])
        let plain = try #require(report.results.first { !$0.verificationCase.request.stream })
        #expect(!plain.passed)
        #expect(plain.problems.contains { $0.hasPrefix("printed ") }, "\(plain.problems)")
        #expect(report.results.first { $0.verificationCase.request.stream }?.passed == true)
    }

    @Test("a curl snippet without --fail-with-body exits 0 on an HTTP error, and that fails")
    func swallowedHTTPError() async throws {
        let broken = try templates(replacing: "snippets/languages/curl/openai-request.mustache") {
            $0.replacingOccurrences(of: "curl -sS --fail-with-body ", with: "curl -sS ")
        }
        let report = try await verify(
            catalog: catalog(model: "deepseek-chat"), templates: broken, languages: [.curl], recipes: ["hello"])
        #expect(report.results.count == 2)
        // The stream snippet exits 1 (no event arrives, so its awk filter fails) but does not show
        // the status; the plain one exits 0.
        let stream = try #require(report.results.first { $0.verificationCase.request.stream })
        #expect(!stream.passed)
        #expect(stream.problems.contains { $0.hasPrefix("unauthorized: the output does not show the status 401") })
        for result in report.results where !result.verificationCase.request.stream {
            #expect(!result.passed)
            for mode in ["unauthorized", "notFound", "serverError"] {
                #expect(
                    result.problems.contains { $0.hasPrefix("\(mode): exit status 0 after the relay answered") },
                    "\(result.problems)")
            }
        }
    }

    @Test("a stream snippet that does not notice plain JSON instead of events fails")
    func plainJSONToAStream() async throws {
        let broken = try templates(replacing: "snippets/recipes/hello/python/openai-chat.mustache") {
            $0.replacingOccurrences(of: "{{> languages/python/require-event-stream}}\n", with: "")
        }
        let report = try await verify(
            catalog: catalog(model: "deepseek-chat"), templates: broken, languages: [.python], recipes: ["hello"])
        let stream = try #require(report.results.first { $0.verificationCase.request.stream })
        #expect(!stream.passed)
        #expect(stream.problems.contains { $0.hasPrefix("jsonToStream: exit status 0") }, "\(stream.problems)")
        #expect(report.results.first { !$0.verificationCase.request.stream }?.passed == true)
    }

    @Test("a Vertex snippet that would look for Google credentials fails fast, without reaching the network")
    func googleCredentialsFailFast() async throws {
        // Project and location instead of the key: google-genai then calls google.auth.default(),
        // which finds no credentials and asks the metadata server, pointed at a closed loopback port.
        let broken = try templates(replacing: "snippets/languages/python/vertex-gemini-client.mustache") {
            $0.replacingOccurrences(
                of: "    api_key={{python(key)}},\n",
                with: "    project=\"relay-project\",\n    location=\"us-central1\",\n")
        }
        let catalog = catalog(model: "gemini-2.5-flash", protocolID: "vertex-gemini")
        let started = ContinuousClock.now
        let report = try await verify(catalog: catalog, templates: broken, languages: [.python], recipes: ["hello"])
        let elapsed = ContinuousClock.now - started
        #expect(report.results.count == 2)
        for result in report.results {
            #expect(!result.passed)
            #expect(
                result.problems.contains("no request reached the relay with this snippet's key"), "\(result.problems)")
            #expect(!result.problems.contains { $0.hasPrefix("still running") }, "\(result.problems)")
            #expect(result.details.contains("DefaultCredentialsError"), "\(result.details.suffix(1500))")
        }
        // Two runs and seven failure-mode runs; a metadata probe of the network would take minutes.
        #expect(elapsed < .seconds(90), "took \(elapsed)")
    }

    @Test("Vertex settings in the user's environment never reach a snippet")
    func vertexEnvironmentCleared() async throws {
        // Without project_id and region, AnthropicVertex reads them from the environment: with the
        // catalog's values there, the broken snippet would pass if verify let them through.
        let broken = try templates(replacing: "snippets/languages/python/vertex-anthropic-client.mustache") {
            $0.replacingOccurrences(of: "    project_id={{python(values.project)}},\n", with: "")
                .replacingOccurrences(of: "    region={{python(values.region)}},\n", with: "")
        }
        let catalog = catalog(model: "claude-sonnet-4-20250514", protocolID: "vertex-anthropic")
        let values = try #require(catalog.wireProtocol(id: "vertex-anthropic")?.values)
        setenv("ANTHROPIC_VERTEX_PROJECT_ID", try #require(values["project"]), 1)
        setenv("CLOUD_ML_REGION", try #require(values["region"]), 1)
        defer {
            unsetenv("ANTHROPIC_VERTEX_PROJECT_ID")
            unsetenv("CLOUD_ML_REGION")
        }
        let report = try await verify(catalog: catalog, templates: broken, languages: [.python], recipes: ["hello"])
        #expect(report.results.count == 2)
        for result in report.results {
            #expect(!result.passed)
            #expect(result.problems.contains { $0.hasPrefix("exit status") }, "\(result.problems)")
            #expect(result.details.contains("region"), "\(result.details.suffix(1500))")
        }
    }

    @Test("a Claude-on-Vertex snippet that sends another anthropic_version than the pinned one fails")
    func unpinnedAnthropicVersion() async throws {
        let broken = try templates(replacing: "snippets/recipes/hello/curl/vertex-anthropic.mustache") {
            $0.replacingOccurrences(of: "{{shell(json(apiVersion))}}", with: "\"2026-10-21\"")
        }
        let catalog = catalog(model: "claude-sonnet-4-20250514", protocolID: "vertex-anthropic")
        let report = try await verify(catalog: catalog, templates: broken, languages: [.curl], recipes: ["hello"])
        #expect(report.results.count == 2)
        for result in report.results {
            #expect(!result.passed)
            #expect(
                result.problems.contains("anthropic_version is 2026-10-21; expected the pinned vertex-2023-10-16"),
                "\(result.problems)")
        }
    }

    @Test("Python runs forked from a warm interpreter give what cold runs give")
    func warmAndColdRunsAgree() async throws {
        var options = Verifier.Options(languages: [.python], python: sdkPython)
        options.recipes = ["hello", "tools"]
        let catalog = catalog(model: "claude-sonnet-4-20250514")
        let warm = try await Verifier(catalog: catalog, templates: defaultTemplates, options: options).run()
        options.warmPython = false
        let cold = try await Verifier(catalog: catalog, templates: defaultTemplates, options: options).run()
        #expect(warm.results.count == cold.results.count)
        #expect(warm.results.count >= 8)
        #expect(warm.failedCount == 0, "\(warm.results.filter { !$0.passed }.map(\.line))")
        #expect(cold.failedCount == 0, "\(cold.results.filter { !$0.passed }.map(\.line))")
    }

    @Test(
        "the warm interpreter's warm-up runs to its end with the newest and the lowest SDKs, each guarded part too",
        arguments: [sdkPython, lowestPython])
    func warmupRuns(python: String) async throws {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("\(python) is missing: make venv and make venv-lowest")
            return
        }
        let warmup = try #require(defaultTemplates.language(.python)?.warmup)
        // Each part the warm-up guards (it only saves time) must work too: re-raise instead.
        let strict = warmup.replacingOccurrences(of: "except Exception:\n    pass\n", with: "except Exception:\n    raise\n")
        #expect(strict != warmup)
        let result = try await ProgramRunner.run(
            python, ["-c", strict + "\nprint('warmed')\n"], timeout: .seconds(120))
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        #expect(result.stdout == "warmed\n")
    }

    @Test("a missing interpreter fails with how to install it")
    func missingPython() async throws {
        let verifier = Verifier(
            catalog: catalog(model: "deepseek-chat"), templates: defaultTemplates,
            options: Verifier.Options(languages: [.python], python: "/nonexistent/python3"))
        await #expect {
            try await verifier.run()
        } throws: { error in
            "\(error)".contains("/nonexistent/python3 is not installed") && "\(error)".contains("make venv")
        }
    }
}

@Suite("A language's preparatory run")
struct PreparatoryRunTests {
    @Test("Java's runs map the class archive that its preparatory run writes into the language's shared folder")
    func javaArchive() async throws {
        let verifier = Verifier(
            catalog: defaultCatalog, templates: defaultTemplates,
            options: Verifier.Options(languages: [Language("java")], python: sdkPython))
        defer { try? FileManager.default.removeItem(at: verifier.sharedRoot) }
        let java = try #require(defaultTemplates.language(Language("java")))
        let shared = verifier.sharedRoot.appendingPathComponent("java").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relaydocs-prepare-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            verifier.environment(for: java, folder: folder)["JDK_JAVA_OPTIONS"]
                == "-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=\(shared)/classes.jsa")
        #expect(
            verifier.environment(for: java, folder: folder, preparing: true)["JDK_JAVA_OPTIONS"]
                == "-XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit=\(shared)/classes.jsa")
        // No relay listens: the snippet fails, and the JVM still writes the archive as it exits.
        let first = try #require(verifier.cases.first { $0.request.language == Language("java") })
        await verifier.prepare(
            java, with: first, generator: SnippetGenerator(catalog: defaultCatalog, templates: defaultTemplates),
            workspace: folder)
        let archive = try FileManager.default.attributesOfItem(atPath: shared + "/classes.jsa")
        #expect((archive[.size] as? Int ?? 0) > 1_000_000)
    }
}
