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
            // Each Swift snippet is a program of its own: a folder each, main.swift each.
            let path = language == .swift ? "\(name)/main.swift" : "\(name).\(entry.fileExtension)"
            files.append((entry, try folder.write(code, to: path)))
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

    @Test("Swift type-checks in Swift 6 language mode")
    func swiftTypeChecks() async throws {
        let (folder, files) = try Self.write(language: .swift)
        defer { withExtendedLifetime(folder) {} }
        #expect(files.count >= 12)
        let failures = try await withThrowingTaskGroup(of: String?.self) { group in
            var failures: [String] = []
            var pending = files[...]
            func next() {
                guard let (entry, file) = pending.popFirst() else { return }
                group.addTask {
                    let result = try await ProgramRunner.run(
                        "swiftc", ["-typecheck", "-swift-version", "6", file.path])
                    return result.status == 0 && result.stderr.isEmpty ? nil : "\(entry): \(result.stderr)"
                }
            }
            for _ in 0..<max(2, ProcessInfo.processInfo.activeProcessorCount) { next() }
            while let failure = try await group.next() {
                if let failure { failures.append(failure) }
                next()
            }
            return failures
        }
        #expect(
            failures.isEmpty, "\(failures.count) failed; first: \(failures.first.map { String($0.prefix(1500)) } ?? "")"
        )
    }
}
