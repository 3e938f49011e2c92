import Foundation
import RelayMarkdown

/// The Markdown twin of a page, `page.md` beside `page.html`: the page as plain text, for coding
/// agents and anyone who reads docs as text.
///
/// It is made from the page's own source while the page renders, with no second parse: the front
/// matter becomes a title and a summary line, each snippet block one fenced block per tab with the
/// language named, catalog blocks Markdown tables and the key page a note on the snippet API (the
/// page renderer hands these in as ``Splice``s). Every internal link is made absolute, to the twin
/// of the page it names, so the text reads the same inside `llms-full.txt`.
struct MarkdownTwin: Sendable {
    /// Lines of the source that the twin replaces, such as a snippet block.
    struct Splice: Sendable {
        /// The lines, 1-based, inclusive.
        var lines: ClosedRange<Int>
        /// The 1-based byte column the block starts at: what stands before it on its first line (a
        /// list marker, `> `) is kept before each line of the replacement.
        var column: Int
        /// The replacement, lines ending in newlines.
        var markdown: String
    }

    /// What the twin starts with.
    struct Header: Sendable {
        var title: String
        var description: String?
        /// The lines of the page's level-1 heading when it is the page's first block; otherwise
        /// the twin starts with `# title`.
        var heading: ClosedRange<Int>?
    }

    /// Where the twin's links point.
    struct Addresses: Sendable {
        /// What every internal URL of the locale starts with: the site's URL (when it has one), the
        /// base path and the locale's prefix, such as `https://docs.example.com/en/`.
        var locale: String
        /// The page's path below the locale folder, and its folder.
        var path: String
        var folder: String
        /// The internal link destinations libcmark found on the page: only these are rewritten, so
        /// text that merely looks like a link (`\[x](y.md)`) stays as it is; each with its path,
        /// anchor and target, as the page's HTML resolved them.
        var destinations: [String: Links.Destination]
    }

    /// The twin's bytes: UTF-8 Markdown ending in one newline.
    let data: Data
    /// Its links to pages (and to places on pages), each with the source line it is on, for the
    /// link check.
    let links: [LinkReference]

