import Foundation
import RelayCatalog
import RelaySnippets
import StandInRelay

/// Renders every snippet of a catalog, runs it against a ``StandInRelay`` and checks what
/// arrived: the path, the key in the right header byte for byte, the model, the prompt, the
/// stream flag and the Anthropic extras, and that the snippet printed the reply.
///
/// ```swift
/// let verifier = Verifier(catalog: catalog, templates: templates)
/// let report = try await verifier.run { result in print(result.line) }
/// print(report.summary)  // "66 passed, 0 failed"
/// ```
public struct Verifier: Sendable {
    /// How to run the snippets.
    public struct Options: Sendable {
        /// The languages to run; nil runs every language the catalog and templates have.
        public var languages: [Language]?
        /// The recipes to run; nil runs every recipe.
        public var recipes: [String]?
        /// The programs the languages' commands name in braces, such as `{python}`: the Python
        /// interpreter that has the SDKs installed.
        public var programs: [String: String]
        /// How many snippets run at once.
        public var jobs: Int
        /// The prompt every snippet sends: quotes, `$(…)`, backticks, backslashes, `\(`, a
        /// newline and non-ASCII, so careless quoting changes it.
        public var prompt: String
        /// How long one snippet (or one compilation) may take.
        public var timeout: Duration
        /// More snippets to run as they are, with their own prompts, such as every snippet a docs
        /// site shows (`SiteSnippets.requests(inContent:generator:)`).
        public var extraRequests: [SnippetRequest] = []
        /// Whether each snippet also runs against a relay that answers 401, 404, 500 (and, for
        /// streams, plain JSON), and must fail loudly each time.
        public var failureModes = true
        /// Whether Python runs fork from a warm interpreter that has imported the SDKs (see
        /// ``WarmPython``) instead of starting Python anew for each run.
        public var warmPython = true
        /// Code made elsewhere to run instead of the catalog's matrix, such as what a coding agent got
        /// from `relaydocs mcp`: each runs and is checked like a rendered snippet. The code must have
        /// been made for the stand-in relay's origin (see ``port``) and carry its own key.
        public var givenSnippets: [GivenSnippet]?
        /// The stand-in relay's loopback port; 0 takes a free one.
        public var port = 0
        /// Whether every model's snippets run, even those whose program is one that already runs
        /// for another model but for the model's id (see ``Verifier/plan``).
        public var everyModel = false

        /// Options with the defaults: every language, `python3`, one job per core.
        public init(
            languages: [Language]? = nil, python: String = "python3",
            jobs: Int = ProcessInfo.processInfo.activeProcessorCount, prompt: String = Verifier.hostilePrompt,
            timeout: Duration = .seconds(120)
        ) {
            self.languages = languages
            self.programs = ["python": python]
            self.jobs = max(1, jobs)
            self.prompt = prompt
            self.timeout = timeout
        }

        /// The Python interpreter with the SDKs.
        public var python: String { programs["python"] ?? "python3" }
    }

    /// The default prompt of a verification run.
    public static let hostilePrompt =
        "Quote \"double\" and 'single', run $(id) and `uname`, keep ${HOME}, back\\slash, \\(interpolation), \"\"\" #\n"
        + "second line: 你好, café, 🙂, a quote with a combining mark '\u{301} and $(id)"

    public let catalog: Catalog
    public let templates: SnippetTemplates
    public let options: Options
    /// Where each language's `{shared}` folder is made during a run (and removed after it).
    let sharedRoot = FileManager.default.temporaryDirectory.appendingPathComponent(
        "relaydocs-verify-shared-\(UUID().uuidString)")

    /// A language's `{shared}` folder (made by ``prepare(_:with:generator:workspace:)`` and at the
    /// start of a run, not at each build or run of a snippet).
    func sharedFolder(of definition: LanguageDefinition) -> URL {
        sharedRoot.appendingPathComponent(definition.id.rawValue)
    }

    /// Creates a verifier.
    public init(catalog: Catalog, templates: SnippetTemplates, options: Options = Options()) {
        self.catalog = catalog
        self.templates = templates
        self.options = options
    }

