import Foundation

/// Edits of a hand-written YAML file made on its text, line by line, so every byte outside the
/// edited lines stays as the author wrote it: comments, blank lines, key order, quoting and flow
/// or block style. (Parsing the file and writing it back through a serializer would lose all of
/// that.) The same edits give a unified diff of the change.
///
/// ```swift
/// let text = YAMLText("a: 1\n# keep me\nb: 2\n")
/// let edit = YAMLTextEdit(line: 3, count: 1, replacement: ["b: 3"])
/// text.applying([edit])                                  // "a: 1\n# keep me\nb: 3\n"
/// text.unifiedDiff([edit], oldName: "f.yaml", newName: "f.yaml")
/// ```
public struct YAMLTextEdit: Sendable, Equatable {
    /// The first line replaced, 1-based; for an insertion, the line the new lines go before (one
    /// past the last line to append).
    public var line: Int
    /// How many lines are replaced; 0 for an insertion.
    public var count: Int
    /// The lines that take their place, without line breaks.
    public var replacement: [String]

    /// Creates an edit.
    public init(line: Int, count: Int, replacement: [String]) {
        self.line = line
        self.count = count
        self.replacement = replacement
    }
}

/// A text split into lines, to apply ``YAMLTextEdit``s to and show them as a diff.
public struct YAMLText: Sendable {
    /// The lines, without their `\n` (a `\r` of CRLF text stays on its line).
    public let lines: [String]
    /// Whether the text ends with a line break.
    public let endsWithNewline: Bool

    /// Splits a text into lines.
    public init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        self.lines = lines
    }

    /// The line ending new lines should get: `\r` when the text's lines end in CRLF.
    public var carriageReturn: String { lines.first?.hasSuffix("\r") == true ? "\r" : "" }

    /// The 1-based line, or nil past the end.
    public func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The last line of the value of the top-level key on line `keyLine`: the lines up to the next
    /// of `keyLines` (or the end of the text), less the blank lines and the comments at the start
    /// of a line right above that next key, which belong to it.
    public func lastLine(ofKeyAt keyLine: Int, keyLines: [Int]) -> Int {
        var last = (keyLines.filter { $0 > keyLine }.min() ?? lines.count + 1) - 1
        while last > keyLine, let line = line(last),
            line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || line.hasPrefix("#")
        {
            last -= 1
        }
        return last
    }

    /// The text with the edits made; edits must not overlap, and insertions at one line go in
    /// the order given.
    public func applying(_ edits: [YAMLTextEdit]) -> String {
        var result: [String] = []
        var next = 0
        for edit in Self.ordered(edits) {
            let start = edit.line - 1
            precondition(start >= next && start + edit.count <= lines.count, "overlapping or out-of-range edit")
            result += lines[next..<start]
            result += edit.replacement
            next = start + edit.count
        }
        result += lines[next...]
        return result.joined(separator: "\n") + (endsWithNewline && !result.isEmpty ? "\n" : "")
    }

    /// The edits as a unified diff (`---`/`+++` headers, `@@` hunks with `context` lines around
    /// each change); empty when there are no edits.
    public func unifiedDiff(_ edits: [YAMLTextEdit], oldName: String, newName: String, context: Int = 3) -> String {
        let edits = Self.ordered(edits.filter { $0.count > 0 || !$0.replacement.isEmpty })
        guard !edits.isEmpty else { return "" }
        // Edits whose context windows touch share a hunk.
        var groups: [[YAMLTextEdit]] = []
        for edit in edits {
            if let last = groups.last?.last, edit.line - (last.line + last.count) <= 2 * context {
                groups[groups.count - 1].append(edit)
            } else {
                groups.append([edit])
            }
        }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var shift = 0
        for group in groups {
            let start = max(0, group[0].line - 1 - context)
            let last = group[group.count - 1]
            let end = min(lines.count, last.line - 1 + last.count + context)
            let oldLength = end - start
            let delta = group.reduce(0) { $0 + $1.replacement.count - $1.count }
            let newLength = oldLength + delta
            func range(_ from: Int, _ length: Int) -> String { "\(length == 0 ? from : from + 1),\(length)" }
            out += "@@ -\(range(start, oldLength)) +\(range(start + shift, newLength)) @@\n"
            var index = start
            var pending = group[...]
            while index < end || !pending.isEmpty {
                if let edit = pending.first, edit.line - 1 == index {
                    pending.removeFirst()
                    for removed in lines[index..<(index + edit.count)] { out += "-" + Self.shown(removed) + "\n" }
                    for added in edit.replacement { out += "+" + Self.shown(added) + "\n" }
                    index += edit.count
                    continue
                }
                guard index < end else { break }
                out += " " + Self.shown(lines[index]) + "\n"
                index += 1
            }
            shift += delta
        }
        return out
    }

    /// Edits in the order of the text; insertions at one line keep the order they were given in.
    static func ordered(_ edits: [YAMLTextEdit]) -> [YAMLTextEdit] {
        edits.enumerated().sorted {
            ($0.element.line, $0.element.count, $0.offset) < ($1.element.line, $1.element.count, $1.offset)
        }
        .map(\.element)
    }

    private static func shown(_ line: String) -> String {
        line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}

