import Foundation
import RelayCatalog
import RelaySnippets
import StandInRelay

/// One client set-up to verify: a client, the protocol it is set up through and the model.
public struct SetupCase: Sendable, CustomStringConvertible {
    /// The position in the run, which also makes the key unique.
    public var index: Int
    public var client: ClientDefinition
    public var protocolID: String
    public var model: String

    /// Creates a case.
    public init(index: Int, client: ClientDefinition, protocolID: String, model: String) {
        self.index = index
        self.client = client
        self.protocolID = protocolID
        self.model = model
    }

    /// `setup claude-code anthropic-messages claude-sonnet-4-20250514`
    public var description: String { "setup \(client.id) \(protocolID) \(model)" }

    /// A key no other case uses, with quotes, `$(…)`, backticks and a backslash (the brief's
    /// hostile key `sk-'"$(id)`x`\n`, made unique).
    public var key: APIKey { try! APIKey("sk-verify-setup-\(index)-'\"$(id)`x`\\n") }

    /// Every set-up the templates have: each client through each protocol it speaks that the
    /// catalog has, with the first model served natively through it (else any that accepts it).
    public static func all(generator: SnippetGenerator, clients: [String]? = nil) -> [SetupCase] {
        var cases: [SetupCase] = []
        for client in generator.clients where clients?.contains(client.id) ?? true {
            for protocolID in client.protocolIDs where generator.catalog.wireProtocol(id: protocolID) != nil {
                let models = generator.catalog.models
                guard
                    let model = models.first(where: { $0.protocolIDs.first == protocolID })
                        ?? models.first(where: { $0.protocolIDs.contains(protocolID) })
                else { continue }
                cases.append(SetupCase(index: cases.count, client: client, protocolID: protocolID, model: model.id))
            }
        }
        return cases
    }
}

/// The outcome of one set-up.
public struct SetupResult: Sendable {
    public var setupCase: SetupCase
    /// What was wrong; empty when the set-up passed.
    public var problems: [String]
    /// The files, the requests that arrived and the output, with the key masked.
    public var details: String

    public var passed: Bool { problems.isEmpty }

    /// `PASS setup codex-cli openai-responses gpt-5.1` or `FAIL …: why`.
    public var line: String {
        passed ? "PASS \(setupCase)" : "FAIL \(setupCase): \(problems.joined(separator: "; "))"
    }
}

/// Verifies client set-ups against a ``StandInRelay``: renders each with a hostile key, writes
/// its files into a scratch home and project folder, parses every file with the real parser of
/// its format (`json`, `tomllib`, python-dotenv, Python's `ast`, `bash -n`) and finds the key in
/// it byte for byte, then runs the commands that set the environment (`export` lines) in bash and
/// the client as its `client.yaml` says: the framework's or SDK's program with the real packages
/// in the client's virtual environment, or, for agents and apps that cannot run here, the
/// client's replay script, which reads the files as the tool does and sends the tool's requests.
/// Each request that arrives must be the one the set-up says the client makes (method, path and
/// query), with the key byte for byte in its header, the model and the prompt, and answered 200;
/// the program must print the reply.
public struct SetupVerifier: Sendable {
    /// How to run the set-ups.
    public struct Options: Sendable {
        /// The clients to run; nil runs every client.
        public var clients: [String]?
        /// Where each client's virtual environment is: `<venvs>/<client id>` (made by
        /// `make client-venvs` from the client's `requirements.txt`).
        public var venvs: String
        /// The interpreter for clients without a `requirements.txt`.
        public var python: String
        /// The prompt the programs send.
        public var prompt: String
        public var timeout: Duration
        public var jobs: Int
        /// The stand-in relay's loopback port; 0 takes a free one.
        public var port = 0

        /// Options with the defaults: every client, `.venv-clients`, `python3`.
        public init(
            clients: [String]? = nil, venvs: String = ".venv-clients", python: String = "python3",
            prompt: String = Verifier.hostilePrompt, timeout: Duration = .seconds(120),
            jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        ) {
            self.clients = clients
            self.venvs = venvs
            self.python = python
            self.prompt = prompt
            self.timeout = timeout
            self.jobs = max(1, jobs)
        }
    }

    public let catalog: Catalog
    public let templates: SnippetTemplates
    public let options: Options

    /// Creates a verifier.
    public init(catalog: Catalog, templates: SnippetTemplates, options: Options = Options()) {
        self.catalog = catalog
        self.templates = templates
        self.options = options
    }

    /// The cases a run covers.
    public var cases: [SetupCase] {
        SetupCase.all(generator: SnippetGenerator(catalog: catalog, templates: templates), clients: options.clients)
    }