    /// The languages a run covers.
    public var languages: [Language] {
        let all = SnippetGenerator(catalog: catalog, templates: templates).languages
        return options.languages.map { wanted in all.filter(wanted.contains) } ?? all
    }

    /// The cases a run covers: the catalog's matrix, then the extra requests it does not hold (or
    /// only the given snippets, when there are some).
    public var cases: [VerificationCase] { plan.run }

    /// What a run covers: the cases it runs, and the snippets of the matrix it does not run because
    /// each is, byte for byte, the program of a case that runs but for the model's id.
    ///
    /// Models that share a protocol mostly share its programs: `gpt-4o` and `deepseek-chat` get the
    /// same Chat Completions code but for the id. Running both proves nothing the first run did not,
    /// provided the id passes through unchanged, so ids are compared only when every escaper leaves
    /// them as they are (letters, digits and `.-_@`). Snippets a docs site shows always run, and
    /// ``Options/everyModel`` runs them all.
    public var plan: (run: [VerificationCase], alike: [(snippet: VerificationCase, runsAs: VerificationCase)]) {
        let all = matrix
        guard !options.everyModel, options.givenSnippets == nil else { return (all, []) }
        let generator = SnippetGenerator(catalog: catalog, templates: templates)
        let shown = options.extraRequests
        var programs: [String: VerificationCase] = [:]
        var run: [VerificationCase] = []
        var alike: [(snippet: VerificationCase, runsAs: VerificationCase)] = []
        for verificationCase in all {
            guard !shown.contains(verificationCase.request),
                let program = Self.program(of: verificationCase, generator: generator)
            else {
                run.append(verificationCase)
                continue
            }
            if let earlier = programs[program] {
                alike.append((verificationCase, earlier))
            } else {
                programs[program] = verificationCase
                run.append(verificationCase)
            }
        }
        return (VerificationCase.checkingFailuresOncePerShape(run), alike)
    }

