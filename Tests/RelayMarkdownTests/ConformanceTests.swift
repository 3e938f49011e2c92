import ConformanceSupport
import Foundation
import RelayMarkdown
import Testing

/// The project's own table and regression cases through the library, and the readers of the
/// conformance files. The comparison with cmark, example by example, is in RelaydocsCLITests.
@Suite("Conformance files and the project's own cases")
struct ConformanceTests {
    let renderer = MarkdownRenderer(allowsRawHTML: true)

    /// Each example whose HTML is not byte for byte the expected (`==` on strings would let
    /// canonically equivalent text pass), with both.
    func failures(_ examples: [SpecExample]) -> [String] {
        examples.compactMap { example in
            let got = renderer.html(example.markdown)
            return got.utf8.elementsEqual(example.html.utf8)
                ? nil
                : "\(example)\n--- markdown\n\(example.markdown)--- expected\n\(example.html)--- got\n\(got)"
        }
    }

    @Test("the project's GFM table cases, each exactly as reviewed")
    func tables() throws {
        let examples = try SpecExample.specFormat(
            ConformanceFiles.project("tables.txt"), file: "tables.txt", symbols: SpecExample.projectSymbols)
        #expect(examples.count >= 8)
        let failed = failures(examples)
        #expect(failed.count == 0, "\(failed.count) of \(examples.count) differ:\n\(failed.joined(separator: "\n\n"))")
    }

    @Test("the project's regression examples, each exactly as reviewed")
    func regressions() throws {
        let examples = try SpecExample.specFormat(
            ConformanceFiles.project("regressions.txt"), file: "regressions.txt", symbols: SpecExample.projectSymbols)
        #expect(examples.count >= 10)
        #expect(examples.contains { $0.markdown.contains("\r") } && examples.contains { $0.markdown.contains("\u{0}") })
        let failed = failures(examples)
        #expect(failed.count == 0, "\(failed.count) of \(examples.count) differ:\n\(failed.joined(separator: "\n\n"))")
    }

    @Test("the reader of the spec format agrees with markdown-it-py's JSON of the same 652 examples")
    func specReaderAgreesWithJSON() throws {
        struct Entry: Decodable {
            var markdown: String
            var html: String
            var example: Int
            var start_line: Int
            var section: String
        }
        let examples = try SpecExample.specFormat(
            ConformanceFiles.fetched("commonmark-0.31.2-spec.md"), file: "commonmark-0.31.2-spec.md")
        let entries = try JSONDecoder().decode(
            [Entry].self, from: Data(try ConformanceFiles.fetched("commonmark-0.31.2-spec.json").utf8))
        #expect(examples.count == 652)
        #expect(entries.count == examples.count)
        // Bytes, not strings: `==` on strings would let canonically equivalent text pass.
        func bytes(_ fields: String...) -> [[UInt8]] { fields.map { Array($0.utf8) } }
        for (example, entry) in zip(examples, entries) {
            #expect(
                bytes(example.markdown, example.html, "\(example.number)", "\(example.line)", example.section)
                    == bytes(entry.markdown, entry.html, "\(entry.example)", "\(entry.start_line)", entry.section),
                "\(example)")
        }
    }

    @Test("the reader of markdown-it fixtures finds every example of commonmark_extras.md")
    func fixtureReader() throws {
        let text = try ConformanceFiles.fetched("markdown-it-commonmark-extras.md")
        let examples = try SpecExample.markdownItFixtures(text, file: "markdown-it-commonmark-extras.md")
        // Three separator lines an example, and nothing else in the file is a lone ".".
        let separators = SpecExample.lines(of: text).filter { $0.trimmingCharacters(in: .whitespaces) == "." }
        #expect(examples.count == separators.count / 3)
        #expect(examples.count >= 50)
        #expect(examples.first?.section == "Issue commonmark/cmark#383:")
        #expect(examples.first?.markdown == "*****Hello*world****\n")
        #expect(examples.first?.html == "<p>**<em><strong>Hello<em>world</em></strong></em></p>\n")
    }

    @Test("a malformed conformance file is an error naming its file and line")
    func malformedFiles() {
        let fence = String(repeating: "`", count: 32)
        #expect(throws: SpecExample.FormatError.self) {
            try SpecExample.specFormat("# T\n\n\(fence) example\nno dot\n", file: "open.txt")
        }
        do {
            _ = try SpecExample.specFormat("# T\n\n\(fence) example\nno dot\n\(fence)\n", file: "nodot.txt")
            Issue.record("no error")
        } catch {
            #expect("\(error)" == "nodot.txt:3: error: example without a line \".\"")
        }
        do {
            _ = try SpecExample.markdownItFixtures("title\n.\ninput\n.\n", file: "short.md")
            Issue.record("no error")
        } catch {
            #expect("\(error)" == "short.md:2: error: fixture without its closing \".\" lines")
        }
    }

    @Test("the symbols stand for tabs, carriage returns, NUL bytes and byte order marks")
    func symbols() throws {
        let fence = String(repeating: "`", count: 32)
        let text = "\(fence) example table\na→b␍␀⁂\n.\n<p>→</p>\n\(fence)\n"
        let spec = try SpecExample.specFormat(text, file: "s.txt")
        #expect(spec.map(\.markdown) == ["a\tb␍␀⁂\n"])
        #expect(spec.map(\.info) == ["table"])
        let project = try SpecExample.specFormat(text, file: "p.txt", symbols: SpecExample.projectSymbols)
        #expect(project.map(\.markdown) == ["a\tb\r\u{0}\u{FEFF}\n"])
        #expect(project.map(\.html) == ["<p>\t</p>\n"])
    }
}