    /// Makes the twin of a page from its source lines.
    ///
    /// - Parameter code: the lines of the page's code blocks, which are copied as they are.
    init(
        source: MarkdownSource, header: Header, splices: [Splice], code: [ClosedRange<Int>], addresses: Addresses
    ) {
        var writer = Writer(addresses: addresses)
        writer.output.reserveCapacity(source.text.utf8.count + splices.reduce(0) { $0 + $1.markdown.utf8.count } + 256)
        let lines = source.lines
        var number = 1
        while number <= lines.count, lines[number - 1].allSatisfy({ $0 == 32 || $0 == 9 }) { number += 1 }
        let description = header.description.map {
            $0.split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        if let heading = header.heading, heading.lowerBound >= number {
            while number <= heading.upperBound, number <= lines.count {
                writer.line(lines[number - 1], number: number, rewritingLinks: true)
                number += 1
            }
            if let description, !description.isEmpty { writer.append("\n> \(description)\n") }
        } else {
            writer.append("# \(header.title)\n\n")
            if let description, !description.isEmpty { writer.append("> \(description)\n\n") }
        }
        var nextSplice = splices.sorted { $0.lines.lowerBound < $1.lines.lowerBound }[...]
        var nextCode = code.sorted { $0.lowerBound < $1.lowerBound }[...]
        while number <= lines.count {
            while let splice = nextSplice.first, splice.lines.upperBound < number { nextSplice.removeFirst() }
            while let range = nextCode.first, range.upperBound < number { nextCode.removeFirst() }
            if let splice = nextSplice.first, splice.lines.lowerBound == number {
                writer.splice(splice, openingLine: lines[number - 1])
                number = splice.lines.upperBound + 1
                nextSplice.removeFirst()
                continue
            }
            let inCode = nextCode.first.map { $0.contains(number) } ?? false
            writer.line(lines[number - 1], number: number, rewritingLinks: !inCode)
            number += 1
        }
        while writer.output.last == 10 || writer.output.last == 32 { writer.output.removeLast() }
        writer.output.append(10)
        data = Data(writer.output)
        links = writer.links
    }

    /// A path as a link destination: bytes that would end or break one are percent-encoded,
    /// the rest (non-ASCII included) left as the site's own URLs have them.
    static func encoded(_ path: String) -> String {
        func isUnsafe(_ byte: UInt8) -> Bool { byte < 0x21 || byte == 0x7F || unsafeBytes.contains(byte) }
        guard path.utf8.contains(where: isUnsafe) else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if isUnsafe(byte) {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ASCII that cannot stand in a link destination as it is.
    static let unsafeBytes = Set(" ()<>\"#?%\\^`{|}[]".utf8)

    /// The text being written, and the links found.
    private struct Writer {
        let addresses: Addresses
        var output: [UInt8] = []
        var links: [LinkReference] = []
        /// `[` opened and not yet closed, across the lines of a paragraph: a `](` without one is
        /// no link (`\[x](y.md)`).
        var openBrackets = 0

        mutating func append(_ text: String) { output.append(contentsOf: text.utf8) }

        /// One source line: copied, with its link destinations rewritten outside code spans.
        mutating func line(_ line: ArraySlice<UInt8>, number: Int, rewritingLinks: Bool) {
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) { openBrackets = 0 }
            guard rewritingLinks, line.contains(UInt8(ascii: "]")) || line.contains(UInt8(ascii: "[")) else {
                output.append(contentsOf: line)
                output.append(10)
                return
            }
            let bytes = Array(line)
            var index = 0
            // A reference definition: `[label]: destination`, up to three spaces in.
            if let destinationStart = Self.referenceDefinition(bytes) {
                output.append(contentsOf: bytes[..<destinationStart])
                index = destination(in: bytes, from: destinationStart, number: number)
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "`") {
                    // A code span is copied whole: its text is not a link.
                    var run = index
                    while run < bytes.count, bytes[run] == byte { run += 1 }
                    let width = run - index
                    var close = run
                    var found: Int?
                    while close < bytes.count {
                        if bytes[close] == byte {
                            var end = close
                            while end < bytes.count, bytes[end] == byte { end += 1 }
                            if end - close == width {
                                found = end
                                break
                            }
                            close = end
                        } else {
                            close += 1
                        }
                    }
                    let end = found ?? run
                    output.append(contentsOf: bytes[index..<end])
                    index = end
                } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    output.append(contentsOf: bytes[index...(index + 1)])
                    index += 2
                } else if byte == UInt8(ascii: "[") {
                    openBrackets += 1
                    output.append(byte)
                    index += 1
                } else if byte == UInt8(ascii: "]"), openBrackets > 0, index + 1 < bytes.count,
                    bytes[index + 1] == UInt8(ascii: "(")
                {
                    openBrackets -= 1
                    output.append(contentsOf: bytes[index...(index + 1)])
                    var start = index + 2
                    while start < bytes.count, bytes[start] == 32 || bytes[start] == 9 {
                        output.append(bytes[start])
                        start += 1
                    }
                    index = destination(in: bytes, from: start, number: number)
                } else if byte == UInt8(ascii: "]") {
                    if openBrackets > 0 { openBrackets -= 1 }
                    output.append(byte)
                    index += 1
                } else {
                    // Up to the next byte the cases above look at, copied at once.
                    var end = index + 1
                    while end < bytes.count, !Self.startsSomething[Int(bytes[end])] { end += 1 }
                    output.append(contentsOf: bytes[index..<end])
                    index = end
                }
            }
            output.append(10)
        }

        /// The bytes that start a code span, an escape or a bracket.
        private static let startsSomething: [Bool] = (0..<256).map {
            $0 == Int(UInt8(ascii: "`")) || $0 == Int(UInt8(ascii: "\\")) || $0 == Int(UInt8(ascii: "["))
                || $0 == Int(UInt8(ascii: "]"))
        }

        /// Copies the link destination starting at `start` (rewritten when it is internal) and
        /// returns the index after it.
        mutating func destination(in bytes: [UInt8], from start: Int, number: Int) -> Int {
            guard start < bytes.count else { return start }
            if bytes[start] == UInt8(ascii: "<") {
                guard let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else {
                    output.append(bytes[start])
                    return start + 1
                }
                let written = String(decoding: bytes[(start + 1)..<close], as: UTF8.self)
                output.append(UInt8(ascii: "<"))
                append(rewrite(written, number: number) ?? written)
                output.append(UInt8(ascii: ">"))
                return close + 1
            }
            var end = start
            var depth = 0
            while end < bytes.count {
                let byte = bytes[end]
                if byte == 32 || byte == 9 { break }
                if byte == UInt8(ascii: "\\"), end + 1 < bytes.count {
                    end += 2
                    continue
                }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                end += 1
            }
            let written = String(decoding: bytes[start..<end], as: UTF8.self)
            append(rewrite(written, number: number) ?? written)
            return end
        }

        /// `[label]:` at the start of a line (after at most three spaces): where the destination
        /// after it starts.
        static func referenceDefinition(_ bytes: [UInt8]) -> Int? {
            var index = 0
            while index < bytes.count, index < 3, bytes[index] == 32 { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")), close > index + 1,
                close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: ":")
            else { return nil }
            var start = close + 2
            while start < bytes.count, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
            guard start < bytes.count else { return nil }
            return start
        }

        /// The absolute URL an internal destination becomes in the twin, or nil to keep it as
        /// written (external links, site-absolute files, paths that climb out of the locale).
        mutating func rewrite(_ written: String, number: Int) -> String? {
            guard let destination = addresses.destinations[written] else { return nil }
            let bytes = written.utf8
            let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
            let anchorSuffix = hash.map { String(written[$0...]) } ?? ""
            let (path, anchor) = (destination.path, destination.anchor)
            if hash == bytes.startIndex {
                links.append(LinkReference(target: addresses.path, anchor: anchor, line: number, written: written))
                return addresses.locale + MarkdownTwin.encoded(addresses.path) + anchorSuffix
            }
            if path.hasSuffix(".md") {
                guard let target = destination.target else { return nil }
                links.append(LinkReference(target: target, anchor: anchor, line: number, written: written))
                return addresses.locale + MarkdownTwin.encoded(target) + anchorSuffix
            }
            // Another file of the locale, such as an image beside the page: made absolute too.
            guard !path.hasPrefix("/"), let target = destination.target else { return nil }
            let rawPath = bytes[..<(hash ?? bytes.endIndex)]
            let query = rawPath.firstIndex(of: UInt8(ascii: "?")).map { String(written[$0..<rawPath.endIndex]) } ?? ""
            return addresses.locale + MarkdownTwin.encoded(target) + query + anchorSuffix
        }

        /// A replaced block, each line after what stood before the block on its first line (a
        /// blockquote's `>` kept, a list marker turned into spaces).
        mutating func splice(_ splice: Splice, openingLine: ArraySlice<UInt8>) {
            let prefixLength = max(0, min(splice.column - 1, openingLine.count))
            let first = Array(openingLine.prefix(prefixLength))
            let rest = first.map { $0 == UInt8(ascii: ">") ? $0 : 32 }
            // Every line that ends in a newline, on bytes: String.split was most of a twin with
            // many snippets (the pages of a big catalog's models).
            let bytes = Array(splice.markdown.utf8)
            guard let lastNewline = bytes.lastIndex(of: 10) else { return }
            if first.isEmpty {
                output.append(contentsOf: bytes[...lastNewline])
                return
            }
            var isFirst = true
            var start = 0
            while start <= lastNewline, let end = bytes[start...lastNewline].firstIndex(of: 10) {
                var prefix = isFirst ? first : rest
                if end == start { while prefix.last == 32 { prefix.removeLast() } }
                output.append(contentsOf: prefix)
                output.append(contentsOf: bytes[start...end])
                start = end + 1
                isFirst = false
            }
        }
    }
}

