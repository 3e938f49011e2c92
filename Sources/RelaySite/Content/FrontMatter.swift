import Foundation
import RelayCatalog
import RelayYAML
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
        split(text, file: file, simpleFirst: true)
    }

    /// - Parameter simpleFirst: read front matter of plain `key: value` lines without Yams (a
    ///   YAML parser per page was 6 % of a build); anything else goes to Yams.
    static func split(_ text: String, file: String, simpleFirst: Bool) -> (FrontMatter, body: String, [SiteDiagnostic])
    {
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
        if simpleFirst, let fields = SimpleYAML.fields(yaml) {
            var matter = FrontMatter()
            var diagnostics: [SiteDiagnostic] = []
            for field in fields {
                matter.take(key: field.key, line: field.line + 1, file: file, diagnostics: &diagnostics) {
                    switch $0 {
                    case .string: field.value
                    case .int: SimpleYAML.int(field.value)
                    }
                }
            }
            return (matter, body, diagnostics)
        }
        var diagnostics: [SiteDiagnostic] = []
        var matter = FrontMatter()
        let node: Node?
        do {
            // The encoding given: Yams' default reads the whole environment on every call.
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch {
            let problem = YAMLProblem(error)
            let line = problem.line
            return (
                matter, body,
                [
                    SiteDiagnostic(
                        file: file, line: line > 0 ? line + 1 : 1,
                        message: "invalid front matter: \(problem.message)")
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
            matter.take(key: key.string ?? "", line: line(key), file: file, diagnostics: &diagnostics) {
                switch $0 {
                case .string: value.string
                case .int: value.int
                }
            }
        }
        return (matter, body, diagnostics)
    }
}

extension FrontMatter {
    enum ValueKind { case string, int }

    /// Takes one key of the front matter; `value` reads the key's value as a string or a number.
    fileprivate mutating func take(
        key name: String, line: Int, file: String, diagnostics: inout [SiteDiagnostic],
        value: (ValueKind) -> Any?
    ) {
        switch name {
        case "title": title = value(.string) as? String
        case "description": description = value(.string) as? String
        case "nav": navTitle = value(.string) as? String
        case "order", "weight":
            // `weight` is Hugo's name for the same thing; `order` wins when both are given.
            if name == "weight", order != nil { return }
            if let number = value(.int) as? Int {
                order = number
            } else {
                diagnostics.append(SiteDiagnostic(file: file, line: line, message: "order must be a whole number"))
            }
        default:
            // Other keys are allowed (layouts and tools may use them), but not a misspelled known one.
            if let near = Self.keys.first(where: { $0 != name && $0.lowercased() == name.lowercased() }) {
                diagnostics.append(
                    SiteDiagnostic(
                        file: file, line: line, message: "unknown key \(name.debugDescription); did you mean \(near)?"))
            }
        }
    }
}

/// Front matter made only of `key: value` lines with plain or quoted one-line values, read
/// without a YAML parser. Anything else (nesting, lists, anchors, escapes, comments after a value,
/// duplicate keys, numbers other than plain integers) answers nil, and Yams reads it.
enum SimpleYAML {
    struct Field {
        var key: String
        var value: String
        /// 1-based, within the YAML text.
        var line: Int
    }

    static func fields(_ yaml: String) -> [Field]? {
        var fields: [Field] = []
        var keys: Set<String> = []
        var lineNumber = 0
        for rawLine in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Array(rawLine)
            if line.isEmpty || line.allSatisfy({ $0 == 32 }) { continue }
            if line[0] == UInt8(ascii: "#") { continue }  // a comment line
            if line.contains(9) { return nil }  // tabs: leave them to Yams
            // key: letters, digits, `_` and `-`, starting with a letter or `_`
            guard isKeyStart(line[0]) else { return nil }
            var index = 1
            while index < line.count, isKeyByte(line[index]) { index += 1 }
            guard index + 1 < line.count, line[index] == UInt8(ascii: ":"), line[index + 1] == 32 else { return nil }
            let key = String(decoding: line[0..<index], as: UTF8.self)
            guard keys.insert(key).inserted else { return nil }  // Yams reports duplicates
            var start = index + 2
            while start < line.count, line[start] == 32 { start += 1 }
            var end = line.count
            while end > start, line[end - 1] == 32 { end -= 1 }
            guard start < end, let value = scalar(line[start..<end]) else { return nil }
            // Numbers: only a plain decimal integer; YAML reads 0x1F, 1_000, 007 or "5" its own way.
            if key == "order" || key == "weight" {
                guard line[start] != UInt8(ascii: "\""), line[start] != UInt8(ascii: "'"), int(value) != nil else {
                    return nil
                }
            }
            fields.append(Field(key: key, value: value, line: lineNumber))
        }
        return fields
    }

    /// A one-line value: `"…"` without `"` or `\\` inside, `'…'` without `'` inside, or a plain
    /// scalar that starts with no YAML indicator and holds no `: ` or ` #`.
    private static func scalar(_ bytes: ArraySlice<UInt8>) -> String? {
        let first = bytes.first!
        let last = bytes.last!
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard bytes.count >= 2, last == first else { return nil }
            let inner = bytes.dropFirst().dropLast()
            guard !inner.contains(first), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return String(decoding: inner, as: UTF8.self)
        }
        guard !"-?:,[]{}#&*!|>%@`".utf8.contains(first), last != UInt8(ascii: ":") else { return nil }
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: ":") && byte == 32 { return nil }
            if previous == 32 && byte == UInt8(ascii: "#") { return nil }
            previous = byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A plain decimal integer (`0`, `42`, `-7`); nil for anything YAML might read otherwise.
    static func int(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 18, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            digits == "0" || !digits.hasPrefix("0")
        else { return nil }
        return Int(text)
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-")
    }
}
