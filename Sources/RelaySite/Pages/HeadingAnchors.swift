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
        for heading in tree.document.descendants where heading.kind == .heading {
            var customID: String?
            if let last = heading.lastChild, last.kind == .text, let text = last.literal,
                let range = text.range(of: #"\s*\{#[A-Za-z0-9_\-.:]+\}\s*$"#, options: .regularExpression)
            {
                let token = text[range].trimmingCharacters(in: .whitespaces)
                customID = String(token.dropFirst(2).dropLast())
                last.setLiteral(String(text[..<range.lowerBound]))
            }
            let text = heading.plainText.trimmingCharacters(in: .whitespaces)
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

    /// A GitHub-style id: lowercase letters and digits of any script, with `-` for spaces.
    static func slug(_ text: String) -> String {
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
