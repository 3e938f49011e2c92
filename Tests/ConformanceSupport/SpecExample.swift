import Foundation

/// One example of a conformance file: Markdown in, the expected HTML out.
public struct SpecExample: CustomStringConvertible, Sendable, Equatable {
    /// The file's name, for messages.
    public var file: String
    /// The example's number in its file, from 1.
    public var number: Int
    /// The line of the file where the example starts.
    public var line: Int
    /// The heading the example stands under (the spec format), or its title (markdown-it fixtures).
    public var section: String
    /// The words after `example` on the opening fence, such as `table`.
    public var info: String
    public var markdown: String
    public var html: String

    public init(
        file: String, number: Int, line: Int, section: String, info: String = "", markdown: String, html: String
    ) {
        self.file = file
        self.number = number
        self.line = line
        self.section = section
        self.info = info
        self.markdown = markdown
        self.html = html
    }

    public var description: String { "\(file) example \(number) (line \(line), \(section))" }

    /// A conformance file that cannot be read as its format says.
    public struct FormatError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): error: \(message)" }
    }

    /// The symbols the CommonMark spec writes for characters that do not show: `→` for a tab.
    public static let specSymbols: [Unicode.Scalar: String] = ["→": "\t"]

    /// The symbols of the project's own files: the spec's, and `␍` for a carriage return, `␀` for
    /// a NUL byte and `⁂` for a byte order mark.
    public static let projectSymbols: [Unicode.Scalar: String] = specSymbols.merging([
        "␍": "\r", "␀": "\u{0}", "⁂": "\u{FEFF}",
    ]) { first, _ in first }

    /// The examples of a file in the CommonMark spec format: between a fence of 32 backticks
    /// followed by `example` and a fence of 32 backticks, the Markdown, a line `.`, the HTML.
    public static func specFormat(
        _ text: String, file: String, symbols: [Unicode.Scalar: String] = specSymbols
    ) throws -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var open: (line: Int, info: String, lines: [String])?
        for (index, line) in lines(of: text).enumerated() {
            if var example = open {
                if line == fence {
                    guard let dot = example.lines.firstIndex(of: ".") else {
                        throw FormatError(file: file, line: example.line, message: "example without a line \".\"")
                    }
                    func joined(_ lines: ArraySlice<String>) -> String {
                        replacing(symbols, in: lines.map { $0 + "\n" }.joined())
                    }
                    examples.append(
                        SpecExample(
                            file: file, number: examples.count + 1, line: example.line, section: section,
                            info: example.info, markdown: joined(example.lines[..<dot]),
                            html: joined(example.lines[(dot + 1)...])))
                    open = nil
                } else {
                    example.lines.append(line)
                    open = example
                }
            } else if line.hasPrefix(fence + " example") {
                let info = line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces)
                open = (index + 1, info, [])
            } else if let heading = headingText(line) {
                section = heading
            }
        }
        if let example = open {
            throw FormatError(file: file, line: example.line, message: "example not closed before the end of the file")
        }
        return examples
    }

    /// The examples of a markdown-it fixture file: a title line, then `.`, the Markdown, `.`, the
    /// HTML, `.`. There are no symbols: tabs are tabs.
    public static func markdownItFixtures(_ text: String, file: String) throws -> [SpecExample] {
        var examples: [SpecExample] = []
        var separators: [Int] = []
        var title = ""
        let lines = lines(of: text)
        for (index, line) in lines.enumerated() where trailingSpaceRemoved(line) == "." {
            if separators.isEmpty {
                title = index > 0 ? lines[index - 1].trimmingCharacters(in: .whitespaces) : ""
            }
            separators.append(index)
            guard separators.count == 3 else { continue }
            func joined(_ range: Range<Int>) -> String { lines[range].map { $0 + "\n" }.joined() }
            examples.append(
                SpecExample(
                    file: file, number: examples.count + 1, line: separators[0] + 1, section: title,
                    markdown: joined((separators[0] + 1)..<separators[1]),
                    html: joined((separators[1] + 1)..<separators[2])))
            separators = []
        }
        if let first = separators.first {
            throw FormatError(file: file, line: first + 1, message: "fixture without its closing \".\" lines")
        }
        return examples
    }

    /// The lines of a text split at line feeds only (a carriage return stays in its line).
    public static func lines(of text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// The text of an ATX heading line (`## Tabs`), as the spec's own test runner reads it.
    static func headingText(_ line: String) -> String? {
        let hashes = line.prefix { $0 == "#" }
        guard !hashes.isEmpty, line.dropFirst(hashes.count).first == " " else { return nil }
        return line.dropFirst(hashes.count).trimmingCharacters(in: .whitespaces)
    }

    static func trailingSpaceRemoved(_ line: String) -> Substring {
        line[..<(line.lastIndex { !$0.isWhitespace }.map(line.index(after:)) ?? line.startIndex)]
    }

    static func replacing(_ symbols: [Unicode.Scalar: String], in text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let replacement = symbols[scalar] {
                result += replacement
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
