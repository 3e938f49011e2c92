/// Compiles Mustache text into nodes: tags are found, standalone lines removed (spec), names
/// split, and sections nested.
struct TemplateParser {
    /// What a tag is, from the character after its opening delimiter.
    enum TagKind: Equatable {
        /// `{{name}}`
        case escapedVariable
        /// `{{{name}}}` and `{{& name}}`
        case rawVariable
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case invertedSection
        /// `{{/name}}`
        case close
        /// `{{! … }}`
        case comment
        /// `{{> name}}`
        case partial
        /// `{{=<% %>=}}`
        case setDelimiters

        /// Tags that may stand alone on a line, which is then removed.
        var canStandAlone: Bool {
            switch self {
            case .escapedVariable, .rawVariable: false
            case .section, .invertedSection, .close, .comment, .partial, .setDelimiters: true
            }
        }
    }

    /// A tag as found in the text.
    struct Tag {
        var kind: TagKind
        /// The tag's content without its sigil and surrounding whitespace.
        var content: String
        /// UTF-8 offset of the opening delimiter.
        var start: Int
        /// The delimiters in force for the tag, for messages.
        var open: String
        var close: String

        /// The tag as it would be written, e.g. `{{#page}}`, for messages.
        var written: String {
            let sigil =
                switch kind {
                case .section: "#"
                case .invertedSection: "^"
                case .close: "/"
                case .partial: "> "
                case .rawVariable: "&"
                case .escapedVariable, .comment, .setDelimiters: ""
                }
            return open + sigil + content + close
        }
    }

    enum Token {
        case text(start: Int, end: Int)
        case tag(Tag)
    }

    /// An open section while nodes are being built.
    struct OpenSection {
        var tag: Tag
        var name: TemplateName
        var nodes: [TemplateNode]
    }

    let bytes: [UInt8]
    let templateName: String
    let escaping: TemplateLibrary.Escaping

    init(_ text: String, name: String, escaping: TemplateLibrary.Escaping) {
        self.bytes = Array(text.utf8)
        self.templateName = name
        self.escaping = escaping
    }

    // MARK: Compiling

    /// The template's nodes, or its first syntax error.
    func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        let tokens = try scan()
        // Standalone lines are decided on the text as written, then trimmed.
        var ranges: [(start: Int, end: Int)] = tokens.map { token in
            if case .text(let start, let end) = token { (start, end) } else { (0, 0) }
        }
        var standalone = [Bool](repeating: false, count: tokens.count)
        var indentations = [String](repeating: "", count: tokens.count)
        for index in tokens.indices {
            guard case .tag(let tag) = tokens[index], tag.kind.canStandAlone,
                let before = lineBefore(tokens, index), let after = lineAfter(tokens, index)
            else { continue }
            standalone[index] = true
            if index > 0 {
                ranges[index - 1].end = before
                if tag.kind == .partial {
                    indentations[index] = String(decoding: bytes[before..<tagStart(tokens[index])], as: UTF8.self)
                }
            } else if tag.kind == .partial {
                indentations[index] = ""
            }
            if index + 1 < tokens.count {
                ranges[index + 1].start = after
            }
        }

