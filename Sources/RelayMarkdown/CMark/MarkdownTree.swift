import CCMark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The only file that touches libcmark's C API: everything else works with `MarkdownTree`
// and `MarkdownNode`.

/// libcmark parse and render options.
public struct MarkdownOptions: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Record each block's start and end line and column.
    public static let sourcePositions = MarkdownOptions(rawValue: CMARK_OPT_SOURCEPOS)
    /// Let authors' raw HTML and dangerous URLs through (cmark's `--unsafe`).
    public static let unsafe = MarkdownOptions(rawValue: CMARK_OPT_UNSAFE)
    /// Replace invalid UTF-8 with U+FFFD.
    public static let validateUTF8 = MarkdownOptions(rawValue: CMARK_OPT_VALIDATE_UTF8)
}

/// A parsed Markdown document. It owns the cmark tree: its nodes live as long as it does.
public final class MarkdownTree {
    /// The document node.
    public let document: MarkdownNode

    /// Parses CommonMark text.
    public init(parsing text: String, options: MarkdownOptions = []) {
        // By length, not strlen: a NUL byte in the text must not end the document (cmark turns it
        // into U+FFFD, as CommonMark asks).
        var bytes = Array(text.utf8)
        bytes.append(0)  // never empty, so the buffer always has an address
        let root = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parse_document(pointer, buffer.count - 1, options.rawValue)
            }
        }
        guard let root else { preconditionFailure("libcmark could not allocate a document") }
        document = MarkdownNode(root)
    }

    deinit { cmark_node_free(document.pointer) }

    /// The document as HTML.
    public func html(options: MarkdownOptions = []) -> String {
        document.html(options: options)
    }
}

