import Foundation
import RelayCatalog
import RelaySnippets
import RelayVerify
import Testing

/// Every snippet of the matrix, written with a hostile key and prompt, must still be valid code
/// in its language, and the values must come out of the code unchanged.
@Suite("Snippets are valid code", .serialized)
struct SnippetSyntaxTests {
    static let key = try! APIKey(Fixtures.hostileKey)

    static func write(language: Language) throws -> (TemporaryFolder, [(Fixtures.Entry, URL)]) {
        let folder = try TemporaryFolder()
        var files: [(Fixtures.Entry, URL)] = []
        for entry in Fixtures.matrix(key: key, prompt: Fixtures.hostilePrompt) where entry.request.language == language
        {
            let code = try Fixtures.generator.snippet(for: entry.request).code
            let name = entry.name.replacingOccurrences(of: "/", with: "_")
            // Each snippet is a program of its own: a folder each, with the language's file name
            // (main.swift, Main.java: javac wants a public class in the file of its name).
            let file = Fixtures.templates.language(language)?.file ?? "main.\(entry.fileExtension)"
            files.append((entry, try folder.write(code, to: "\(name)/\(file)")))
        }
        return (folder, files)
    }

    @Test("Python compiles, and the key and prompt are string constants of the program")
    func pythonCompiles() async throws {
        let (folder, files) = try Self.write(language: .python)
        #expect(files.count >= 12)
        let expected = try JSONSerialization.data(withJSONObject: [Fixtures.hostileKey, Fixtures.hostilePrompt])
        let checker = try folder.write(
            """
            import ast, json, py_compile, sys
            key, prompt = json.loads(open(sys.argv[1], encoding="utf-8").read())
            for path in sys.argv[2:]:
                py_compile.compile(path, doraise=True)
                tree = ast.parse(open(path, encoding="utf-8").read())
                constants = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
                if key not in constants or prompt not in constants:
                    print("value changed in", path)
            print("checked", len(sys.argv) - 2)
            """, to: "check.py")
        let values = folder.url.appendingPathComponent("values.json")
        try expected.write(to: values)
        let result = try await ProgramRunner.run("python3", [checker.path, values.path] + files.map(\.1.path))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "checked \(files.count)\n", "\(result.stdout)")
    }

    @Test("curl passes bash -n")
    func curlParses() async throws {
        let (folder, files) = try Self.write(language: .curl)
        defer { withExtendedLifetime(folder) {} }
        #expect(files.count >= 12)
        for (entry, file) in files {
            let result = try await ProgramRunner.run("bash", ["-n", file.path])
            #expect(result.status == 0, "\(entry): \(result.stderr)")
        }
    }

    /// Runs `command` (its last word the file) on each file, one per core at a time; returns what
    /// failed or warned.
    static func failures(_ files: [(Fixtures.Entry, URL)], _ command: @escaping @Sendable (URL) -> [String])
        async throws -> [String]
    {
        try await withThrowingTaskGroup(of: String?.self) { group in
            var failures: [String] = []
            var pending = files[...]
            func next() {
                guard let (entry, file) = pending.popFirst() else { return }
                group.addTask {
                    let words = command(file)
                    let result = try await ProgramRunner.run(
                        words[0], Array(words.dropFirst()), directory: file.deletingLastPathComponent())
                    let output = result.stderr + result.stdout
                    return result.status == 0 && output.isEmpty ? nil : "\(entry): \(output)"
                }
            }
            for _ in 0..<max(2, ProcessInfo.processInfo.activeProcessorCount) { next() }
            while let failure = try await group.next() {
                if let failure { failures.append(failure) }
                next()
            }
            return failures
        }
    }

    static func summary(_ failures: [String]) -> Comment {
        "\(failures.count) failed; first: \(failures.first.map { String($0.prefix(1500)) } ?? "")"
    }

    @Test("Swift type-checks in Swift 6 language mode")
    func swiftTypeChecks() async throws {
        let (folder, files) = try Self.write(language: .swift)
        defer { withExtendedLifetime(folder) {} }
        #expect(files.count >= 12)
        let failures = try await Self.failures(files) { ["swiftc", "-typecheck", "-swift-version", "6", $0.path] }
        #expect(failures.isEmpty, Self.summary(failures))
    }

    @Test("JavaScript passes node --check as an ES module")
    func javaScriptParses() async throws {
        let (folder, files) = try Self.write(language: "javascript")
        defer { withExtendedLifetime(folder) {} }
        #expect(files.count >= 12)
        let failures = try await Self.failures(files) { ["node", "--check", $0.path] }
        #expect(failures.isEmpty, Self.summary(failures))
    }

    @Test("Go is gofmt-formatted and passes go vet")
    func goVets() async throws {
        let (folder, files) = try Self.write(language: "go")
        defer { withExtendedLifetime(folder) {} }
        #expect(files.count >= 12)
        let unformatted = try await ProgramRunner.run("gofmt", ["-l"] + files.map(\.1.path))
        #expect(
            unformatted.status == 0 && unformatted.stdout.isEmpty,
            "not gofmt-formatted:\n\(unformatted.stdout)\(unformatted.stderr)")
        let failures = try await Self.failures(files) { ["go", "vet", $0.path] }
        #expect(failures.isEmpty, Self.summary(failures))
    }

    @Test("Java compiles with javac -Xlint:all -Werror")
    func javaCompiles() async throws {
        let (folder, files) = try Self.write(language: "java")
        defer { withExtendedLifetime(folder) {} }
        #expect(files.count >= 12)
        let failures = try await Self.failures(files) {
            [
                "javac", "-encoding", "UTF-8", "-Xlint:all", "-Werror", "-d", $0.deletingLastPathComponent().path,
                $0.path,
            ]
        }
        #expect(failures.isEmpty, Self.summary(failures))
    }
}
