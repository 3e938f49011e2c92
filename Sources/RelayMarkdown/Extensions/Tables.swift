/// GitHub Flavored Markdown pipe tables, which libcmark lacks.
///
/// libcmark reads a table as a paragraph. Each paragraph whose raw lines hold a header row and
/// a matching delimiter row becomes a table: cells split on unescaped pipes, `\|` becomes `|`
/// (inside code spans too), and each cell's inline Markdown is parsed by libcmark. Lines before
/// the header row stay a paragraph.
public enum Tables {
    public enum Alignment: Equatable { case none, left, center, right }

    /// How cell alignment is written: the `align` attribute (what the GFM spec shows) or a
    /// `style` (valid HTML5).
    public enum AlignmentMarkup: Sendable { case attribute, style }

    /// Turns every table paragraph, at any depth, into table HTML.
    public static func apply(
        to tree: MarkdownTree, source: MarkdownSource, options: MarkdownOptions,
        alignment markup: AlignmentMarkup = .attribute
    ) {
        for paragraph in tree.document.descendants(ofKind: [.paragraph]) {
            let first = paragraph.startLine
            let last = paragraph.endLine
            guard first >= 1, last >= first + 1, last <= source.lines.count else { continue }
            let prefixWidth = paragraph.startColumn - 1
            let lines = (first...last).map { number in
                strip(source.lines[number - 1], prefixWidth: number == first ? prefixWidth : nil, width: prefixWidth)
            }
            guard lines.contains(where: { $0.contains(UInt8(ascii: "|")) }) else { continue }
            guard let start = tableStart(in: lines) else { continue }
            let header = cells(of: lines[start])
            let alignments = cells(of: lines[start + 1]).map(alignment)
            let body = lines[(start + 2)...].map(cells)
            let table = tableNode(
                header: header, alignments: alignments, body: Array(body), options: options, markup: markup,
                line: first + start)
            if start > 0 {
                // The lines above the table stay a paragraph.
                let text = lines[..<start].map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
                let above = MarkdownTree(parsing: text, options: options)
                for block in above.document.children { paragraph.insertBefore(block) }
            }
            paragraph.replace(with: table)
        }
    }

    /// The index of the header row: the first line followed by a delimiter row with as many cells.
    static func tableStart(in lines: [ArraySlice<UInt8>]) -> Int? {
        for index in 0..<(lines.count - 1) where isDelimiterRow(lines[index + 1]) {
            let header = cells(of: lines[index])
            if header.count == cells(of: lines[index + 1]).count { return index }
            return nil
        }
        return nil
    }

    static func isDelimiterRow(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.contains(UInt8(ascii: "|")) || line.contains(UInt8(ascii: ":")) else { return false }
        let row = cells(of: line)
        return !row.isEmpty
            && row.allSatisfy { cell in
                var bytes = Array(cell.utf8)
                if bytes.first == UInt8(ascii: ":") { bytes.removeFirst() }
                if bytes.last == UInt8(ascii: ":") { bytes.removeLast() }
                return !bytes.isEmpty && bytes.allSatisfy { $0 == UInt8(ascii: "-") }
            }
    }