    /// The interpreter a client runs with: its virtual environment's when it has a
    /// `requirements.txt` (which the environment must have been made from), else ``Options/python``.
    func python(for client: ClientDefinition) -> (path: String?, problem: String?) {
        guard let requirements = templates.clientFiles[client.id]?["requirements.txt"] else {
            return (options.python, nil)
        }
        let folder = URL(fileURLWithPath: options.venvs).appendingPathComponent(client.id)
        let python = folder.appendingPathComponent("bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return (
                nil,
                "no virtual environment at \(folder.path): run `make client-venvs` (python3 -m venv and pip install -r templates/clients/\(client.id)/requirements.txt)"
            )
        }
        let installed = try? String(contentsOf: folder.appendingPathComponent(".requirements"), encoding: .utf8)
        guard installed == requirements else {
            return (
                nil,
                "\(folder.path) was not made from the current templates/clients/\(client.id)/requirements.txt: run `make client-venvs`"
            )
        }
        return (python, nil)
    }

    /// The pinned packages of every client that has them, one line each (`langchain: langchain-openai==1.7.4 …`).
    public var pins: [String] {
        cases.map(\.client).reduce(into: [ClientDefinition]()) { seen, client in
            if !seen.contains(where: { $0.id == client.id }) { seen.append(client) }
        }.compactMap { client in
            guard let requirements = templates.clientFiles[client.id]?["requirements.txt"] else { return nil }
            let lines = requirements.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            return "\(client.id): " + lines.joined(separator: " ")
        }
    }

    /// Runs every case against a fresh stand-in relay.
    public func run(progress: @escaping @Sendable (SetupResult) -> Void = { _ in }) async throws -> [SetupResult] {
        let relay = try await StandInRelay.start(catalog: catalog, port: options.port)
        let local = catalog.replacingOrigin(with: try RelayOrigin(relay.origin))
        let generator = SnippetGenerator(catalog: local, templates: templates)
        let cases = self.cases
        for setupCase in cases { await relay.allow(key: setupCase.key.value) }
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
            "relaydocs-setups-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        var results: [SetupResult] = []
        await withTaskGroup(of: SetupResult.self) { group in
            var pending = cases[...]
            func startNext() {
                guard let next = pending.popFirst() else { return }
                group.addTask { await self.verify(next, generator: generator, relay: relay, workspace: workspace) }
            }
            for _ in 0..<options.jobs { startNext() }
            while let result = await group.next() {
                progress(result)
                results.append(result)
                startNext()
            }
        }
        await relay.stop()
        return results.sorted { $0.setupCase.index < $1.setupCase.index }
    }

    /// Renders, writes, parses, runs and checks one set-up.
    func verify(_ setupCase: SetupCase, generator: SnippetGenerator, relay: StandInRelay, workspace: URL) async
        -> SetupResult
    {
        let key = setupCase.key.value
        let masked = setupCase.key.masked
        let setup: Setup
        do {
            setup = try generator.setup(
                for: SetupRequest(
                    client: setupCase.client.id, model: setupCase.model, key: setupCase.key, prompt: options.prompt))
        } catch {
            return SetupResult(setupCase: setupCase, problems: ["cannot render: \(error)"], details: "")
        }
        var problems: [String] = []
        if setup.protocol != setupCase.protocolID {
            problems.append("set up through \(setup.protocol); expected \(setupCase.protocolID)")
        }
        let folder = workspace.appendingPathComponent("setup-\(setupCase.index)")
        let home = folder.appendingPathComponent("home")
        let project = folder.appendingPathComponent("project")
        var details = ""
        for file in setup.files {
            details +=
                "--- \(file.path) (\(file.language))\n" + file.content.replacingOccurrences(of: key, with: masked)
        }
        for command in setup.commands { details += "$ " + command.replacingOccurrences(of: key, with: masked) + "\n" }
        for setting in setup.settings {
            details += "\(setting.name): " + setting.value.replacingOccurrences(of: key, with: masked) + "\n"
        }
        let (python, pythonProblem) = self.python(for: setupCase.client)
        guard let python else {
            return SetupResult(setupCase: setupCase, problems: [pythonProblem ?? "no Python"], details: details)
        }
        var output = ProgramResult(status: -1, stdout: "", stderr: "", timedOut: false)
        do {
            for place in [home, project] {
                try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
            }
            var written: [(path: String, format: String)] = []
            for file in setup.files {
                let url =
                    file.path.hasPrefix("~/")
                    ? home.appendingPathComponent(String(file.path.dropFirst(2)))
                    : project.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.content.utf8).write(to: url)
                written.append((url.path, file.language))
            }
            // What a person types into an app, for the replay scripts: setting name to value.
            let settings = Dictionary(setup.settings.map { ($0.name, $0.value) }) { first, _ in first }
            try JSONSerialization.data(withJSONObject: settings, options: [.sortedKeys]).write(
                to: project.appendingPathComponent("setup.json"))
            for name in setupCase.client.verify?.support ?? [] {
                guard let text = templates.clientFiles[setupCase.client.id]?[name] else {
                    problems.append("the client's folder has no \(name) (verify: support)")
                    continue
                }
                try Data(text.utf8).write(to: project.appendingPathComponent(name))
            }
            problems += try await parseProblems(written, key: key, python: python, in: folder)
            if let run = setupCase.client.verify?.run {
                let runsInVerify = generator.commandsRunInVerify(client: setupCase.client, protocolID: setup.protocol)
                var script = "set -e\n"
                for (command, runs) in zip(setup.commands, runsInVerify) where runs { script += command + "\n" }
                script += "exec \"$@\"\n"
                try Data(script.utf8).write(to: folder.appendingPathComponent("environment.sh"))
                let words = run.map { $0.replacingOccurrences(of: "{python}", with: python) }
                output = try await ProgramRunner.run(
                    "bash", [folder.appendingPathComponent("environment.sh").path] + words, directory: project,
                    environment: environment(home: home, model: setup.model), timeout: options.timeout)
            }
        } catch {
            problems.append("could not run: \(error)")
        }
        let requests = await relay.requests(carrying: key)
        if setupCase.client.verify != nil {
            if output.timedOut { problems.append("still running after \(options.timeout); stopped") }
            if output.status != 0 { problems.append("exit status \(output.status)") }
            let expected = relay.script.text + "\n"
            if output.stdout != expected {
                problems.append("printed \(output.stdout.debugDescription); expected \(expected.debugDescription)")
            }
            problems += requestProblems(requests, setup: setup, key: key, catalog: generator.catalog)
        }
        details += "--- requests that carried the key\n"
        details += requests.isEmpty ? "(none)\n" : requests.map { $0.described(masking: key) }.joined()
        details += "--- output (exit \(output.status))\n" + output.stdout.replacingOccurrences(of: key, with: masked)
        if !output.stderr.isEmpty {
            details += "\n--- stderr\n" + String(output.stderr.suffix(3000)).replacingOccurrences(of: key, with: masked)
        }
        return SetupResult(setupCase: setupCase, problems: problems, details: details)
    }

    /// The environment set-ups run in: the user's without any provider settings or proxies (as
    /// for snippets), with the scratch home, and the prompt and model a person would type into an
    /// agent or app (`RELAYDOCS_PROMPT`, `RELAYDOCS_MODEL`, which only replay scripts read).
    func environment(home: URL, model: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { name, _ in
            !["OPENAI_", "ANTHROPIC_", "GOOGLE_", "GEMINI_", "CLOUD_ML_", "LITELLM_", "RELAY_"].contains {
                name.hasPrefix($0)
            } && !["http_proxy", "https_proxy", "all_proxy"].contains(name.lowercased())
        }
        environment["HOME"] = home.path
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        environment["no_proxy"] = "127.0.0.1,localhost"
        environment["GCE_METADATA_HOST"] = "127.0.0.1:9"
        environment["GCE_METADATA_IP"] = "127.0.0.1:9"
        environment["NO_GCE_CHECK"] = "True"
        environment["RELAYDOCS_PROMPT"] = options.prompt
        environment["RELAYDOCS_MODEL"] = model
        return environment
    }

    /// Parses every written file with its format's real parser and looks for the key in it.
    func parseProblems(_ files: [(path: String, format: String)], key: String, python: String, in folder: URL)
        async throws -> [String]
    {
        guard !files.isEmpty else { return [] }
        let job: [String: Any] = ["key": key, "files": files.map { ["path": $0.path, "format": $0.format] }]
        let input = String(decoding: try JSONSerialization.data(withJSONObject: job), as: UTF8.self)
        let result = try await ProgramRunner.run(
            python, ["-c", Self.parseScript], directory: folder, stdin: input, timeout: options.timeout)
        guard result.status == 0 else {
            return [
                "the file parser did not run (exit \(result.status)): \(result.stderr.suffix(500).replacingOccurrences(of: key, with: "<key>"))"
            ]
        }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// The problems with the requests that carried the key.
    func requestProblems(_ requests: [RecordedRequest], setup: Setup, key: String, catalog: Catalog) -> [String] {
        guard !requests.isEmpty else { return ["no request reached the relay with this set-up's key"] }
        var problems: [String] = []
        if requests.count != setup.requests.count {
            problems.append("\(requests.count) requests arrived; expected \(setup.requests.count)")
        }
        let shapes = setupShapes(setup)
        let dialect = Dialect(protocolID: setup.protocol)
        let model = catalog.wireProtocol(id: setup.protocol).map { catalog.modelID(setup.model, on: $0) } ?? setup.model
        for (index, (request, expected)) in zip(requests, zip(setup.requests, shapes)).enumerated() {
            let label = requests.count > 1 ? "request \(index + 1): " : ""
            var found: [String] = []
            let components = URLComponents(string: expected.0.url)
            let path = components?.percentEncodedPath ?? expected.0.url
            if request.method != expected.0.method || request.path != path {
                found.append("\(request.method) \(request.path); expected \(expected.0.method) \(path)")
            }
            for item in components?.queryItems ?? [] where request.queryValue(item.name) != item.value {
                found.append("no \(item.name)=\(item.value ?? "") in the query")
            }
            if request.status != 200 {
                let message = Verifier.errorMessage(in: request.responseBody).map { ": \($0)" } ?? ""
                found.append("the relay answered \(request.status)\(message)")
            }
            if let header = expected.1?.keyHeader {
                let value = request.header(header)
                let wanted = header == "authorization" ? "Bearer " + key : key
                if value != wanted { found.append("the key did not arrive intact in \(header)") }
            } else if dialect.key(in: request) != key {
                found.append("the key did not arrive intact in \(dialect.keyPlace)")
            }
            if let body = request.jsonBody {
                if dialect.modelInBody, body["model"] as? String != model {
                    found.append("model \(String(describing: body["model"] ?? "none")); expected \(model)")
                }
                let prompts = dialect.userTexts(in: body)
                if prompts != [options.prompt] {
                    found.append(
                        "the prompt did not arrive intact: got \(prompts.map(\.debugDescription)), expected \(options.prompt.debugDescription)"
                    )
                }
                if dialect.streamInBody, let shape = expected.1, (body["stream"] as? Bool ?? false) != shape.stream {
                    found.append("stream is \(body["stream"] as? Bool ?? false); expected \(shape.stream)")
                }
            } else if request.method == "POST" {
                found.append("the body is not a JSON object")
            }
            problems += found.map { label + $0 }
        }
        return problems
    }

    /// The request shapes of the client's set-up through the setup's protocol, beside its requests.
    func setupShapes(_ setup: Setup) -> [ClientDefinition.RequestShape?] {
        let shapes = templates.client(id: setup.client)?.setup(for: setup.protocol)?.requests ?? []
        return setup.requests.indices.map { $0 < shapes.count ? shapes[$0] : nil }
    }

    /// Reads `{"key", "files": [{"path", "format"}]}` on standard input, parses each file with its
    /// format's parser and prints one line per problem: a file that does not parse, or a file
    /// whose values do not hold the key byte for byte. Python programs must hold it as a string
    /// constant; shell files must pass `bash -n`.
    static let parseScript = #"""
        import ast, json, subprocess, sys, tomllib
        job = json.load(sys.stdin)
        key = job["key"]

        def strings(value):
            if isinstance(value, str):
                yield value
            elif isinstance(value, dict):
                for k, v in value.items():
                    yield from strings(k)
                    yield from strings(v)
            elif isinstance(value, list):
                for item in value:
                    yield from strings(item)

        for file in job["files"]:
            path, kind = file["path"], file["format"]
            name = path.split("/home/", 1)[-1].split("/project/", 1)[-1]
            try:
                if kind == "json":
                    with open(path, encoding="utf-8") as f:
                        found = list(strings(json.load(f)))
                elif kind == "toml":
                    with open(path, "rb") as f:
                        found = list(strings(tomllib.load(f)))
                elif kind == "dotenv":
                    from dotenv import dotenv_values
                    found = list(strings(dict(dotenv_values(path, interpolate=False))))
                elif kind == "python":
                    with open(path, encoding="utf-8") as f:
                        tree = ast.parse(f.read(), path)
                    found = [node.value for node in ast.walk(tree)
                             if isinstance(node, ast.Constant) and isinstance(node.value, str)]
                elif kind == "shell":
                    checked = subprocess.run(["bash", "-n", path], capture_output=True, text=True)
                    if checked.returncode != 0:
                        print("%s: bash -n failed: %s" % (name, checked.stderr.strip().replace(key, "<key>")))
                    continue
                else:
                    continue
            except Exception as error:
                print("%s does not parse as %s: %s" % (name, kind, str(error).replace(key, "<key>")))
                continue
            # Where the file holds the key at all, the parser must read it back byte for byte.
            with open(path, encoding="utf-8") as f:
                holds = key.split("'")[0] in f.read()
            if holds and key not in found:
                print("%s (%s) holds the key, but its parser does not read it back byte for byte" % (name, kind))
        """#
}