    /// A case's code with one fixed key and its model's id taken out, or nil when the id is one an
    /// escaper might change (then the case always runs).
    static func program(of verificationCase: VerificationCase, generator: SnippetGenerator) -> String? {
        guard let model = generator.catalog.model(id: verificationCase.request.model) else { return nil }
        let id = model.id(on: verificationCase.protocolID)
        let plain = id.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || ".-_@".unicodeScalars.contains($0)
        }
        guard plain, !id.isEmpty else { return nil }
        var request = verificationCase.request
        request.protocolID = verificationCase.protocolID
        request.key = try? APIKey("sk-verify-program")
        guard let code = try? generator.snippet(for: request).code else { return nil }
        // What the run checks depends on the recipe and the protocol too, not only on the code.
        return "\(verificationCase.shape)\n"
            + code.replacingOccurrences(of: id, with: "\u{1}model\u{1}")
    }

    /// Every case of the catalog's matrix and the extra requests, before ``plan`` leaves out alike
    /// programs.
    var matrix: [VerificationCase] {
        let generator = SnippetGenerator(catalog: catalog, templates: templates)
        if let given = options.givenSnippets {
            return VerificationCase.checkingFailuresOncePerShape(
                given.enumerated().map { index, snippet in
                    var verificationCase = VerificationCase(
                        index: index, request: snippet.request,
                        protocolID: snippet.request.protocolID
                            ?? (try? generator.resolve(model: snippet.request.model))?.protocolIDs[0]
                            ?? SnippetGenerator.fallbackProtocolID)
                    verificationCase.given = (snippet.code, snippet.key)
                    return verificationCase
                })
        }
        var cases = VerificationCase.all(generator: generator, languages: languages, prompt: options.prompt)
        if let recipes = options.recipes { cases = cases.filter { recipes.contains($0.request.recipe) } }
        for request in options.extraRequests where languages.contains(request.language) {
            guard !cases.contains(where: { $0.request == request }) else { continue }
            let protocolID = request.protocolID ?? (try? generator.resolve(model: request.model))?.protocolIDs[0]
            cases.append(
                VerificationCase(
                    index: cases.count, request: request,
                    protocolID: protocolID ?? SnippetGenerator.fallbackProtocolID))
        }
        return VerificationCase.checkingFailuresOncePerShape(cases)
    }

    /// A language's command with its `{program}` and `{package}` words filled in.
    func filled(_ command: [String], package: String? = nil) -> [String] {
        command.map { word in
            var word = word
            for (name, path) in options.programs { word = word.replacingOccurrences(of: "{\(name)}", with: path) }
            if let package { word = word.replacingOccurrences(of: "{package}", with: package) }
            return word
        }
    }

    /// Checks that the programs the languages need are installed, with the SDKs.
    ///
    /// - Returns: the versions that will run, one line each, such as `openai 3.57.0`.
    /// - Throws: ``MissingTools`` saying what is missing and how to install it.
    public func toolVersions() async throws -> [String] {
        var versions: [String] = []
        var missing: [String] = []
        for language in languages {
            guard let definition = templates.language(language) else { continue }
            for command in definition.versions.map({ filled($0) }) {
                do {
                    let result = try await ProgramRunner.run(
                        command[0], Array(command.dropFirst()), timeout: .seconds(60))
                    let text = result.stdout.isEmpty ? result.stderr : result.stdout
                    guard result.status == 0 else {
                        missing.append("\(command[0]) does not run (exit \(result.status)): \(definition.install)")
                        continue
                    }
                    versions.append(text.split(separator: "\n").first.map(String.init) ?? command[0])
                } catch {
                    missing.append("\(command[0]) is not installed: \(definition.install)")
                }
            }
            guard let packageVersion = definition.packageVersion, missing.isEmpty else { continue }
            var packages: [String] = []
            for sdk in catalog.sdks where sdk.language == language && !packages.contains(sdk.package) {
                packages.append(sdk.package)
            }
            var absent: [String] = []
            for package in packages {
                let command = filled(packageVersion, package: package)
                let result = try? await ProgramRunner.run(
                    command[0], Array(command.dropFirst()), timeout: .seconds(60))
                if let result, result.status == 0, let line = result.stdout.split(separator: "\n").first {
                    versions.append(String(line))
                } else {
                    absent.append(package)
                }
            }
            if !absent.isEmpty {
                missing.append(
                    "\(filled(packageVersion)[0]) lacks \(absent.joined(separator: ", ")): \(definition.install)")
            }
        }
        if !missing.isEmpty { throw MissingTools(problems: missing) }
        return versions
    }

    /// Runs every case against a fresh stand-in relay.
    ///
    /// - Parameter progress: called once per finished case, in the order they finish.
    public func run(progress: @escaping @Sendable (VerificationResult) -> Void = { _ in }) async throws
        -> VerificationReport
    {
        let versions = try await toolVersions()
        let relay = try await StandInRelay.start(catalog: catalog, port: options.port)
        let local = catalog.replacingOrigin(with: try RelayOrigin(relay.origin))
        let generator = SnippetGenerator(catalog: local, templates: templates)
        let plan = self.plan
        let cases = plan.run
        for verificationCase in cases { await relay.allow(key: verificationCase.key.value) }
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
            "relaydocs-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        defer { try? FileManager.default.removeItem(at: sharedRoot) }

        let definitions = languages.compactMap { templates.language($0) }
        for definition in definitions {
            try FileManager.default.createDirectory(at: sharedFolder(of: definition), withIntermediateDirectories: true)
        }
        for definition in definitions where !definition.prepare.isEmpty {
            guard let first = cases.first(where: { $0.request.language == definition.id }) else { continue }
            await prepare(definition, with: first, generator: generator, workspace: workspace)
        }
        let preload = definitions.flatMap(\.preload)
        let warm =
            options.warmPython && !preload.isEmpty
            ? WarmPythonPool(
                modules: preload, warmup: definitions.map(\.warmup).joined(separator: "\n"),
                environment: environment(
                    for: templates.language(languages[0])!, folder: URL(fileURLWithPath: NSTemporaryDirectory())))
            : nil
        var results: [VerificationResult] = []
        await withTaskGroup(of: VerificationResult.self) { group in
            var pending = cases[...]
            func startNext() {
                guard let next = pending.popFirst() else { return }
                group.addTask {
                    await self.verify(next, generator: generator, relay: relay, workspace: workspace, warm: warm)
                }
            }
            for _ in 0..<options.jobs { startNext() }
            while let result = await group.next() {
                progress(result)
                results.append(result)
                startNext()
            }
        }
        await relay.stop()
        results.sort { $0.verificationCase.index < $1.verificationCase.index }
        return VerificationReport(results: results, toolVersions: versions, alike: plan.alike.count)
    }

    /// Runs a language's first snippet once with its ``LanguageDefinition/prepare`` environment,
    /// with a key the stand-in relay refuses (so no case's requests change), and throws the result
    /// away: what it leaves in `{shared}` is all it is for, and without it runs only take longer.
    func prepare(
        _ definition: LanguageDefinition, with verificationCase: VerificationCase, generator: SnippetGenerator,
        workspace: URL
    ) async {
        var request = verificationCase.request
        request.key = try? APIKey("sk-verify-prepare")
        let folder = workspace.appendingPathComponent("prepare-\(definition.id.rawValue)")
        // Rendered anew even for code made elsewhere: that code holds the case's own key, and its
        // requests would count as the case's.
        guard let code = try? generator.snippet(for: request).code else { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: sharedFolder(of: definition), withIntermediateDirectories: true)
            if try await build(code, definition: definition, in: folder) != nil { return }  // it did not build
            _ = try await run(definition, in: folder, warm: nil, preparing: true)
        } catch {
            return
        }
    }

    /// Renders, runs and checks one case.
    func verify(
        _ verificationCase: VerificationCase, generator: SnippetGenerator, relay: StandInRelay, workspace: URL,
        warm: WarmPythonPool?
    ) async -> VerificationResult {
        let catalog = generator.catalog
        var request = verificationCase.request
        request.key = verificationCase.key
        if verificationCase.imageOnRelay { request.image = relay.origin + StandInRelay.samplePNGPath }
        let key = verificationCase.key.value
        let code: String
        if let given = verificationCase.given {
            code = given.code
        } else {
            do {
                code = try generator.snippet(for: request).code
            } catch {
                return VerificationResult(
                    verificationCase: verificationCase, problems: ["cannot render: \(error)"], details: "")
            }
        }
        guard let definition = templates.language(request.language) else {
            return VerificationResult(
                verificationCase: verificationCase, problems: ["no language definition for \(request.language)"],
                details: "")
        }
        guard let recipe = templates.recipe(id: request.recipe) else {
            return VerificationResult(
                verificationCase: verificationCase, problems: ["no recipe \(request.recipe)"], details: "")
        }
        let folder = workspace.appendingPathComponent("case-\(verificationCase.index)")
        var problems: [String] = []
        var output = ProgramResult(status: -1, stdout: "", stderr: "", timedOut: false)
        var built = false
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // The recipe's image file beside the snippet, as a user would have it.
            if let image = recipe.image, !image.contains("://") {
                try StandInRelay.samplePNG.write(to: folder.appendingPathComponent(image))
            }
            if let failed = try await build(code, definition: definition, in: folder) {
                output = failed
            } else {
                built = true
                output = try await run(definition, in: folder, warm: warm)
            }
        } catch {
            problems.append("could not run: \(error)")
        }
        if output.timedOut { problems.append("still running after \(options.timeout); stopped") }
        if output.status != 0 { problems.append("exit status \(output.status)") }
        let requests = await relay.requests(carrying: key)
        switch definition.prints {
        case .reply:
            let expected = RequestChecks.expectedOutput(
                recipe, protocolID: verificationCase.protocolID, script: relay.script, requests: requests)
            if output.stdout != expected {
                problems.append("printed \(output.stdout.debugDescription); expected \(expected.debugDescription)")
            }
        case .response:
            let bodies = requests.map { String(decoding: $0.responseBody, as: UTF8.self) }.joined(separator: "\n")
            if output.stdout != bodies {
                problems.append(
                    "\(definition.name) did not print the responses as the relay sent them, one after the other on their own lines"
                )
            }
        }
        if output.status != -1 {
            let prompt = verificationCase.request.prompt ?? recipe.prompt ?? catalog.relay.defaultPrompt
            problems += RequestChecks(
                verificationCase: verificationCase, catalog: catalog, recipe: recipe, prompt: prompt
            ).problems(in: requests)
        }
        if built, options.failureModes, verificationCase.checksFailures {
            problems += await failureProblems(
                verificationCase, definition: definition, relay: relay, folder: folder, warm: warm)
        }
        let masked = verificationCase.key.masked
        var details = "--- snippet (key masked)\n" + code.replacingOccurrences(of: key, with: masked)
        details += "--- requests that carried the key\n"
        details += requests.isEmpty ? "(none)\n" : requests.map { $0.described(masking: key) }.joined()
        details += "--- output (exit \(output.status))\n" + output.stdout.replacingOccurrences(of: key, with: masked)
        if !output.stderr.isEmpty {
            details += "\n--- stderr\n" + String(output.stderr.suffix(3000)).replacingOccurrences(of: key, with: masked)
        }
        return VerificationResult(verificationCase: verificationCase, problems: problems, details: details)
    }

    /// The environment snippets run in: the user's, without any provider settings (`OPENAI_*`,
    /// `ANTHROPIC_*` with `ANTHROPIC_VERTEX_*`, `GOOGLE_*`, `GEMINI_*`, `CLOUD_ML_*`) or proxies, and
    /// with Google's metadata server pointed at a closed loopback port, so a snippet that reaches
    /// for Google credentials fails fast instead of probing the network.
    func environment(for definition: LanguageDefinition, folder: URL, preparing: Bool = false) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { name, _ in
            !["OPENAI_", "ANTHROPIC_", "GOOGLE_", "GEMINI_", "CLOUD_ML_"].contains { name.hasPrefix($0) }
                && !["http_proxy", "https_proxy", "all_proxy"].contains(name.lowercased())
        }
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        environment["no_proxy"] = "127.0.0.1,localhost"
        environment["GCE_METADATA_HOST"] = "127.0.0.1:9"
        environment["GCE_METADATA_IP"] = "127.0.0.1:9"
        environment["NO_GCE_CHECK"] = "True"
        let shared = sharedFolder(of: definition)
        for (name, value) in definition.environment.merging(
            preparing ? definition.prepare : [:], uniquingKeysWith: { $1 })
        {
            environment[name] = value.replacingOccurrences(of: "{folder}", with: folder.path)
                .replacingOccurrences(of: "{shared}", with: shared.path)
        }
        return environment
    }

    /// Writes a snippet to `folder` as its language's file and builds it if the language has
    /// build commands; returns the failed build's result, or nil when it is ready to run.
    func build(_ code: String, definition: LanguageDefinition, in folder: URL) async throws -> ProgramResult? {
        try Data(code.utf8).write(to: folder.appendingPathComponent(definition.file))
        for command in definition.build.map({ filled($0) }) {
            let built = try await ProgramRunner.run(
                command[0], Array(command.dropFirst()), directory: folder,
                environment: environment(for: definition, folder: folder), timeout: options.timeout)
            guard built.status == 0 else {
                return ProgramResult(
                    status: built.status, stdout: "", stderr: "\(command[0]) failed:\n" + built.stderr,
                    timedOut: built.timedOut)
            }
        }
        return nil
    }

    /// Runs a built snippet the way a user would (Python: forked from a warm interpreter that has
    /// imported the SDKs, see ``WarmPython``).
    func run(_ definition: LanguageDefinition, in folder: URL, warm: WarmPythonPool?, preparing: Bool = false)
        async throws -> ProgramResult
    {
        let run = filled(definition.run)
        if let warm, !definition.preload.isEmpty {
            let server = try await warm.take(python: run[0])
            let result = try await server.run(
                file: definition.file, in: folder, environment: environment(for: definition, folder: folder),
                timeout: options.timeout)
            await warm.give(server, python: run[0])
            return result
        }
        let executable =
            run[0].hasPrefix("./") ? folder.appendingPathComponent(String(run[0].dropFirst(2))).path : run[0]
        return try await ProgramRunner.run(
            executable, Array(run.dropFirst()), directory: folder,
            environment: environment(for: definition, folder: folder, preparing: preparing), timeout: options.timeout)
    }

    /// Runs a built snippet once for each way the relay can fail, and says where the snippet did
    /// not fail loudly: exit non-zero and show the status and the error's message (or, for a
    /// stream answered with plain JSON, say that no event stream came).
    func failureProblems(
        _ verificationCase: VerificationCase, definition: LanguageDefinition, relay: StandInRelay, folder: URL,
        warm: WarmPythonPool?
    ) async -> [String] {
        var modes: [StandInRelay.Mode] = [.unauthorized, .notFound, .serverError]
        if verificationCase.request.stream { modes.append(.jsonToStream) }
        let key = verificationCase.key.value
        var problems: [String] = []
        for mode in modes {
            let before = await relay.requests(carrying: key).count
            await relay.allow(key: key, mode: mode)
            guard let result = try? await run(definition, in: folder, warm: warm) else {
                problems.append("\(mode.rawValue): could not run")
                continue
            }
            let output = result.stdout + result.stderr
            let answers = await relay.requests(carrying: key).dropFirst(before)
            guard let answer = answers.first else {
                problems.append("\(mode.rawValue): no request reached the relay")
                continue
            }
            if result.status == 0 {
                problems.append(
                    "\(mode.rawValue): exit status 0 after the relay answered \(answer.status); expected a failure")
            }
            if mode == .jsonToStream {
                if !output.contains("event stream") {
                    problems.append(
                        "\(mode.rawValue): did not say that no event stream came (output: \(output.suffix(300).debugDescription))"
                    )
                }
                continue
            }
            let message = Self.errorMessage(in: answer.responseBody) ?? ""
            if !output.contains(String(answer.status)) || !output.contains(message) {
                problems.append(
                    "\(mode.rawValue): the output does not show the status \(answer.status) and the message \(message.debugDescription) (output: \(output.suffix(300).debugDescription))"
                )
            }
        }
        await relay.allow(key: key, mode: .normal)
        return problems
    }

    /// The `message` of an error body in any of the APIs' shapes.
    static func errorMessage(in body: Data) -> String? {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let error = object["error"] as? [String: Any]
        else { return nil }
        return error["message"] as? String
    }
}