/// Reading and writing single YAML scalars in a line of text.
public enum YAMLScalarText {
    /// `text` as a YAML scalar that reads back as exactly `text`: plain where that is certain (a
    /// letter first, then letters, digits, spaces and `. _ - / ( ) + @ ~ %`, a `:` only inside a
    /// word as in a URL, and no word YAML reads as true, false or null), double-quoted with
    /// escapes otherwise.
    public static func literal(_ text: String) -> String {
        let plainCharacters = Set(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._-/()+@~%:".unicodeScalars)
        let keywords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
        let scalars = Array(text.unicodeScalars)
        let colonsInsideWords = scalars.indices.allSatisfy { index in
            scalars[index] != ":"
                || (index + 1 < scalars.count && !" ,[]{}:".unicodeScalars.contains(scalars[index + 1]))
        }
        if let first = scalars.first, first.properties.isAlphabetic, first.isASCII,
            scalars.allSatisfy(plainCharacters.contains), colonsInsideWords, !text.hasSuffix(" "),
            !keywords.contains(text.lowercased())
        {
            return text
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F || value == 0x85 || value == 0x2028 || value == 0x2029
                    || value == 0xFEFF
                {
                    quoted +=
                        "\\u" + String(repeating: "0", count: 4 - String(value, radix: 16).count)
                        + String(value, radix: 16, uppercase: true)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    /// Whether the value that starts at a 1-based column of a line is a flow collection (`[…]` or
    /// `{…}`). (Yams does not keep a collection's style when it composes a document.)
    public static func isFlow(in line: String, column: Int) -> Bool {
        let scalars = line.unicodeScalars
        guard column >= 1, column <= scalars.count else { return false }
        let scalar = scalars[scalars.index(scalars.startIndex, offsetBy: column - 1)]
        return scalar == "[" || scalar == "{"
    }

    /// The extent of the scalar or flow collection that starts at a 1-based column (counted in
    /// Unicode scalars, as libyaml counts) of a line: a quoted scalar to its closing quote, a
    /// `[…]` or `{…}` to its closing bracket, a plain scalar to the end of the line or a ` #`
    /// comment (inside a flow collection also to `,`, `]` or `}`), without trailing spaces.
    ///
    /// - Returns: nil when the value does not end on the line (a multi-line value).
    public static func extent(in line: String, column: Int, inFlow: Bool = false) -> Range<String.Index>? {
        let scalars = line.unicodeScalars
        guard column >= 1, column <= scalars.count else { return nil }
        let start = scalars.index(scalars.startIndex, offsetBy: column - 1)
        var index = start
        func advance() { index = scalars.index(after: index) }
        switch scalars[start] {
        case "\"":
            advance()
            while index < scalars.endIndex {
                if scalars[index] == "\\" {
                    advance()
                    if index < scalars.endIndex { advance() }
                    continue
                }
                if scalars[index] == "\"" { return start..<scalars.index(after: index) }
                advance()
            }
            return nil
        case "'":
            advance()
            while index < scalars.endIndex {
                if scalars[index] == "'" {
                    let next = scalars.index(after: index)
                    if next < scalars.endIndex, scalars[next] == "'" {
                        index = scalars.index(after: next)
                        continue
                    }
                    return start..<next
                }
                advance()
            }
            return nil
        case "[", "{":
            var depth = 0
            while index < scalars.endIndex {
                switch scalars[index] {
                case "[", "{": depth += 1
                case "]", "}":
                    depth -= 1
                    if depth == 0 { return start..<scalars.index(after: index) }
                case "\"", "'":
                    let column = scalars.distance(from: scalars.startIndex, to: index) + 1
                    guard let quoted = extent(in: line, column: column) else { return nil }
                    index = quoted.upperBound
                    continue
                case "#" where index > scalars.startIndex && scalars[scalars.index(before: index)] == " ":
                    return nil
                default: break
                }
                advance()
            }
            return nil
        default:
            var end = index
            while index < scalars.endIndex {
                let scalar = scalars[index]
                if scalar == "#", index > start, scalars[scalars.index(before: index)] == " " { break }
                if inFlow, scalar == "," || scalar == "]" || scalar == "}" { break }
                advance()
                if scalar != " " && scalar != "\t" && scalar != "\r" { end = index }
            }
            return start..<end
        }
    }
}
