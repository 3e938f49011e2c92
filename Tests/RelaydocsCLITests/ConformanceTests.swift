import ConformanceSupport
import Foundation
import RelayVerify
import Testing

/// `relaydocs markdown --unsafe` against the reference implementation, `cmark --unsafe` (Debian's
/// cmark, which `make conformance` installs), example by example and byte for byte.
@Suite("relaydocs markdown --unsafe against cmark --unsafe")
struct ConformanceTests {
    /// Every example, rendered once by both programs for all the tests of the suite.
    struct Renderings: Sendable {
        var spec: [SpecExample]
        var regressions: [SpecExample]
        var tables: [SpecExample]
        var cmarkVersion: String
        /// Outputs by example, in the order spec, regressions (then tables, for relaydocs only).
        var cmark: [[UInt8]]
        var relaydocs: [[UInt8]]

        static func make() async throws -> Renderings {
            let spec = try SpecExample.specFormat(
                ConformanceFiles.fetched("commonmark-0.31.2-spec.md"), file: "commonmark-0.31.2-spec.md")
            let extras = try SpecExample.markdownItFixtures(
                ConformanceFiles.fetched("markdown-it-commonmark-extras.md"), file: "markdown-it-commonmark-extras.md")
            let own = try SpecExample.specFormat(
                ConformanceFiles.project("regressions.txt"), file: "regressions.txt",
                symbols: SpecExample.projectSymbols)
            let tables = try SpecExample.specFormat(
                ConformanceFiles.project("tables.txt"), file: "tables.txt", symbols: SpecExample.projectSymbols)
            let version = try await ProgramRunner.run("cmark", ["--version"], timeout: .seconds(30))
            let compared = (spec + extras + own).map(\.markdown)
            let cmark = try await Batch.outputs(of: "cmark", ["--unsafe"], for: compared)
            let relaydocs = try await Batch.outputs(
                of: CLITests.binary, ["markdown", "--unsafe"], for: compared + tables.map(\.markdown))
            return Renderings(
                spec: spec, regressions: extras + own, tables: tables,
                cmarkVersion: version.stdout.split(separator: " ").prefix(2).joined(separator: " "),
                cmark: cmark, relaydocs: relaydocs)
        }

        /// The examples compared with cmark, each with both outputs.
        var compared: [(example: SpecExample, cmark: [UInt8], relaydocs: [UInt8])] {
            zip(spec + regressions, zip(cmark, relaydocs)).map { ($0, $1.0, $1.1) }
        }
    }

    static let renderings = Task { try await Renderings.make() }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The examples where relaydocs and cmark differ, described.
    static func differences(in files: Set<String>, of renderings: Renderings) -> [String] {
        renderings.compared.filter { files.contains($0.example.file) && $0.cmark != $0.relaydocs }.map {
            "\($0.example)\n--- markdown\n\($0.example.markdown)--- cmark\n\(text($0.cmark))--- relaydocs\n"
                + text($0.relaydocs)
        }
    }

    @Test("every CommonMark 0.31.2 example: byte for byte what cmark --unsafe prints")
    func specAgainstCmark() async throws {
        let renderings = try await Self.renderings.value
        #expect(renderings.spec.count == 652)
        let differences = Self.differences(in: ["commonmark-0.31.2-spec.md"], of: renderings)
        #expect(
            differences.count == 0,
            "\(differences.count) of 652 differ:\n\(differences.prefix(5).joined(separator: "\n\n"))")
    }

    @Test("relaydocs passes every CommonMark 0.31.2 example that cmark passes (cmark's failures measured)")
    func specExpectations() async throws {
        let renderings = try await Self.renderings.value
        let spec = renderings.compared.filter { $0.example.file == "commonmark-0.31.2-spec.md" }
        let cmarkFails = spec.filter { $0.cmark != Array($0.example.html.utf8) }.map(\.example)
        let relaydocsFails = spec.filter { $0.relaydocs != Array($0.example.html.utf8) }.map(\.example)
        print(
            "\(renderings.cmarkVersion) fails \(cmarkFails.count) of \(spec.count) CommonMark 0.31.2 examples: "
                + cmarkFails.map { "\($0.number) (\($0.section))" }.joined(separator: ", ")
                + "; relaydocs fails \(relaydocsFails.count): "
                + relaydocsFails.map { "\($0.number)" }.joined(separator: ", "))
        let worse = relaydocsFails.filter { failed in !cmarkFails.contains { $0.number == failed.number } }
        #expect(worse.count == 0, "relaydocs fails examples cmark passes: \(worse)")
        // A reading of the spec gone wrong would make cmark fail many; the spec is cmark's own.
        #expect(cmarkFails.count * 100 < spec.count, "cmark fails \(cmarkFails.count): is the spec read right?")
    }

    @Test("regression examples (markdown-it's and the project's own): byte for byte what cmark --unsafe prints")
    func regressionsAgainstCmark() async throws {
        let renderings = try await Self.renderings.value
        let files = Set(renderings.regressions.map(\.file))
        #expect(files == ["markdown-it-commonmark-extras.md", "regressions.txt"])
        #expect(renderings.regressions.count >= 60)
        let differences = Self.differences(in: files, of: renderings)
        let shown = differences.prefix(5).joined(separator: "\n\n")
        #expect(differences.count == 0, "\(differences.count) of \(renderings.regressions.count) differ:\n\(shown)")
    }

    @Test("the project's table cases through the command, exactly as reviewed")
    func tablesThroughTheCommand() async throws {
        let renderings = try await Self.renderings.value
        let outputs = renderings.relaydocs.suffix(renderings.tables.count)
        let failed = zip(renderings.tables, outputs).filter { $1 != Array($0.html.utf8) }.map { "\($0.0)" }
        #expect(renderings.tables.count >= 8)
        #expect(failed.count == 0, "\(failed)")
    }
}

/// One program run on many inputs, each on its standard input, from one bash process (two loops
/// at once, one per core) rather than a test-runner process per input.
enum Batch {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static let script = """
        folder=$1 count=$2
        shift 2
        loop() {
            local first=$1 i
            shift
            for ((i = first; i < count; i += 2)); do
                "$@" < "$folder/$i.md" > "$folder/$i.out" 2> "$folder/$i.err" || echo "$i" >> "$folder/failed"
            done
        }
        loop 0 "$@" & loop 1 "$@" &
        wait
        """

    /// The standard output of `program arguments` for each input, as bytes.
    static func outputs(of program: String, _ arguments: [String], for inputs: [String]) async throws -> [[UInt8]] {
        let executable = try ProgramRunner.resolve(program)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relaydocs-batch-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, input) in inputs.enumerated() {
            try Data(input.utf8).write(to: folder.appendingPathComponent("\(index).md"))
        }
        let run = try await ProgramRunner.run(
            "bash", ["-c", script, "batch", folder.path, "\(inputs.count)", executable] + arguments,
            timeout: .seconds(600))
        guard run.status == 0, !run.timedOut else {
            throw Failed(description: "the batch of \(program) stopped (status \(run.status)): \(run.stderr)")
        }
        if let failed = FileManager.default.contents(atPath: folder.appendingPathComponent("failed").path),
            let first = String(decoding: failed, as: UTF8.self).split(separator: "\n").first
        {
            let stderr = (try? String(contentsOf: folder.appendingPathComponent("\(first).err"), encoding: .utf8)) ?? ""
            throw Failed(
                description: "\(program) \(arguments.joined(separator: " ")) failed on input \(first): \(stderr)")
        }
        return try inputs.indices.map { index in
            Array(try Data(contentsOf: folder.appendingPathComponent("\(index).out")))
        }
    }
}