        var open: [OpenSection] = []
        var nodes: [TemplateNode] = []
        for index in tokens.indices {
            switch tokens[index] {
            case .text:
                let (start, end) = ranges[index]
                guard start < end else { continue }
                appendText(start, end, to: &nodes)
            case .tag(let tag):
                if !standalone[index], tag.start == 0 || bytes[tag.start - 1] == UInt8(ascii: "\n") {
                    nodes.append(.lineStart)
                }
                switch tag.kind {
                case .escapedVariable, .rawVariable:
                    let name = try parseName(tag)
                    nodes.append(.variable(name, escaped: tag.kind == .escapedVariable && escaping == .html))
                case .section, .invertedSection:
                    let name = try parseName(tag)
                    open.append(OpenSection(tag: tag, name: name, nodes: nodes))
                    nodes = []
                case .close:
                    guard let section = open.last, section.tag.content == tag.content else {
                        throw misplacedClose(tag, open: open)
                    }
                    open.removeLast()
                    let body = nodes
                    nodes = section.nodes
                    nodes.append(.section(section.name, body: body, inverted: section.tag.kind == .invertedSection))
                case .partial:
                    try checkPartialName(tag)
                    nodes.append(
                        .partial(
                            tag.content, indentation: indentations[index], standalone: standalone[index],
                            line: position(of: tag.start).line))
                case .comment, .setDelimiters:
                    break
                }
            }
        }
        if let section = open.last {
            throw error(at: section.tag.start, "section '\(section.tag.content)' is not closed")
        }
        return nodes
    }

    private func tagStart(_ token: Token) -> Int {
        if case .tag(let tag) = token { tag.start } else { 0 }
    }

    /// Where the line of a standalone tag begins (the end of the text kept before it), or nil when
    /// something else is on the line before the tag.
    private func lineBefore(_ tokens: [Token], _ index: Int) -> Int? {
        if index == 0 { return 0 }
        guard case .text(let start, let end) = tokens[index - 1] else { return nil }
        var cursor = end
        while cursor > start {
            let byte = bytes[cursor - 1]
            if byte == UInt8(ascii: "\n") { return cursor }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { return nil }
            cursor -= 1
        }
        // Only blanks back to the text's start: the line begins there only if the template does.
        return index - 1 == 0 ? start : nil
    }

    /// Where the text kept after a standalone tag begins (past its newline), or nil when
    /// something else is on the line after the tag.
    private func lineAfter(_ tokens: [Token], _ index: Int) -> Int? {
        if index + 1 == tokens.count { return bytes.count }
        guard case .text(let start, let end) = tokens[index + 1] else { return nil }
        var cursor = start
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\n") { return cursor + 1 }
            if byte == UInt8(ascii: "\r"), cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "\n") {
                return cursor + 2
            }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { return nil }
            cursor += 1
        }
        // Only blanks to the text's end: the line ends there only if the template does.
        return index + 1 == tokens.count - 1 ? end : nil
    }

    /// Appends text, joining it to text just before it (a removed comment or standalone line can
    /// leave two texts side by side).
    private func appendText(_ start: Int, _ end: Int, to nodes: inout [TemplateNode]) {
        var lineStarts: [Int] = []
        for offset in start..<end where offset == 0 || bytes[offset - 1] == UInt8(ascii: "\n") {
            lineStarts.append(offset - start)
        }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        if case .text(let previous, let previousStarts) = nodes.last {
            let shift = previous.utf8.count
            nodes[nodes.count - 1] = .text(
                previous + text, lineStarts: previousStarts + lineStarts.map { $0 + shift })
        } else {
            nodes.append(.text(text, lineStarts: lineStarts))
        }
    }

    private func misplacedClose(_ tag: Tag, open: [OpenSection]) -> TemplateSyntaxError {
        guard let innermost = open.last else {
            return error(at: tag.start, "'\(tag.written)' closes no open section")
        }
        if open.contains(where: { $0.tag.content == tag.content }) {
            return error(
                at: tag.start,
                "'\(tag.written)' closes '\(tag.content)' but '\(innermost.tag.written)' inside it is not closed")
        }
        return error(at: tag.start, "'\(tag.written)' closes no open section; '\(innermost.tag.written)' is open")
    }

    // MARK: Scanning

    /// Splits the text into literal text and tags, following set-delimiter tags.
    private func scan() throws(TemplateSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var textStart = 0
        var cursor = 0
        while let tagStart = find(open, from: cursor) {
            var contentStart = tagStart + open.count
            let sigil: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
            let openText = String(decoding: open, as: UTF8.self)
            let closeText = String(decoding: close, as: UTF8.self)
            let kind: TagKind
            var terminator = close
            switch sigil {
            case UInt8(ascii: "{"):
                kind = .rawVariable
                terminator = [UInt8(ascii: "}")] + close
            case UInt8(ascii: "&"): kind = .rawVariable
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .invertedSection
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "="):
                kind = .setDelimiters
                terminator = [UInt8(ascii: "=")] + close
            case UInt8(ascii: "%"):
                throw error(
                    at: tagStart, "pragmas are not supported; choose escaping when registering the template")
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw error(at: tagStart, "template inheritance ('\(openText)<' and '\(openText)$') is not supported")
            default: kind = .escapedVariable
            }
            if kind != .escapedVariable { contentStart += 1 }
            guard let contentEnd = find(terminator, from: contentStart) else {
                throw error(at: tagStart, "expected '\(String(decoding: terminator, as: UTF8.self))'")
            }
            let content = trimmed(contentStart, contentEnd)
            let tag = Tag(kind: kind, content: content, start: tagStart, open: openText, close: closeText)
            if textStart < tagStart {
                tokens.append(.text(start: textStart, end: tagStart))
            }
            tokens.append(.tag(tag))
            cursor = contentEnd + terminator.count
            textStart = cursor
            if kind == .setDelimiters {
                (open, close) = try delimiters(in: content, tag: tag)
            }
        }
        if textStart < bytes.count {
            tokens.append(.text(start: textStart, end: bytes.count))
        }
        return tokens
    }

    /// The offset of the first occurrence of `needle` at or after `start`.
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    private func trimmed(_ start: Int, _ end: Int) -> String {
        var start = start
        var end = end
        while start < end, Self.isWhitespace(bytes[start]) { start += 1 }
        while end > start, Self.isWhitespace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The two delimiters of `{{=<% %>=}}`.
    private func delimiters(in content: String, tag: Tag) throws(TemplateSyntaxError) -> ([UInt8], [UInt8]) {
        let parts = content.utf8.split(whereSeparator: Self.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw error(
                at: tag.start,
                "a set-delimiter tag takes two delimiters separated by a space, like '\(tag.open)=<% %>=\(tag.close)'")
        }
        return (Array(parts[0]), Array(parts[1]))
    }

    // MARK: Names

    /// Splits `page.title`, `.` or `f(g(x))` into a lookup and transforms.
    private func parseName(_ tag: Tag) throws(TemplateSyntaxError) -> TemplateName {
        let content = tag.content
        guard !content.isEmpty else { throw error(at: tag.start, "the tag has no name") }
        if let blank = content.firstIndex(where: { $0.isWhitespace }) {
            throw error(at: tag.start, "expected '\(tag.close)' after '\(content[..<blank])'")
        }
        var rest = Substring(content)
        var transforms: [String] = []
        while let parenthesis = rest.firstIndex(of: "(") {
            let transform = rest[..<parenthesis]
            guard !transform.isEmpty, !transform.contains(")"), !transform.contains(".") else {
                throw error(at: tag.start, "'\(content)' is not a valid transform call, like 'f(x)' or 'f(g(x))'")
            }
            transforms.append(String(transform))
            rest = rest[rest.index(after: parenthesis)...]
        }
        var closing = 0
        while rest.last == ")" {
            rest = rest.dropLast()
            closing += 1
        }
        if closing < transforms.count || rest.contains(")") {
            throw error(at: tag.start, "'\(content)' is missing ')'")
        }
        if closing > transforms.count {
            throw error(at: tag.start, "'\(content)' has an unmatched ')'")
        }
        if rest.isEmpty {
            throw error(at: tag.start, "'\(content)' has no name inside its parentheses")
        }
        let components: [String]
        if rest == "." {
            components = []
        } else {
            let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
            guard !parts.contains(where: \.isEmpty) else {
                throw error(at: tag.start, "'\(rest)' has an empty part between its dots")
            }
            components = parts.map(String.init)
        }
        return TemplateName(components: components, transforms: transforms.reversed())
    }

    private func checkPartialName(_ tag: Tag) throws(TemplateSyntaxError) {
        guard !tag.content.isEmpty else { throw error(at: tag.start, "the partial tag has no name") }
        if let blank = tag.content.firstIndex(where: { $0.isWhitespace }) {
            throw error(at: tag.start, "expected '\(tag.close)' after '\(tag.content[..<blank])'")
        }
        if tag.content.hasPrefix("*") {
            throw error(at: tag.start, "dynamic partial names ('\(tag.open)>*name\(tag.close)') are not supported")
        }
    }

    // MARK: Positions

    /// The 1-based line and column (in characters) of a UTF-8 offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }

    private func error(at offset: Int, _ message: String) -> TemplateSyntaxError {
        let (line, column) = position(of: offset)
        return TemplateSyntaxError(template: templateName, line: line, column: column, message: message)
    }
}
