import Foundation
import Yams

/// The YAML between `---` lines at the top of a page.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var description: String?
    /// Where the page sits among its siblings in the sidebar (lower first).
    public var order: Int?
    /// A shorter title for the sidebar.
    public var navTitle: String?

    public init(title: String? = nil, description: String? = nil, order: Int? = nil, navTitle: String? = nil) {
        self.title = title
        self.description = description
        self.order = order
        self.navTitle = navTitle
    }

    static let keys = ["title", "description", "order", "nav"]

    /// Splits a page into front matter and body. The body keeps its line numbers: the front
    /// matter lines are replaced by empty lines, so libcmark's lines are the file's lines.
    public static func split(_ text: String, file: String) -> (FrontMatter, body: String, [SiteDiagnostic]) {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return (FrontMatter(), text, []) }
        // Find the closing line at the byte level; only the front matter is copied.
        let bytes = Array(text.utf8)
        var lineStart = 4
        var closing: (start: Int, end: Int, lines: Int)?
        var lineCount = 1
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            lineCount += 1
            // `---` with only spaces, tabs or a carriage return around it closes the front matter.
            let line = bytes[lineStart..<lineEnd].filter { $0 != 32 && $0 != 9 && $0 != 13 }
            if line.elementsEqual("---".utf8) {
                closing = (lineStart, lineEnd, lineCount)
                break
            }
            lineStart = lineEnd + 1
        }
        guard let closing else {
            return (
                FrontMatter(), text,
                [SiteDiagnostic(file: file, line: 1, message: "front matter is not closed by a --- line")]
            )
        }
        let yaml = String(decoding: bytes[4..<closing.start], as: UTF8.self)
        // The body keeps its line numbers: one empty line per front matter line.
        let body =
            String(repeating: "\n", count: closing.lines - 1)
            + String(decoding: bytes[min(closing.end, bytes.count)...], as: UTF8.self)
        var diagnostics: [SiteDiagnostic] = []
        var matter = FrontMatter()
        let node: Node?
        do {
            // The encoding given: Yams' default reads the whole environment on every call.
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch {
            let line = SiteConfiguration.line(of: error)
            return (
                matter, body,
                [
                    SiteDiagnostic(
                        file: file, line: line > 0 ? line + 1 : 1,
                        message: "invalid front matter: \(SiteConfiguration.problem(of: error))")
                ]
            )
        }
        guard let node else { return (matter, body, []) }
        guard let mapping = node.mapping else {
            return (
                matter, body,
                [SiteDiagnostic(file: file, line: 2, message: "front matter must be a mapping such as title: …")]
            )
        }
        func line(_ node: Node) -> Int { (node.mark?.line ?? 0) + 1 }
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "title": matter.title = value.string
            case "description": matter.description = value.string
            case "nav": matter.navTitle = value.string
            case "order", "weight":
                // `weight` is Hugo's name for the same thing; `order` wins when both are given.
                if key.string == "weight", matter.order != nil { continue }
                if let order = value.int {
                    matter.order = order
                } else {
                    diagnostics.append(
                        SiteDiagnostic(file: file, line: line(value), message: "order must be a whole number"))
                }
            default:
                // Other keys are allowed (layouts and tools may use them), but not a misspelled known one.
                let name = key.string ?? ""
                if let near = keys.first(where: { $0 != name && $0.lowercased() == name.lowercased() }) {
                    diagnostics.append(
                        SiteDiagnostic(
                            file: file, line: line(key),
                            message: "unknown key \(name.debugDescription); did you mean \(near)?"))
                }
            }
        }
        return (matter, body, diagnostics)
    }
}