    static func alignment(_ cell: String) -> Alignment {
        switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
        case (true, true): .center
        case (true, false): .left
        case (false, true): .right
        case (false, false): .none
        }
    }

    /// The cells of a row, trimmed, with the outer pipes removed and `\|` unescaped.
    static func cells(of line: ArraySlice<UInt8>) -> [String] {
        var bytes = Array(trimmed(line))
        if bytes.first == UInt8(ascii: "|") { bytes.removeFirst() }
        if bytes.last == UInt8(ascii: "|"), !isEscaped(bytes, bytes.count - 1) { bytes.removeLast() }
        var cells: [String] = []
        var cell: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "|") {
                if isEscaped(bytes, index) {
                    cell.removeLast()  // the backslash
                    cell.append(byte)
                } else {
                    cells.append(String(decoding: trimmed(cell[...]), as: UTF8.self))
                    cell = []
                }
            } else {
                cell.append(byte)
            }
        }
        cells.append(String(decoding: trimmed(cell[...]), as: UTF8.self))
        return cells
    }

    static func isEscaped(_ bytes: [UInt8], _ index: Int) -> Bool {
        var backslashes = 0
        var position = index - 1
        while position >= 0, bytes[position] == UInt8(ascii: "\\") {
            backslashes += 1
            position -= 1
        }
        return backslashes % 2 == 1
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 32 || first == 9 { slice = slice.dropFirst() }
        while let last = slice.last, last == 32 || last == 9 { slice = slice.dropLast() }
        return slice
    }

    /// A continuation line without its container prefix (spaces and `>` of lists and quotes).
    static func strip(_ line: ArraySlice<UInt8>, prefixWidth: Int?, width: Int) -> ArraySlice<UInt8> {
        if let prefixWidth { return line.dropFirst(min(prefixWidth, line.count)) }
        var slice = line
        var removed = 0
        while removed < width, let first = slice.first, first == 32 || first == 9 || first == UInt8(ascii: ">") {
            slice = slice.dropFirst()
            removed += 1
        }
        return slice
    }

    /// The table as a custom block: its markup as custom inlines, and each cell's inline nodes
    /// moved in from one libcmark parse of all the cells, so that the page's later transforms
    /// (link rewriting and checking) see links in cells like any other.
    static func tableNode(
        header: [String], alignments: [Alignment], body: [[String]], options: MarkdownOptions, markup: AlignmentMarkup,
        line: Int
    ) -> MarkdownNode {
        let columns = header.count
        let rows = body.map { row in (0..<columns).map { $0 < row.count ? row[$0] : "" } }
        let cells = header + rows.flatMap { $0 }
        // Each filled cell becomes one paragraph; a cell that would start another kind of block
        // is escaped first, since cells hold inline content only.
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        let tree = MarkdownTree(
            parsing: filled.map { inlineOnly(cells[$0]) }.joined(separator: "\n\n"), options: options)
        var paragraphs: [Int: MarkdownNode] = [:]
        for (index, paragraph) in zip(filled, tree.document.children) { paragraphs[index] = paragraph }

        // One custom block per row, holding that row's source line (for link diagnostics).
        let table = MarkdownNode.customBlock(html: "", sourceLine: line)
        var row = MarkdownNode.customBlock(html: "", sourceLine: line)
        _ = table.append(row)
        var pending = "<table>\n<thead>\n"
        func startRow(line: Int) {
            row = MarkdownNode.customBlock(html: "", sourceLine: line)
            _ = table.append(row)
        }
        func addCell(_ tag: String, _ index: Int) {
            let name: String? =
                switch alignments[index % columns] {
                case .none: nil
                case .left: "left"
                case .center: "center"
                case .right: "right"
                }
            let align = name.map { markup == .attribute ? " align=\"\($0)\"" : " style=\"text-align: \($0)\"" } ?? ""
            pending += "<\(tag)\(align)>"
            if let block = paragraphs[index], block.kind == .paragraph {
                _ = row.append(.customInline(html: pending))
                pending = ""
                for child in block.children { _ = row.append(child) }
            } else if let block = paragraphs[index] {
                pending += block.innerHTML(options: options)  // a cell that is raw HTML
            }
            pending += "</\(tag)>\n"
        }
        pending += "<tr>\n"
        for column in 0..<columns { addCell("th", column) }
        pending += "</tr>\n</thead>\n"
        if !rows.isEmpty { pending += "<tbody>\n" }
        for index in rows.indices {
            _ = row.append(.customInline(html: pending))
            pending = ""
            startRow(line: line + 2 + index)
            pending += "<tr>\n"
            for column in 0..<columns { addCell("td", columns * (index + 1) + column) }
            pending += "</tr>\n"
        }
        if !rows.isEmpty { pending += "</tbody>\n" }
        _ = row.append(.customInline(html: pending + "</table>\n"))
        return table
    }

    /// The cell with a backslash before a character that would start a block (heading, quote,
    /// list, fence, thematic break, HTML block, link reference definition).
    static func inlineOnly(_ cell: String) -> String {
        let scalars = Array(cell.unicodeScalars)
        guard let first = scalars.first else { return cell }
        let second = scalars.count > 1 ? scalars[1] : nil
        let escaped = "\\" + cell
        switch first {
        case "#", ">":
            return escaped
        case "[":
            // A link reference definition, not a link.
            if cell.contains("]:") { return escaped }
        case "-", "+", "*", "_":
            let isListMarker = first != "_" && (second == nil || second == " " || second == "\t")
            let isThematicBreak =
                scalars.filter { $0 == first }.count >= 3
                && scalars.allSatisfy { $0 == first || $0 == " " || $0 == "\t" }
            if isListMarker || isThematicBreak { return escaped }
        case "`", "~":
            if scalars.prefix(3).allSatisfy({ $0 == first }) && scalars.count >= 3 { return escaped }
        case "0"..."9":
            let digits = scalars.prefix { ("0"..."9").contains($0) }
            let after = scalars.dropFirst(digits.count)
            if let marker = after.first, marker == "." || marker == ")" {
                let rest = after.dropFirst()
                if rest.isEmpty || rest.first == " " || rest.first == "\t" {
                    return String(String.UnicodeScalarView(digits)) + "\\" + String(String.UnicodeScalarView(after))
                }
            }
        default:
            break
        }
        return cell
    }
}
