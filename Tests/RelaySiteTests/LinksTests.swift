import Foundation
import Testing

@testable import RelaySite

/// The link helpers work on bytes; these compare them with the plain `String` versions they
/// replaced, on hand-picked destinations and on many made from a small alphabet.
@Suite("Link destinations")
struct LinksTests {
    /// The `String` version of `Links.resolve` that the byte version replaced.
    static func referenceResolve(_ path: String, from folder: String) -> String? {
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

    /// The `String` version of `Links.isExternal`.
    static func referenceIsExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && !url[..<colon].contains("/")
    }

    @Test(
        "resolving a path against a folder",
        arguments: [
            ("b.md", "guide", "guide/b.md"), ("../b.md", "guide/deep", "guide/b.md"), ("./b.md", "", "b.md"),
            ("/b.md", "guide", "b.md"), ("../../b.md", "guide", nil), ("a//b.md", "x", "x/a/b.md"),
            ("..", "guide", ""), ("", "guide/deep", "guide/deep"), ("文档/页.md", "中文", "中文/文档/页.md"),
        ] as [(String, String, String?)])
    func resolving(path: String, folder: String, expected: String?) {
        #expect(Links.resolve(path, from: folder) == expected)
        #expect(Links.resolve(path, from: folder) == Self.referenceResolve(path, from: folder))
    }

    @Test("the byte version resolves as the String version did, on every path of a small alphabet")
    func resolvingAgreesWithTheReference() {
        let parts = ["a", "..", ".", "", "b.md", "é"]
        var paths: [String] = []
        for first in parts {
            for second in parts {
                for third in parts { paths.append([first, second, third].joined(separator: "/")) }
            }
        }
        for path in paths + paths.map({ "/" + $0 }) {
            for folder in ["", "guide", "guide/deep"] {
                #expect(Links.resolve(path, from: folder) == Self.referenceResolve(path, from: folder), "\(path)")
            }
        }
    }

    @Test(
        "external destinations: a scheme, or a network path",
        arguments: [
            "https://example.com", "mailto:a@b.c", "//cdn.example.com/x.js", "tel:+1", "a+b-c.d:x", "é:x",
            "guide/a.md", "a/b:c", ":x", "#top", "../a.md#x:y", "", "ünï:code", "a b:c",
        ])
    func external(url: String) {
        #expect(Links.isExternal(url) == Self.referenceIsExternal(url), "\(url)")
    }

    @Test("a destination's path and anchor, percent-decoded, without its query")
    func splitting() {
        #expect(Links.split("a.md#x") == ("a.md", "x"))
        #expect(Links.split("a.md?v=1#x") == ("a.md", "x"))
        #expect(Links.split("#only") == ("", "only"))
        #expect(Links.split("a%20b.md#%C3%A9") == ("a b.md", "é"))
        #expect(Links.split("页.md?q#锚") == ("页.md", "锚"))
        #expect(Links.split("a.md") == ("a.md", nil))
    }
}