/// Code made elsewhere for a request, with the key it carries: what ``Verifier/Options/givenSnippets`` runs.
public struct GivenSnippet: Sendable {
    /// What the code was made for (its model, language, protocol, recipe, options and prompt).
    public var request: SnippetRequest
    public var key: APIKey
    public var code: String

    public init(request: SnippetRequest, key: APIKey, code: String) {
        self.request = request
        self.key = key
        self.code = code
    }
}

/// The outcome of one case.
public struct VerificationResult: Sendable {
    public var verificationCase: VerificationCase
    /// What was wrong; empty when the case passed.
    public var problems: [String]
    /// The snippet, the requests that arrived and the output, with the key masked.
    public var details: String

    public var passed: Bool { problems.isEmpty }

    /// `PASS python openai-chat gpt-4o plain` or `FAIL …: why`.
    public var line: String {
        passed ? "PASS \(verificationCase)" : "FAIL \(verificationCase): \(problems.joined(separator: "; "))"
    }
}

/// The outcome of a run.
public struct VerificationReport: Sendable {
    public var results: [VerificationResult]
    /// The versions of the interpreters, SDKs and compilers that ran.
    public var toolVersions: [String]
    /// How many snippets did not run because each is the program of one that ran but for the
    /// model's id (see ``Verifier/plan``).
    public var alike = 0

    public var passedCount: Int { results.filter(\.passed).count }
    public var failedCount: Int { results.count - passedCount }

    /// `N passed, M failed`
    public var summary: String { "\(passedCount) passed, \(failedCount) failed" }
}

/// Programs or SDKs a run needs but does not have.
public struct MissingTools: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}
