import Foundation
import RelayMarkdown

/// Heading ids (from the text, or `{#custom-id}` at the end), anchor links and the table of contents.
enum HeadingAnchors {
    /// One entry of the table of contents.
    struct Entry: Sendable, Equatable {
        var level: Int
        var id: String
        var text: String
    }

    /// Gives every heading (h1–h6) an id and an anchor link; returns the headings in order.
    static func apply(to tree: MarkdownTree, options: MarkdownOptions) -> [Entry] {
        var used: [String: Int] = [:]
        var entries: [Entry] = []
        for heading in tree.document.descendants(ofKind: [.heading]) {
            let (text, customID) = takeText(of: heading)
            var id = customID ?? slug(text)
            if customID == nil {
                let count = used[id, default: 0]
                used[id] = count + 1
                if count > 0 { id += "-\(count)" }
            }
            let level = heading.headingLevel
            entries.append(Entry(level: level, id: id, text: text))
            let inner = heading.innerHTML(options: options)
            let anchor =
                level == 1
                ? "" : " <a class=\"header-anchor\" href=\"#\(id.htmlEscaped)\" aria-label=\"Permalink\">#</a>"
            heading.replace(
                with: .customBlock(
                    html: "<h\(level) id=\"\(id.htmlEscaped)\" tabindex=\"-1\">\(inner)\(anchor)</h\(level)>"))
        }
        return entries
    }

    /// The text of the tree's first level-1 heading, as ``apply(to:options:)`` has it (which
    /// gives the page its title), without making the page's HTML.
    static func firstTitle(in tree: MarkdownTree) -> String? {
        for heading in tree.document.descendants(ofKind: [.heading]) where heading.headingLevel == 1 {
            return takeText(of: heading).text
        }
        return nil
    }

    /// A heading's text and its `{#custom-id}`, which is taken off the heading's last text node.
    private static func takeText(of heading: MarkdownNode) -> (text: String, customID: String?) {
        var customID: String?
        if let last = heading.lastChild, last.kind == .text, let text = last.literal,
            let (kept, id) = splitCustomID(text)
        {
            customID = id
            last.setLiteral(kept)
        }
        return (heading.plainText.trimmingSpaces, customID)
    }

    /// Splits `{#custom-id}` (letters, digits, `_-.:`) off the end of a heading's text.
    static func splitCustomID(_ text: String) -> (kept: String, id: String)? {
        let trimmed = text.unicodeScalars.reversed().drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "}" else { return nil }  // most headings: no scan at all
        let scalars = Array(text.unicodeScalars)
        var end = scalars.count
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        var start = end - 1  // at "}"
        while start > 0, scalars[start - 1].isIDCharacter { start -= 1 }
        guard start >= 2, start < end - 1, scalars[start - 1] == "#", scalars[start - 2] == "{" else { return nil }
        let id = String(String.UnicodeScalarView(scalars[start..<(end - 1)]))
        var keep = start - 2
        while keep > 0, scalars[keep - 1] == " " || scalars[keep - 1] == "\t" { keep -= 1 }
        return (String(String.UnicodeScalarView(scalars[..<keep])), id)
    }

    /// A GitHub-style id: lowercase letters and digits of any script, with `-` for spaces.
    static func slug(_ text: String) -> String {
        // Most headings are ASCII: their slug is made on bytes, without Unicode properties.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingDash = false
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"),
                    UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if pendingDash, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                    pendingDash = false
                    bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "\t"):
                    pendingDash = true
                default: break
                }
            }
            return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
        }
        return slugByScalars(text)
    }

    /// ``slug(_:)`` for any text, by Unicode properties.
    static func slugByScalars(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
                if pendingDash, !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "\t" {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : result
    }
}

extension Unicode.Scalar {
    /// Letters and digits (ASCII), `_`, `-`, `.` and `:`: what a `{#custom-id}` may hold.
    fileprivate var isIDCharacter: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D, 0x2E, 0x3A: true
        default: false
        }
    }
}

extension String {
    /// The text without spaces and tabs at either end (what `trimmingCharacters(in: .whitespaces)`
    /// does, without a trip through NSString).
    var trimmingSpaces: String {
        // ASCII text without a space or tab at either end, the usual case, is returned as it is.
        if let first = utf8.first, let last = utf8.last, first != 32, first != 9, last != 32, last != 9,
            first < 0x80, last < 0x80
        {
            return self
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
