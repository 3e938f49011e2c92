import Foundation
import Yams

/// Reads one YAML file into typed values, collecting every problem with its line instead of
/// stopping at the first, so a user fixes a file in one pass.
///
/// ```swift
/// var reader = YAMLReader(path: "templates/snippets/languages/python/language.yaml")
/// guard let root = reader.compose(text, emptyMessage: "empty"), var fields = reader.mapping(root, what: "a language", allowed: ["name"])
/// else { throw reader.error }
/// let name = fields.string("name")
/// reader.collect(fields)
/// ```
public struct YAMLReader: Sendable {
    /// The file as diagnostics name it.
    public let path: String
    /// Every problem found so far, in the order found.
    public var diagnostics: [YAMLDiagnostic] = []

    /// A reader for the file at `path` (as the user named it).
    public init(path: String) { self.path = path }

    /// The problems so far, sorted by their place in the file.
    public var error: YAMLFileError {
        YAMLFileError(diagnostics: diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    /// Parses the text into a node tree; a syntax error is reported and gives nil, as does an empty file.
    public mutating func compose(_ text: String, emptyMessage: String) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text, .default, .default, .utf8) else {
                report(emptyMessage, line: 0, column: 0)
                return nil
            }
            return root
        } catch {
            let problem = YAMLProblem(error)
            report("invalid YAML: \(problem.message)", line: problem.line, column: problem.column)
            return nil
        }
    }

    /// Records a problem at a node (or at the whole file when nil).
    public mutating func report(_ message: String, at node: Node?) {
        let mark = node?.mark
        report(message, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    /// Records a problem at a line and column.
    public mutating func report(_ message: String, line: Int, column: Int) {
        diagnostics.append(YAMLDiagnostic(path: path, line: line, column: column, message: message))
    }

    /// The keys of a mapping, checked against the allowed ones (unknown and repeated keys are
    /// reported); nil, with a report, when the node is not a mapping.
    public mutating func mapping(_ node: Node, what: String, allowed: [String]) -> YAMLFields? {
        guard let mapping = node.mapping else {
            report("\(what) must be a mapping with the keys \(Self.list(allowed))", at: node)
            return nil
        }
        var fields = YAMLFields(path: path, owner: node, what: what)
        for (key, value) in mapping {
            guard let name = key.string, allowed.contains(name) else {
                fields.report(
                    "unknown key \((key.string ?? "?").debugDescription) in \(what); expected \(Self.list(allowed))",
                    at: key)
                continue
            }
            if fields.values[name] != nil {
                fields.report("key \(name.debugDescription) appears twice in \(what)", at: key)
                continue
            }
            fields.values[name] = value
            fields.order.append(name)
        }
        return fields
    }

    /// Takes the problems a ``YAMLFields`` found.
    public mutating func collect(_ fields: YAMLFields) {
        diagnostics += fields.diagnostics
    }

    /// Reads a list of mappings that each have an `id`, reporting items that are not valid and
    /// ids that repeat.
    ///
    /// - Returns: the valid items, and the ids of all items, valid or not, so that a reference to
    ///   an item with a problem of its own is not reported a second time as unknown.
    public mutating func readList<Item: YAMLIdentified>(
        _ node: Node?, what: String, item read: (inout YAMLReader, Node) -> Item?
    ) -> YAMLSection<Item> {
        var section = YAMLSection<Item>()
        guard let node else { return section }
        guard node.sequence != nil else {
            report("\(what) must be a list", at: node)
            return section
        }
        var lines: [String: Int] = [:]
        for child in node.array() {
            if let idNode = child.mapping?["id"], let id = idNode.string {
                if let line = lines[id] {
                    report(
                        "duplicate id \(id.debugDescription) in \(what); it is already used on line \(line)", at: idNode
                    )
                    continue
                }
                lines[id] = idNode.mark?.line ?? 0
                section.declaredIDs.insert(id)
            }
            if let item = read(&self, child) { section.items.append(item) }
        }
        return section
    }

    /// `a, b, c`, or `(none)`.
    public static func list(_ names: [String]) -> String {
        names.isEmpty ? "(none)" : names.joined(separator: ", ")
    }
}

/// Something read from a list that other parts refer to by id.
public protocol YAMLIdentified { var id: String { get } }

/// The items of one list section.
public struct YAMLSection<Item: YAMLIdentified> {
    /// The items without problems, in file order.
    public var items: [Item] = []
    /// The ids of every item, with or without problems.
    public var declaredIDs: Set<String> = []

    /// An empty section.
    public init() {}

    /// The ids of the items without problems.
    public var ids: [String] { items.map(\.id) }
    /// The item with that id, if it has no problems.
    public func item(id: String) -> Item? { items.first { $0.id == id } }
}

/// The fields of one mapping, read by name with type checks; each problem is recorded with its line.
public struct YAMLFields {
    public let path: String
    /// The mapping itself, where problems that concern it as a whole are reported.
    public let owner: Node
    /// What the mapping is, for messages: "a provider".
    public let what: String
    /// The value of each key.
    public var values: [String: Node] = [:]
    /// The keys in file order.
    public var order: [String] = []
    /// The problems found so far.
    public var diagnostics: [YAMLDiagnostic] = []

    init(path: String, owner: Node, what: String) {
        self.path = path
        self.owner = owner
        self.what = what
    }

    /// Records a problem at a node (or at the mapping when nil).
    public mutating func report(_ message: String, at node: Node?) {
        let mark = (node ?? owner).mark
        diagnostics.append(
            YAMLDiagnostic(path: path, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
    }

    /// The value of a key, if present.
    public func node(_ name: String) -> Node? { values[name] }

    /// The value of a key; reports its absence.
    public mutating func require(_ name: String) -> Node? {
        guard let node = values[name] else {
            report("\(what) has no \(name.debugDescription)", at: owner)
            return nil
        }
        return node
    }

    /// A text value (required unless told otherwise; a required text must not be blank).
    public mutating func string(_ name: String, required: Bool = true) -> String? {
        guard let node = required ? require(name) : values[name] else { return nil }
        guard node.scalar != nil, let text = node.string else {
            report("\(name) in \(what) must be text", at: node)
            return nil
        }
        if required, text.trimmingCharacters(in: .whitespaces).isEmpty {
            report("\(name) in \(what) is empty", at: node)
            return nil
        }
        return text
    }

    /// An id: lowercase letters, digits, dots and dashes, starting with a letter or digit.
    public mutating func identifier(_ name: String, required: Bool = true) -> String? {
        guard let text = string(name, required: required) else { return nil }
        guard Self.isIdentifier(text) else {
            report(
                "\(name) \(text.debugDescription) in \(what) must be lowercase letters, digits, dots and dashes",
                at: values[name])
            return nil
        }
        return text
    }

    /// Whether text is an id: lowercase letters, digits, dots and dashes, starting with a letter or digit.
    public static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first)
        else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
        }
    }

    /// `true` or `false` (absent: `default`).
    public mutating func bool(_ name: String, default defaultValue: Bool) -> Bool {
        guard let node = values[name] else { return defaultValue }
        guard node.scalar != nil, let value = node.bool else {
            report("\(name) in \(what) must be true or false", at: node)
            return defaultValue
        }
        return value
    }

    /// An integer in a range (absent: nil, or a report when required).
    public mutating func int(_ name: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let node = required ? require(name) : values[name] else { return nil }
        guard node.scalar != nil, let value = node.int, range.contains(value) else {
            report(
                "\(name) in \(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: node)
            return nil
        }
        return value
    }

    /// A list of texts, such as `[python, comment]` (absent: nil, or a report when required).
    public mutating func stringList(_ name: String, required: Bool = false) -> [String]? {
        guard let node = required ? require(name) : values[name] else { return nil }
        guard node.sequence != nil else {
            report("\(name) in \(what) must be a list of texts, such as [a, b]", at: node)
            return nil
        }
        var items: [String] = []
        for item in node.array() {
            guard item.scalar != nil, let text = item.string else {
                report("each item of \(name) in \(what) must be text", at: item)
                return nil
            }
            items.append(text)
        }
        return items
    }

    /// A mapping from text to text, in file order (absent: nil, or a report when required).
    public mutating func stringMap(_ name: String, required: Bool = false) -> [(key: String, value: String)]? {
        guard let node = required ? require(name) : values[name] else { return nil }
        guard let mapping = node.mapping else {
            report("\(name) in \(what) must be a mapping from text to text", at: node)
            return nil
        }
        var pairs: [(key: String, value: String)] = []
        for (key, value) in mapping {
            guard let keyText = key.string, value.scalar != nil, let valueText = value.string else {
                report("\(name) in \(what) must map each key to text", at: value)
                return nil
            }
            pairs.append((keyText, valueText))
        }
        return pairs
    }

    /// Text that is either one string (English) or a mapping from locale to string, in file order.
    public mutating func localizedText(_ name: String, required: Bool = false) -> [(locale: String, text: String)]? {
        guard let node = required ? require(name) : values[name] else { return nil }
        if node.scalar != nil, let text = node.string { return [(locale: "en", text: text)] }
        guard let mapping = node.mapping else {
            report(
                "\(name) in \(what) must be text or a mapping from locale to text, such as { zh: …, en: … }", at: node)
            return nil
        }
        var translations: [(locale: String, text: String)] = []
        for (key, value) in mapping {
            guard let locale = key.string, let text = value.string, value.scalar != nil else {
                report("\(name) in \(what) must map each locale to text", at: value)
                continue
            }
            translations.append((locale: locale, text: text))
        }
        return translations
    }
}
