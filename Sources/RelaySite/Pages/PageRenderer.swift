import Foundation
import RelayCatalog
import RelayMarkdown
import RelaySnippets

/// A page after Markdown: its HTML and what the rest of the build needs to know about it.
struct RenderedPage: Sendable {
    var source: SourcePage
    var frontMatter: FrontMatter
    var title: String
    var html: String
    var headings: [HeadingAnchors.Entry]
    var links: [LinkReference]
    /// Plain text for the search index.
    var text: String
    var diagnostics: [SiteDiagnostic]
    /// The page's entry in the search index (JSON), made once with the page, in parallel.
    var searchEntry: String = ""
    /// A hash of everything of the page its layout shows, made once with the page.
    var contentHash: Int = 0

    var ids: Set<String> { Set(headings.map(\.id)) }
}

/// Turns one source page into HTML: the Markdown extensions, then the page-level transforms
/// (snippet and catalog blocks, highlighted code, heading ids, links).
struct PageRenderer: Sendable {
    let markdown: MarkdownRenderer
    let generator: SnippetGenerator
    let strings: SiteStrings
    /// The URL of a page path (below the locale folder) of this locale.
    let url: @Sendable (String) -> String
    /// The key page form, which ```` ```keypage ```` blocks become.
    let keyPageHTML: String

    func render(_ page: SourcePage) -> RenderedPage {
        let (frontMatter, body, frontMatterProblems) = FrontMatter.split(page.text, file: page.displayPath)
        var diagnostics = frontMatterProblems
        let parsed = markdown.parse(body)
        diagnostics += parsed.diagnostics.map {
            SiteDiagnostic(file: page.displayPath, line: $0.line, message: $0.message)
        }
        let tree = parsed.tree
        let text = Self.searchText(of: tree)
        diagnostics += SnippetBlocks.apply(to: tree, generator: generator, file: page.displayPath)
        diagnostics += CatalogBlocks.apply(
            to: tree, catalog: generator.catalog, strings: strings, file: page.displayPath)
        for block in tree.document.descendants
        where block.kind == .codeBlock && block.fenceInfo.trimmingCharacters(in: .whitespaces) == "keypage" {
            block.replace(with: .customBlock(html: keyPageHTML))
        }
        CodeBlocks.apply(to: tree)
        let links = Links.apply(to: tree, folder: page.folder, url: url)
        let headings = HeadingAnchors.apply(to: tree, options: markdown.options)
        let title =
            frontMatter.title ?? headings.first { $0.level == 1 }?.text
            ?? String(page.path.split(separator: "/").last?.dropLast(3) ?? "")
        var rendered = RenderedPage(
            source: page, frontMatter: frontMatter, title: title, html: tree.html(options: markdown.options),
            headings: headings, links: links, text: text, diagnostics: diagnostics)
        rendered.searchEntry = SearchIndex.entry(for: rendered, url: url(page.path))
        var hasher = Hasher()
        hasher.combine(rendered.html)
        hasher.combine(rendered.title)
        hasher.combine(frontMatter.description)
        hasher.combine(page.path)
        rendered.contentHash = hasher.finalize()
        return rendered
    }

    /// The text of paragraphs, headings and list items, at most about 4,000 characters.
    static func searchText(of tree: MarkdownTree) -> String {
        var text = ""
        for node in tree.document.descendants where node.kind == .paragraph || node.kind == .heading {
            if text.utf8.count > 4000 { break }
            if !text.isEmpty { text += " " }
            text += node.plainText
        }
        return text
    }
}
