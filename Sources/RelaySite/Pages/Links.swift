import Foundation
import RelayMarkdown

/// A link to another page (or a place on this one), to check once every page is known.
struct LinkReference: Sendable, Equatable {
    /// The target's path below the locale folder, such as `guide/quickstart.md`; nil for `#anchor`.
    var target: String?
    var anchor: String?
    var line: Int
    var written: String
}

/// Links to `.md` files point at the built pages; every internal link is collected for checking.
enum Links {
    /// Rewrites links and returns the internal ones, and every destination as written (which the
    /// page's twin rewrites in its text).
    static func apply(to tree: MarkdownTree, folder: String, url: (String) -> String) -> (
        references: [LinkReference], destinations: Set<String>
    ) {
        var references: [LinkReference] = []
        var destinations: Set<String> = []
        for node in tree.document.descendants(ofKind: [.link, .image]) {
            let written = node.url
            guard !written.isEmpty, !isExternal(written) else { continue }
            destinations.insert(written)
            let line = node.sourceLine
            let (path, anchor) = split(written)
            if path.isEmpty {
                references.append(LinkReference(target: nil, anchor: anchor, line: line, written: written))
                continue
            }
            guard path.hasSuffix(".md"), let target = resolve(path, from: folder) else { continue }
            references.append(LinkReference(target: target, anchor: anchor, line: line, written: written))
            node.url = url(target) + (anchor.map { "#" + $0 } ?? "")
        }
        return (references, destinations)
    }

    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && !url[..<colon].contains("/")
    }

    static func split(_ url: String) -> (path: String, anchor: String?) {
        var rest = url
        var anchor: String?
        if let hash = rest.firstIndex(of: "#") {
            anchor = decoded(String(rest[rest.index(after: hash)...]))
            rest = String(rest[..<hash])
        }
        if let question = rest.firstIndex(of: "?") { rest = String(rest[..<question]) }
        return (decoded(rest) ?? rest, anchor)
    }

    /// Percent-decoded text; Foundation is asked only when there is a `%` (it is slow on Linux).
    private static func decoded(_ text: String) -> String? {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : text
    }

    /// `path` relative to `folder` (or to the locale root when it starts with `/`), normalized;
    /// nil when it climbs out of the root.
    static func resolve(_ path: String, from folder: String) -> String? {
        var parts = path.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