/// A node of a ``MarkdownTree``, valid while the tree lives and the node is in it.
public struct MarkdownNode: Equatable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    /// The kinds of node libcmark knows.
    public enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
        case none
    }

    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .none
        }
    }

    // MARK: Content

    /// The text of a text, code, code block or HTML node.
    public var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }

    /// The info string of a fenced code block, such as `python` or `snippet model=gpt-4o`.
    public var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

    /// The destination of a link or image.
    public var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = newValue.withCString { cmark_node_set_url(pointer, $0) } }
    }

    /// The level of a heading, 1 to 6.
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// Sets the text of a text or code node.
    public func setLiteral(_ text: String) {
        _ = text.withCString { cmark_node_set_literal(pointer, $0) }
    }

    // MARK: Source positions (with `.sourcePositions`)

    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }

    /// The line of the source this node comes from: the line a custom block around it was made
    /// for (nodes moved in from another parse, such as table cells, carry that parse's lines),
    /// else its own start line or that of the nearest node around it that has one; 0 when none has.
    public var sourceLine: Int {
        var firstKnown = 0
        var current: MarkdownNode? = self
        while let node = current {
            if node.kind == .customBlock, let line = cmark_node_get_user_data(node.pointer) {
                return Int(bitPattern: line)
            }
            if firstKnown == 0 { firstKnown = node.startLine }
            current = node.parent
        }
        return firstKnown
    }

    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    // MARK: Navigation

    public var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    public var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    public var lastChild: MarkdownNode? { cmark_node_last_child(pointer).map(MarkdownNode.init) }
    public var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }

    /// The children, in order (a snapshot: editing the tree does not change it).
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// This node and every node below it, depth first, parents before children (a snapshot).
    public var descendants: [MarkdownNode] { descendants(matching: Self.everyKind) }

    /// The nodes below (and including) this one of the given kinds, depth first, parents before
    /// children: a snapshot to edit the tree by. Filtering first matters: editing frees nodes
    /// (a replaced heading frees its text), and a snapshot of every node would then hold freed ones.
    public func descendants(ofKind kinds: Set<Kind>) -> [MarkdownNode] {
        var mask: UInt64 = 0
        for kind in kinds { mask |= Self.bit(of: kind) }
        return descendants(matching: mask)
    }

    /// The bit of a kind in a mask of libcmark node types.
    private static func bit(of kind: Kind) -> UInt64 {
        let type: cmark_node_type =
            switch kind {
            case .document: CMARK_NODE_DOCUMENT
            case .blockQuote: CMARK_NODE_BLOCK_QUOTE
            case .list: CMARK_NODE_LIST
            case .item: CMARK_NODE_ITEM
            case .codeBlock: CMARK_NODE_CODE_BLOCK
            case .htmlBlock: CMARK_NODE_HTML_BLOCK
            case .customBlock: CMARK_NODE_CUSTOM_BLOCK
            case .paragraph: CMARK_NODE_PARAGRAPH
            case .heading: CMARK_NODE_HEADING
            case .thematicBreak: CMARK_NODE_THEMATIC_BREAK
            case .text: CMARK_NODE_TEXT
            case .softBreak: CMARK_NODE_SOFTBREAK
            case .lineBreak: CMARK_NODE_LINEBREAK
            case .code: CMARK_NODE_CODE
            case .htmlInline: CMARK_NODE_HTML_INLINE
            case .customInline: CMARK_NODE_CUSTOM_INLINE
            case .emphasis: CMARK_NODE_EMPH
            case .strong: CMARK_NODE_STRONG
            case .link: CMARK_NODE_LINK
            case .image: CMARK_NODE_IMAGE
            case .none: CMARK_NODE_NONE
            }
        return 1 << UInt64(type.rawValue)
    }

    /// Every node of the walk, for ``descendants``.
    private static let everyKind = UInt64.max

    /// A walk along first-child, next and parent links, keeping the nodes whose libcmark type's
    /// bit is in `mask`: no array of children per node, and no hashing per node (a `Set` lookup
    /// per node was a twentieth of a build).
    private func descendants(matching mask: UInt64) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        walk { node in
            if mask & (1 << UInt64(cmark_node_get_type(node).rawValue)) != 0 { result.append(MarkdownNode(node)) }
        }
        return result
    }

    /// Calls `visit` with this node and every node below it, depth first, parents before
    /// children. `visit` must not edit the tree.
    private func walk(_ visit: (OpaquePointer) -> Void) {
        var node: OpaquePointer? = pointer
        while let current = node {
            visit(current)
            if let child = cmark_node_first_child(current) {
                node = child
                continue
            }
            node = nil
            var climbing = current
            while climbing != pointer {
                if let next = cmark_node_next(climbing) {
                    node = next
                    break
                }
                guard let parent = cmark_node_parent(climbing) else { break }
                climbing = parent
            }
        }
    }

    /// The plain text of the node's inline content: text and code literals, breaks as spaces.
    public var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    /// Appends ``plainText`` to `text`, read straight from libcmark's literals.
    public func appendPlainText(to text: inout String) {
        walk { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node) else { return }
                let bytes = UnsafeRawBufferPointer(start: literal, count: strlen(literal))
                text += String(decoding: bytes, as: UTF8.self)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
    }

    // MARK: Editing

    /// A new block whose HTML is written as is, around its children, even in safe mode.
    ///
    /// - Parameter sourceLine: the line of the source it stands for (libcmark gives new nodes no
    ///   position), which ``sourceLine`` answers for it and for the inlines inside it.
    public static func customBlock(html: String, closing: String = "", sourceLine: Int = 0) -> MarkdownNode {
        let node = custom(CMARK_NODE_CUSTOM_BLOCK, html, closing)
        if sourceLine > 0 {
            _ = cmark_node_set_user_data(node.pointer, UnsafeMutableRawPointer(bitPattern: sourceLine))
        }
        return node
    }

    /// A new inline whose HTML is written as is, around its children, even in safe mode.
    public static func customInline(html: String, closing: String = "") -> MarkdownNode {
        custom(CMARK_NODE_CUSTOM_INLINE, html, closing)
    }

    private static func custom(_ type: cmark_node_type, _ enter: String, _ exit: String) -> MarkdownNode {
        guard let node = cmark_node_new(type) else { preconditionFailure("libcmark could not allocate a node") }
        _ = enter.withCString { cmark_node_set_on_enter(node, $0) }
        _ = exit.withCString { cmark_node_set_on_exit(node, $0) }
        return MarkdownNode(node)
    }

    /// Inserts `node` (unlinked first) before this one.
    public func insertBefore(_ node: MarkdownNode) { cmark_node_insert_before(pointer, node.pointer) }

    /// Appends `child` (unlinked first) as the last child; false if this node cannot contain it.
    @discardableResult
    public func append(_ child: MarkdownNode) -> Bool { cmark_node_append_child(pointer, child.pointer) == 1 }

    /// Takes the node out of the tree and frees it with its children.
    public func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// Puts `node` where this node is and frees this node with its children.
    public func replace(with node: MarkdownNode) {
        cmark_node_insert_before(pointer, node.pointer)
        remove()
    }

    // MARK: Rendering

    /// The HTML of a paragraph's or heading's inline content, without its own tags.
    public func innerHTML(options: MarkdownOptions = []) -> String {
        guard let buffer = cmark_render_html(pointer, options.rawValue) else { return "" }
        defer { free(buffer) }
        // Cut on the rendered bytes: one string made, not a string trimmed three times.
        let html = UnsafeRawBufferPointer(start: buffer, count: strlen(buffer))
        let tag: [UInt8] =
            kind == .heading ? [UInt8(ascii: "h"), UInt8(ascii: "0") + UInt8(headingLevel)] : [UInt8(ascii: "p")]
        var start = 0
        var end = html.count
        let opening = [UInt8(ascii: "<")] + tag + [UInt8(ascii: ">")]
        if html.starts(with: opening) { start = opening.count }
        while end > start, html[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        let closing = [UInt8(ascii: "<"), UInt8(ascii: "/")] + tag + [UInt8(ascii: ">")]
        if end - start >= closing.count, html[(end - closing.count)..<end].elementsEqual(closing) {
            end -= closing.count
        }
        return Self.string(rendered: UnsafeRawBufferPointer(rebasing: html[start..<end]))
    }

    /// The node and its children as HTML.
    public func html(options: MarkdownOptions = []) -> String {
        guard let buffer = cmark_render_html(pointer, options.rawValue) else { return "" }
        defer { free(buffer) }
        return Self.string(rendered: UnsafeRawBufferPointer(start: buffer, count: strlen(buffer)))
    }

    /// libcmark's output as a string, taken without checking it again: its input is valid UTF-8
    /// (a Swift string, and libcmark replaces invalid bytes while parsing in any case), entities
    /// become valid scalars (U+FFFD for surrogates and numbers out of range), and everything it
    /// escapes or cuts is ASCII. The check `String(cString:)` makes was a twentieth of a build
    /// whose pages are mostly Chinese. Debug builds check all the same.
    private static func string(rendered bytes: UnsafeRawBufferPointer) -> String {
        let bytes = bytes.assumingMemoryBound(to: UInt8.self)
        assert(String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes), "libcmark wrote invalid UTF-8")
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            return String(copying: UTF8Span(unchecked: bytes.span))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The Markdown library's identity.
public enum MarkdownVersion {
    /// libcmark's version, as it reports it (`0.30.2`).
    public static var libcmark: String { String(cString: cmark_version_string()) }
}
