import Foundation

/// VitePress containers: `::: tip|info|warning|danger|details [Title]` … `:::`, which may nest.
///
/// libcmark has no such syntax, so it is done in two steps. Before parsing, ``mark(_:)`` turns
/// each matched pair of marker lines (outside fenced code) into level-6 headings that start
/// with a private-use character; a heading is a block of its own that ends any paragraph or list
/// above it, and the line count stays the same, so source positions stay true. After parsing,
/// ``apply(to:labels:)`` moves the blocks between each pair into a container node.
public enum Containers {
    /// An empty container node of a kind (`tip`, `warning`, …) with its title, as HTML.
    static func block(kind: String, titleHTML: String) -> MarkdownNode {
        MarkdownNode.customBlock(
            html: "<div class=\"custom-block \(kind)\"><p class=\"custom-block-title\">\(titleHTML)</p>",
            closing: "</div>")
    }

    /// The container kinds.
    public static let kinds = ["tip", "info", "warning", "danger", "details"]

    static let openMark = "\u{E000}open:"
    static let closeMark = "\u{E000}close"

    /// A marker that has no partner.
    public struct Unmatched: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// The text with matched marker lines rewritten, and the markers that have no partner.
    public static func mark(_ source: MarkdownSource) -> (text: String, unmatched: [Unmatched]) {
        enum Marker { case open(kind: String, title: String), close }
        var markers: [Int: Marker] = [:]
        var fence: (character: UInt8, length: Int)?
        for (index, line) in source.lines.enumerated() {
            let (indent, rest) = split(line)
            if let open = fence {
                if indent <= 3, rest.first == open.character,
                    rest.prefix(while: { $0 == open.character }).count >= open.length,
                    rest.drop(while: { $0 == open.character }).allSatisfy({ $0 == 32 || $0 == 9 })
                {
                    fence = nil
                }
                continue
            }
            if indent <= 3, let first = rest.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                let length = rest.prefix(while: { $0 == first }).count
                if length >= 3 { fence = (first, length) }
                continue
            }
            guard indent <= 3, rest.starts(with: Array(":::".utf8)) else { continue }
            let body = String(decoding: rest.dropFirst(3), as: UTF8.self)
            let words = body.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            if words.isEmpty {
                markers[index] = .close
            } else if kinds.contains(words[0].lowercased()) {
                let title = words.count > 1 ? words[1].trimmingCharacters(in: [" ", "\t"]) : ""
                markers[index] = .open(kind: words[0].lowercased(), title: title)
            }
        }
        // Pair them like brackets.
        var stack: [Int] = []
        var matched: Set<Int> = []
        var unmatched: [Unmatched] = []
        for index in markers.keys.sorted() {
            switch markers[index]! {
            case .open: stack.append(index)
            case .close:
                if let open = stack.popLast() {
                    matched.insert(open)
                    matched.insert(index)
                } else {
                    unmatched.append(Unmatched(line: index + 1, message: "::: closes no open container"))
                }
            }
        }
        for open in stack {
            unmatched.append(Unmatched(line: open + 1, message: "the container opened here is never closed with :::"))
        }
        guard !matched.isEmpty else { return (source.text, unmatched.sorted { $0.line < $1.line }) }
        var lines: [String] = []
        lines.reserveCapacity(source.lines.count)
        for (index, line) in source.lines.enumerated() {
            guard matched.contains(index), let marker = markers[index] else {
                lines.append(String(decoding: line, as: UTF8.self))
                continue
            }
            switch marker {
            case .open(let kind, let title): lines.append("###### \(openMark)\(kind) \(title)")
            case .close: lines.append("###### \(closeMark)")
            }
        }
        return (lines.joined(separator: "\n") + "\n", unmatched.sorted { $0.line < $1.line })
    }

    /// Moves the blocks between marker headings into container nodes (markers are top-level
    /// lines, so they are children of the document; containers nest through the stack).
    public static func apply(to tree: MarkdownTree, labels: ContainerLabels, options: MarkdownOptions) {
        applyToChildren(of: tree.document, labels: labels, options: options)
    }

    private static func marker(_ node: MarkdownNode) -> String? {
        guard node.kind == .heading, node.headingLevel == 6, let first = node.firstChild, first.kind == .text,
            let text = first.literal, text.hasPrefix("\u{E000}")
        else { return nil }
        return text
    }

    private static func applyToChildren(of parent: MarkdownNode, labels: ContainerLabels, options: MarkdownOptions) {
        var stack: [MarkdownNode] = []
        var child = parent.firstChild
        while let node = child {
            child = node.next
            if let text = marker(node) {
                if text.hasPrefix(openMark) {
                    let rest = text.dropFirst(openMark.count)
                    let kind = String(rest.prefix { $0 != " " })
                    node.firstChild?.setLiteral(String(rest.dropFirst(kind.count).drop { $0 == " " }))
                    var title = node.innerHTML(options: options).trimmingCharacters(in: [" "])
                    if title.isEmpty { title = labels.title(for: kind).htmlEscaped }
                    let container =
                        kind == "details"
                        ? MarkdownNode.customBlock(
                            html: "<details class=\"custom-block details\"><summary>\(title)</summary>",
                            closing: "</details>")
                        : block(kind: kind, titleHTML: title)
                    if let outer = stack.last { outer.append(container) } else { node.insertBefore(container) }
                    stack.append(container)
                    node.remove()
                } else {
                    _ = stack.popLast()
                    node.remove()
                }
            } else if let outer = stack.last {
                outer.append(node)
            }
        }
    }

    private static func split(_ line: ArraySlice<UInt8>) -> (indent: Int, rest: ArraySlice<UInt8>) {
        var indent = 0
        var rest = line
        while let first = rest.first, first == 32 || first == 9 {
            indent += first == 9 ? 4 : 1
            rest = rest.dropFirst()
        }
        return (indent, rest)
    }
}

/// The default titles of containers and alerts, by kind (`tip`, `warning`, `note`, …).
public struct ContainerLabels: Sendable {
    public var titles: [String: String]

    /// Titles for one locale; kinds it leaves out fall back to English.
    public init(titles: [String: String] = [:]) { self.titles = titles }

    /// English: the words VitePress and GitHub show.
    public static let english: [String: String] = [
        "tip": "TIP", "info": "INFO", "warning": "WARNING", "danger": "DANGER", "details": "Details",
        "note": "Note", "important": "Important", "caution": "Caution",
    ]

    public func title(for kind: String) -> String {
        titles[kind] ?? Self.english[kind] ?? kind.uppercased()
    }
}

extension StringProtocol {
    /// The text with `&`, `<`, `>`, `"` and `'` escaped for HTML.
    public var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
