/// Markdown to HTML with the extensions every document gets: GFM tables, VitePress containers
/// and GitHub alerts. (Heading ids, snippet and catalog blocks and link rewriting are page-level
/// work that the site builder adds.)
public struct MarkdownRenderer: Sendable {
    /// Whether authors' raw HTML and dangerous URLs pass through (cmark's `--unsafe`).
    public var allowsRawHTML: Bool
    /// Default titles of containers and alerts.
    public var labels: ContainerLabels
    /// How table cell alignment is written.
    public var tableAlignment: Tables.AlignmentMarkup

    /// Creates a renderer; raw HTML is off unless asked for.
    public init(
        allowsRawHTML: Bool = false, labels: ContainerLabels = ContainerLabels(),
        tableAlignment: Tables.AlignmentMarkup = .attribute
    ) {
        self.allowsRawHTML = allowsRawHTML
        self.labels = labels
        self.tableAlignment = tableAlignment
    }

    /// The options libcmark renders with.
    public var options: MarkdownOptions { allowsRawHTML ? [.unsafe] : [] }

    /// The options libcmark parses with: source positions, for tables and error lines.
    public var parseOptions: MarkdownOptions { [.sourcePositions, .validateUTF8] }

    /// Problems an author should hear about, such as a container that is never closed.
    public struct Diagnostic: Sendable, Equatable {
        public var line: Int
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// Parses `text` and applies the extensions, leaving the tree for more transforms.
    public func parse(_ text: String) -> (tree: MarkdownTree, source: MarkdownSource, diagnostics: [Diagnostic]) {
        let source = MarkdownSource(text)
        let (marked, unmatched) = Containers.mark(source)
        let tree = MarkdownTree(parsing: marked, options: parseOptions)
        Tables.apply(to: tree, source: source, options: options, alignment: tableAlignment)
        Containers.apply(to: tree, labels: labels, options: options)
        Alerts.apply(to: tree, labels: labels)
        return (tree, source, unmatched.map { Diagnostic(line: $0.line, message: $0.message) })
    }

    /// The HTML of a whole document.
    public func html(_ text: String) -> String {
        parse(text).tree.html(options: options)
    }
}