/// Markdown pieces for twins: fenced code with the language named, tables.
enum TwinMarkdown {
    /// A fenced code block, after a line naming what it is (`**Python · openai**`); the fence is
    /// longer than any run of backticks in the code.
    static func code(_ code: String, language: String, label: String) -> String {
        var longest = 0
        var run = 0
        for byte in code.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = code.hasSuffix("\n") ? code : code + "\n"
        return "**\(label)**\n\n\(fence)\(language)\n\(body)\(fence)\n"
    }

    /// A GFM pipe table; `|` in cells is escaped, cells already hold their Markdown.
    static func table(header: [String], rows: [[String]]) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map(escapingPipes).joined(separator: " | ") + " |\n"
        }
        return row(header) + row(header.map { _ in "---" }) + rows.map(row).joined()
    }

    /// What the key page (a form that needs JavaScript) becomes in a twin: how to get the same
    /// code from the snippet API.
    static func keyPage(strings: SiteStrings, api: String, model: String, language: String) -> String {
        let text = strings[
            "keyPage.twin",
            "The form on this page writes the code with your own key and needs JavaScript. The same code comes from the snippet API, with the key in a header:",
        ]
        return """
            \(text)

            ```sh
            curl -H "Authorization: Bearer $API_KEY" '\(api)snippets?model=\(model)&lang=\(language)'
            ```

            """
    }

    /// A cell's `|` escaped. On bytes, as ``inlineCode(_:)``: Foundation's string search was a
    /// fiftieth of a build with 300 models, whose index tables have a row per model.
    private static func escapingPipes(_ cell: String) -> String {
        guard cell.utf8.contains(UInt8(ascii: "|")) else { return cell }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cell.utf8.count + 4)
        for byte in cell.utf8 {
            if byte == UInt8(ascii: "|") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text as inline code.
    static func inlineCode(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "`")) ? "`` \(text) ``" : "`\(text)`"
    }
}
