import Foundation
import PropertyBased
import RelayCatalog
import RelaySnippets
import RelayVerify
import Testing

/// The escapers of client set-ups (TOML, JSON files, dotenv values, export lines, deep links),
/// each checked over arbitrary strings by the real parser of its format in one run per batch.
@Suite("Client set-up escapers, over arbitrary strings")
struct ClientEscaperPropertyTests {
    /// The brief's hostile key: quotes, `$(…)`, backticks and a backslash-n.
    static let hostileKey = "sk-'\"$(id)`x`\\n"

    func generate(excludingNUL: Bool = false) async -> [String] {
        let batch = EscaperPropertyTests.Batch()
        await propertyCheck(count: EscaperPropertyTests.count, input: hostileStrings) { text in
            batch.inputs.append(text)
        }
        let all =
            batch.inputs + hostilePieces + [
                hostilePieces.joined(), Fixtures.hostilePrompt, Fixtures.hostileKey, Self.hostileKey, "",
            ]
        return excludingNUL
            ? all.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0 != "\0" })) } : all
    }

    /// A Python interpreter that has python-dotenv: `RELAYDOCS_PYTHON` (`make test` gives `.venv`'s,
    /// which has it), else one of the client virtual environments that pin it.
    static func dotenvPython() -> String {
        var candidates: [String] = []
        if let python = ProcessInfo.processInfo.environment["RELAYDOCS_PYTHON"] { candidates.append(python) }
        let root = Fixtures.packageRoot.path
        candidates += [
            "\(root)/.venv/bin/python", "\(root)/.venv-clients/gemini-cli/bin/python",
            "\(root)/.venv-clients/openai-env/bin/python",
        ]
        for python in candidates where FileManager.default.isExecutableFile(atPath: python) {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: python)
            check.arguments = ["-c", "import dotenv"]
            check.standardError = FileHandle.nullDevice
            if (try? check.run()) != nil {
                check.waitUntilExit()
                if check.terminationStatus == 0 { return python }
            }
        }
        return candidates.first ?? "python3"
    }

    /// Runs a Python script over a file and returns its lines.
    static func python(_ script: String, file: URL, in folder: TemporaryFolder, interpreter: String = "python3")
        async throws -> (lines: [String], result: ProgramResult)
    {
        let path = try folder.write(script, to: "read.py")
        let result = try await ProgramRunner.run(interpreter, [path.path, file.path])
        return (EscaperPropertyTests.lines(result.stdout), result)
    }

    @Test("a TOML basic string and a TOML key read back the same with tomllib (one python3 run)")
    func tomlStrings() async throws {
        let inputs = await generate()
        let folder = try TemporaryFolder()
        var document = ""
        for (index, input) in inputs.enumerated() {
            let literal = TOMLLiteral.string(input)
            #expect(!literal.contains("\n") && !literal.contains("\r"), "a basic string stays on one line")
            document += "v\(index) = \(literal)\n"
        }
        for (index, input) in inputs.enumerated() where !input.isEmpty {
            document += "[k\(index)]\n\(TOMLLiteral.key(input)) = 1\n"
        }
        let file = try folder.write(document, to: "config.toml")
        let (lines, result) = try await Self.python(
            """
            import sys, tomllib
            data = tomllib.load(open(sys.argv[1], "rb"))
            count = sum(1 for name in data if name.startswith("v"))
            for index in range(count):
                print(data["v%d" % index].encode("utf-8", "surrogatepass").hex())
            for name, table in data.items():
                if name.startswith("k"):
                    print(name, list(table)[0].encode("utf-8", "surrogatepass").hex())
            """, file: file, in: folder)
        #expect(result.status == 0, "\(result.stderr.suffix(1500))")
        let keys = inputs.enumerated().filter { !$0.element.isEmpty }.map {
            "k\($0.offset) \(EscaperPropertyTests.hex($0.element))"
        }
        #expect(lines == inputs.map(EscaperPropertyTests.hex) + keys)
        #expect(TOMLLiteral.key("closeai") == "closeai")
        #expect(TOMLLiteral.key("close ai") == "\"close ai\"")
    }

    @Test("a JSON string in a file reads back the same with Python's json (one python3 run)")
    func jsonFiles() async throws {
        let inputs = await generate()
        let folder = try TemporaryFolder()
        let escaper = try #require(Escapers.all["jsonString"])
        let file = try folder.write(
            "{\n"
                + inputs.enumerated().map { "  \"v\($0.offset)\": \(escaper.apply($0.element))" }.joined(
                    separator: ",\n")
                + "\n}\n", to: "settings.json")
        let (lines, result) = try await Self.python(
            """
            import json, sys
            data = json.load(open(sys.argv[1], encoding="utf-8"))
            for index in range(len(data)):
                print(data["v%d" % index].encode("utf-8", "surrogatepass").hex())
            """, file: file, in: folder)
        #expect(result.status == 0, "\(result.stderr.suffix(1500))")
        #expect(lines == inputs.map(EscaperPropertyTests.hex))
    }

    @Test("a dotenv value reads back the same with python-dotenv (one run), keys of visible ASCII bare")
    func dotenvValues() async throws {
        let inputs = await generate()
        let folder = try TemporaryFolder()
        let file = try folder.write(
            inputs.enumerated().map { "V\($0.offset)=\(DotenvValue.value($0.element))\n" }.joined(), to: ".env")
        let (lines, result) = try await Self.python(
            """
            import sys
            from dotenv import dotenv_values
            data = dotenv_values(sys.argv[1], interpolate=False)
            for index in range(len(data)):
                print(data["V%d" % index].encode("utf-8", "surrogatepass").hex())
            """, file: file, in: folder, interpreter: Self.dotenvPython())
        #expect(result.status == 0, "python-dotenv must be installed (make venv): \(result.stderr.suffix(1500))")
        #expect(lines == inputs.map(EscaperPropertyTests.hex))
        // Node's dotenv (Gemini CLI's) keeps a bare value as it is up to a #: the hostile key is bare.
        #expect(DotenvValue.value(Self.hostileKey) == Self.hostileKey)
        #expect(DotenvValue.value("sk-a#b") == "\"sk-a#b\"")
        #expect(DotenvValue.value("'quoted'") == "\"'quoted'\"")
    }

    @Test("an export line sets the variable to the same bytes in bash (one run)")
    func exportLines() async throws {
        let inputs = await generate(excludingNUL: true)  // no environment variable can carry a NUL byte
        let folder = try TemporaryFolder()
        var script = ""
        for (index, input) in inputs.enumerated() {
            script += "export RELAYDOCS_V\(index)=\(ShellQuoting.word(input))\n"
        }
        script +=
            "exec python3 -c 'import os, sys\nfor i in range(int(sys.argv[1])): print(os.environb[b\"RELAYDOCS_V%d\" % i].hex())' \(inputs.count)\n"
        let file = try folder.write(script, to: "export.sh")
        let result = try await ProgramRunner.run("bash", [file.path])
        #expect(result.status == 0, "\(result.stderr.suffix(1500))")
        #expect(EscaperPropertyTests.lines(result.stdout) == inputs.map(EscaperPropertyTests.hex))
    }

    @Test("a deep link's data (base64 in a URL component) decodes back the same (one python3 run)")
    func deepLinks() async throws {
        let inputs = await generate()
        let folder = try TemporaryFolder()
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%")
        var links = ""
        for input in inputs {
            let component = URLComponent.encoded(input)
            #expect(component.allSatisfy(unreserved.contains), "\(component)")
            links +=
                "app://import?v=1&data=\(URLComponent.encoded(URLComponent.base64(input)))&text=\(component)\n"
        }
        let file = try folder.write(links, to: "links.txt")
        let (lines, result) = try await Self.python(
            """
            import base64, sys, urllib.parse
            for line in open(sys.argv[1], encoding="ascii").read().split("\\n")[:-1]:
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(line).query, keep_blank_values=True, strict_parsing=True)
                data = base64.b64decode(query["data"][0], validate=True)
                text = query["text"][0].encode("utf-8", "surrogatepass")
                assert data == text, line
                print(data.hex())
            """, file: file, in: folder)
        #expect(result.status == 0, "\(result.stderr.suffix(1500))")
        #expect(lines == inputs.map(EscaperPropertyTests.hex))
    }
}
