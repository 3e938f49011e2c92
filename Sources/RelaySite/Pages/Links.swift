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
    /// An internal link destination, split and resolved once for the page's HTML and its twin.
    struct Destination: Sendable {
        /// The path part, percent-decoded (empty for `#anchor`).
        var path: String
        /// The anchor, percent-decoded.
        var anchor: String?
        /// The path resolved below the locale root; nil when it climbs out of the root.
        var target: String?
    }

    /// Rewrites links and returns the internal ones, and every destination as written with what
    /// it names (the page's twin rewrites them in its text).
    static func apply(to tree: MarkdownTree, folder: String, url: (String) -> String) -> (
        references: [LinkReference], destinations: [String: Destination]
    ) {
        var references: [LinkReference] = []
        var destinations: [String: Destination] = [:]
        for node in tree.document.descendants(ofKind: [.link, .image]) {
            let written = node.url
            guard !written.isEmpty, !isExternal(written) else { continue }
            let destination = destinations[written] ?? Self.destination(written, folder: folder)
            destinations[written] = destination
            let line = node.sourceLine
            if destination.path.isEmpty {
                references.append(
                    LinkReference(target: nil, anchor: destination.anchor, line: line, written: written))
                continue
            }
            guard destination.path.hasSuffix(".md"), let target = destination.target else { continue }
            references.append(
                LinkReference(target: target, anchor: destination.anchor, line: line, written: written))
            node.url = url(target) + (destination.anchor.map { "#" + $0 } ?? "")
        }
        return (references, destinations)
    }

    /// An internal destination as written on a page in `folder`, split and resolved.
    static func destination(_ written: String, folder: String) -> Destination {
        let (path, anchor) = split(written)
        return Destination(path: path, anchor: anchor, target: resolve(path, from: folder))
    }

    static func isExternal(_ url: String) -> Bool {
        let bytes = url.utf8
        if bytes.starts(with: "//".utf8) { return true }
        // A scheme: letters, digits, `+`, `-` and `.` before the first `:` (which a `/` may not precede).
        var sawScheme = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: ":"): return sawScheme
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                sawScheme = true
            default:
                // Any other character before a colon: no scheme. Non-ASCII letters count as
                // letters, as `Character.isLetter` had them.
                if byte >= 0x80 {
                    return isExternalByCharacters(url)
                }
                return false
            }
        }
        return false
    }

    /// ``isExternal(_:)`` for destinations with non-ASCII text before their first `:`.
    private static func isExternalByCharacters(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// A destination's path and anchor, percent-decoded; the query is dropped.
    static func split(_ url: String) -> (path: String, anchor: String?) {
        let bytes = url.utf8
        var anchor: String?
        var end = bytes.endIndex
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            anchor = decoded(String(url[bytes.index(after: hash)...]))
            end = hash
        }
        if let question = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) { end = question }
        let rest = end == bytes.endIndex ? url : String(url[..<end])
        return (decoded(rest) ?? rest, anchor)
    }

    /// Percent-decoded text; Foundation is asked only when there is a `%` (it is slow on Linux).
    private static func decoded(_ text: String) -> String? {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : text
    }

    /// `path` relative to `folder` (or to the locale root when it starts with `/`), normalized;
    /// nil when it climbs out of the root. On bytes: this ran for every link twice a page.
    static func resolve(_ path: String, from folder: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(folder.utf8.count + path.utf8.count + 1)
        // Where each part of `bytes` starts (its `/` before it, for all but the first).
        var starts: [Int] = []
        func add(_ part: Substring.UTF8View) -> Bool {
            if part.elementsEqual(".".utf8) { return true }
            if part.elementsEqual("..".utf8) {
                guard let start = starts.popLast() else { return false }
                bytes.removeSubrange(start...)
                return true
            }
            starts.append(bytes.count)
            if !bytes.isEmpty { bytes.append(UInt8(ascii: "/")) }
            bytes.append(contentsOf: part)
            return true
        }
        if !path.utf8.starts(with: "/".utf8) {
            for part in Substring(folder).utf8.split(separator: UInt8(ascii: "/")) where !add(part) { return nil }
        }
        for part in Substring(path).utf8.split(separator: UInt8(ascii: "/")) where !add(part) { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
