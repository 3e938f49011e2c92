import Foundation
import RelayMarkdown
import Testing

/// One example of a spec file: Markdown in, HTML out.
struct SpecExample: CustomStringConvertible, Sendable {
    var file: String
    var number: Int
    var line: Int
    var markdown: String
    var html: String

    var description: String { "\(file) example \(number) (line \(line))" }

    /// The examples of a file in the CommonMark spec format (`→` stands for a tab).
    static func load(_ name: String) -> [SpecExample] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "shared/conformance/\(name)")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var current: [String]? = nil
        var start = 0
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix(fence + " example") {
                current = []
                start = index + 1
            } else if line == fence, let lines = current {
                let joined = lines.joined(separator: "\n") + "\n"
                let parts = joined.components(separatedBy: "\n.\n")
                let markdown = parts[0] == "." ? "" : parts[0]
                let markdownText = (joined.hasPrefix(".\n") ? "" : markdown + "\n").replacingOccurrences(
                    of: "→", with: "\t")
                let html =
                    (joined.hasPrefix(".\n")
                    ? String(joined.dropFirst(2)) : parts.dropFirst().joined(separator: "\n.\n"))
                    .replacingOccurrences(of: "→", with: "\t")
                examples.append(
                    SpecExample(file: name, number: examples.count + 1, line: start, markdown: markdownText, html: html)
                )
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return examples
    }

    /// HTML with the whitespace between tags removed and line endings unified.
    static func normalize(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "\r\n", with: "\n")
        while let range = text.range(of: #">\s+<"#, options: .regularExpression) {
            text.replaceSubrange(range, with: "><")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite("CommonMark and GFM tables, kept whole")
struct ConformanceTests {
    static let spec = SpecExample.load("commonmark-0.30-spec.txt")
    static let regression = SpecExample.load("cmark-regression.txt")
    static let tables = SpecExample.load("gfm-tables.txt")

    let renderer = MarkdownRenderer(allowsRawHTML: true)

    func failures(_ examples: [SpecExample]) -> [String] {
        examples.compactMap { example in
            let got = SpecExample.normalize(renderer.html(example.markdown))
            let want = SpecExample.normalize(example.html)
            return got == want
                ? nil : "\(example)\n--- markdown\n\(example.markdown)--- expected\n\(want)\n--- got\n\(got)"
        }
    }

    @Test("the spec files are present, with every example")
    func specFilesLoad() {
        #expect(Self.spec.count == 652)
        #expect(Self.regression.count == 16)
        #expect(Self.tables.count == 8)
    }

    @Test("all 652 CommonMark 0.30 examples")
    func commonMark() {
        let failed = failures(Self.spec)
        #expect(failed.isEmpty, "\(failed.count) failed; first: \(failed.first ?? "")")
    }

    @Test("all 16 cmark regression examples")
    func cmarkRegressions() {
        let failed = failures(Self.regression)
        #expect(failed.isEmpty, "\(failed.count) failed; first: \(failed.first ?? "")")
    }

    @Test("all 8 GFM table examples")
    func gfmTables() {
        let failed = failures(Self.tables)
        #expect(failed.isEmpty, "\(failed.count) failed:\n\(failed.joined(separator: "\n\n"))")
    }
}
