import ArgumentParser
import Foundation
import RelayCatalog
import RelaySnippets
import RelaySite
import RelayVerify

/// `relaydocs verify`: run every snippet against a local stand-in relay and check each request.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run every snippet of the catalog against a local stand-in relay and check what arrives.",
        discussion: """
            Each snippet (every model × accepted protocol × language × plain and stream, plus the \
            thinking and cache variants) is rendered with a test key and a prompt full of quotes, \
            $(…), backticks and non-ASCII, run as each language.yaml says (python3 with the SDKs, \
            bash for curl, swiftc, node, go build, java), and checked: exit status, the reply printed, the path, the key in the right header, the model, \
            the prompt, the stream flag and the Anthropic extras. Then every client set-up \
            (relaydocs clients): its files parsed with their real parsers, its export lines run in \
            bash, and the client run (frameworks and SDKs, in .venv-clients/<client>) or its \
            requests replayed (agents and apps), each request checked the same way. Prints one line \
            per snippet and set-up, the details of each failure, then "N passed, M failed"; exits 1 \
            if any failed.
            """
    )

    @Option(help: ArgumentHelp("A catalog YAML file to use instead of the built-in one.", valueName: "file"))
    var catalog: String?

    @Option(
        help: ArgumentHelp(
            "A folder laid out like templates/ to use instead of the built-in templates.", valueName: "dir"))
    var templates: String?

    @Option(
        help: ArgumentHelp(
            "The Python interpreter with openai, anthropic and google-genai installed (default: .venv/bin/python if present, else python3).",
            valueName: "path"))
    var python: String?

    @Option(
        help: ArgumentHelp(
            "Only these languages, comma-separated, such as python,curl or javascript,go,java.", valueName: "languages")
    )
    var only: String?

    @Option(
        help: ArgumentHelp(
            "Also run every snippet block of this docs content folder, with its own prompt.", valueName: "dir"))
    var content: String?

    @Option(help: "How many snippets run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(
        help:
            "Start Python anew for every run instead of forking each run from an interpreter that has imported the SDKs."
    )
    var coldPython = false

    @Option(help: ArgumentHelp("Only these recipes, comma-separated: hello,tools,…", valueName: "recipes"))
    var recipes: String?

    @Flag(help: "Skip the runs against a relay that answers 401, 404, 500 and plain JSON to a stream request.")
    var noFailureModes = false

    @Flag(
        help:
            "Run every model's snippets, also those that are the program of another model's snippet but for the model id (by default each such program runs once)."
    )
    var everyModel = false

    @Option(
        help: ArgumentHelp(
            "Run with the lowest or the newest release of each Python SDK range the catalog claims, or both (the whole run twice), each in a virtual environment of its own that is made or updated from PyPI.",
            valueName: "lowest|newest|both"))
    var sdkVersions: String?

    @Option(
        help: ArgumentHelp(
            "Where --sdk-versions keeps its virtual environments (.venv-lowest, .venv-newest).", valueName: "dir"))
    var venvs: String = "."

    @Option(help: ArgumentHelp("The interpreter that creates those environments.", valueName: "path"))
    var basePython: String = "python3"

    @Option(
        help: ArgumentHelp(
            "Run the code in this JSON file instead of the catalog's snippets: an array of {model, language, protocol, recipe, stream, thinking, cache, effort, prompt, image, key, code}, such as what relaydocs mcp's get_snippet answered (made with --origin http://127.0.0.1:PORT and --port PORT).",
            valueName: "file"))
    var snippets: String?

    @Option(help: "The stand-in relay's port (0: a free one).")
    var port = 0

    @Option(
        help: ArgumentHelp(
            "Verify the set-ups of these clients, comma-separated, or all (relaydocs clients lists them). Without it, every set-up is verified unless --only, --recipes, --snippets or --sdk-versions narrows the run to snippets; with it, snippets run only when --only or --recipes asks for them.",
            valueName: "clients"))
    var clients: String?

    @Option(
        help: ArgumentHelp(
            "Where each client's virtual environment is (<dir>/<client>, made by make client-venvs from the client's requirements.txt).",
            valueName: "dir"))
    var clientVenvs: String = ".venv-clients"

    func run() async throws {
        let languages = try parseLanguages()
        let loaded = try loadCatalog(path: catalog)
        let snippetTemplates = try loadTemplateSet(folder: templates).snippets
        var options = Verifier.Options(languages: languages, python: python ?? defaultPython(), jobs: jobs)
        options.warmPython = !coldPython
        options.recipes = recipes.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        options.failureModes = !noFailureModes
        options.everyModel = everyModel
        options.port = port
        if let snippets { options.givenSnippets = try Self.givenSnippets(file: snippets) }
        if let content {
            do {
                options.extraRequests = try SiteSnippets.requests(
                    inContent: content, generator: SnippetGenerator(catalog: loaded, templates: snippetTemplates))
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
        let setupClients = try parseClients(snippetTemplates)
        let runsSetups = clients != nil || (only == nil && recipes == nil && snippets == nil && sdkVersions == nil)
        let runsSnippets = clients == nil || only != nil || recipes != nil
        guard let ends = try parseEnds() else {
            var passed = 0
            var failed = 0
            if runsSnippets {
                let report = try await verify(Verifier(catalog: loaded, templates: snippetTemplates, options: options))
                passed += report.passedCount
                failed += report.failedCount
                if runsSetups { print("snippets: \(report.summary)") }
            }
            if runsSetups {
                var setupOptions = SetupVerifier.Options(clients: setupClients, venvs: clientVenvs, jobs: jobs)
                setupOptions.port = runsSnippets ? 0 : port
                let results = try await verifySetups(
                    SetupVerifier(catalog: loaded, templates: snippetTemplates, options: setupOptions))
                passed += results.filter(\.passed).count
                failed += results.filter { !$0.passed }.count
            }
            print("\(passed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode.failure }
            return
        }
        var reports: [(end: SDKEnd, report: VerificationReport)] = []
        for end in ends {
            let environment: SDKEnvironment
            do {
                environment = try await SDKEnvironment.prepare(
                    end: end, catalog: loaded, folder: venvs + "/.venv-\(end.rawValue)", basePython: basePython
                ) { line in print(line) }
            } catch let error as MissingTools {
                printError(error.problems.map { "error: \($0)" }.joined(separator: "\n"))
                throw ExitCode.failure
            } catch {
                printError("error: \(error)")
                throw ExitCode.failure
            }
            print(
                "\n== the \(end.rawValue) SDK releases: \(environment.pins.map(\.requirement).joined(separator: " "))")
            for pin in environment.pins {
                if let newer = pin.newerOutside {
                    print("note: \(pin.package) \(newer) is out, newer than the catalog's range \(pin.range) admits")
                }
            }
            var endOptions = options
            endOptions.programs["python"] = environment.python
            if languages == nil {
                // Only the languages with packages of their own change with the SDK releases; the
                // others run the same with either end (without --sdk-versions they run too).
                endOptions.languages = snippetTemplates.languages.filter { $0.packageVersion != nil }.map(\.id)
            }
            let report = try await verify(Verifier(catalog: loaded, templates: snippetTemplates, options: endOptions))
            print("\(end.rawValue): \(report.summary)")
            reports.append((end, report))
        }
        print("")
        for (end, report) in reports {
            print("\(end.rawValue) (\(report.toolVersions.joined(separator: ", "))): \(report.summary)")
        }
        let passed = reports.map(\.report.passedCount).reduce(0, +)
        let failed = reports.map(\.report.failedCount).reduce(0, +)
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode.failure }
    }

    /// Runs one verification and prints its lines, the versions and the details of each failure.
    func verify(_ verifier: Verifier) async throws -> VerificationReport {
        let report: VerificationReport
        do {
            print("verifying \(verifier.cases.count) snippets with \(max(1, jobs)) jobs")
            report = try await verifier.run { result in print(result.line) }
        } catch let error as MissingTools {
            printError(error.problems.map { "error: \($0)" }.joined(separator: "\n"))
            throw ExitCode.failure
        }
        print("ran with: " + report.toolVersions.joined(separator: ", "))
        if report.alike > 0 {
            print(
                "\(report.alike) more snippets are the program of one that ran but for the model id (--every-model runs them too)"
            )
        }
        for result in report.results where !result.passed {
            print("\n=== FAIL \(result.verificationCase)")
            for problem in result.problems { print("  - \(problem)") }
            print(result.details)
        }
        return report
    }

    /// Runs the client set-ups and prints their lines, the pinned packages and the details of
    /// each failure.
    func verifySetups(_ verifier: SetupVerifier) async throws -> [SetupResult] {
        print("verifying \(verifier.cases.count) client set-ups with \(max(1, jobs)) jobs")
        let results = try await verifier.run { result in print(result.line) }
        print("set-ups ran with: " + verifier.pins.joined(separator: "; "))
        for result in results where !result.passed {
            print("\n=== FAIL \(result.setupCase)")
            for problem in result.problems { print("  - \(problem)") }
            print(result.details)
        }
        let failed = results.filter { !$0.passed }.count
        print("set-ups: \(results.count - failed) passed, \(failed) failed")
        return results
    }

    /// The clients --clients names (nil: every client).
    func parseClients(_ templates: SnippetTemplates) throws -> [String]? {
        guard let clients, clients != "all" else { return nil }
        var ids: [String] = []
        for name in clients.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard templates.client(id: name) != nil else {
                throw ValidationError(
                    "--clients: unknown client \(name.debugDescription); expected all or some of \(templates.clients.map(\.id).joined(separator: ", "))"
                )
            }
            if !ids.contains(name) { ids.append(name) }
        }
        return ids
    }

    /// The ends --sdk-versions names, or nil without it.
    func parseEnds() throws -> [SDKEnd]? {
        guard let sdkVersions else { return nil }
        guard python == nil else {
            throw ValidationError("--python and --sdk-versions both choose the interpreter; give one of them")
        }
        if sdkVersions == "both" { return SDKEnd.allCases }
        guard let end = SDKEnd(rawValue: sdkVersions) else {
            throw ValidationError(
                "--sdk-versions: expected lowest, newest or both, not \(sdkVersions.debugDescription)")
        }
        return [end]
    }

    /// One entry of `--snippets`.
    struct GivenEntry: Decodable {
        var model: String
        var language: String
        var `protocol`: String?
        var recipe: String?
        var stream: Bool?
        var thinking: Int?
        var cache: Bool?
        var effort: String?
        var prompt: String?
        var image: String?
        var key: String
        var code: String
    }

    static func givenSnippets(file: String) throws -> [GivenSnippet] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("--snippets: cannot read \(file)")
        }
        let entries: [GivenEntry]
        do {
            entries = try JSONDecoder().decode([GivenEntry].self, from: data)
        } catch {
            throw ValidationError("--snippets: \(file) is not an array of snippets: \(error)")
        }
        // The stand-in relay tells runs apart by their keys.
        var seen: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            if let first = seen[entry.key] {
                throw ValidationError(
                    "--snippets: entries \(first + 1) and \(index + 1) carry the same key; each snippet needs a key of its own"
                )
            }
            seen[entry.key] = index
        }
        return try entries.enumerated().map { index, entry in
            let key: APIKey
            do {
                key = try APIKey(entry.key)
            } catch {
                throw ValidationError("--snippets: entry \(index + 1): \(error)")
            }
            return GivenSnippet(
                request: SnippetRequest(
                    model: entry.model, language: Language(rawValue: entry.language), protocolID: entry.protocol,
                    recipe: entry.recipe ?? Recipe.defaultID, key: key, prompt: entry.prompt,
                    stream: entry.stream ?? false, thinkingBudget: entry.thinking, cache: entry.cache ?? false,
                    effort: entry.effort, image: entry.image),
                key: key, code: entry.code)
        }
    }

    func parseLanguages() throws -> [Language]? {
        guard let only else { return nil }
        var languages: [Language] = []
        for name in only.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let language = Language(rawValue: name)
            guard (try? loadTemplateSet(folder: templates).snippets.language(language)) != nil else {
                throw ValidationError("--only: unknown language \(name.debugDescription)")
            }
            if !languages.contains(language) { languages.append(language) }
        }
        return languages
    }

    func defaultPython() -> String {
        FileManager.default.isExecutableFile(atPath: ".venv/bin/python") ? ".venv/bin/python" : "python3"
    }
}
