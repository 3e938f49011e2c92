import Foundation
import RelayCatalog
import RelayMarkdown
import RelaySnippets

/// A page after Markdown: its HTML and what the rest of the build needs to know about it.
/// A page rendered to HTML, with what the layout, the search index and the link check need.
///
/// A class with constant properties: pages are passed around and kept in caches by the
/// thousand, and a reference is cheaper to share than a copy of ten fields.
final class RenderedPage: Sendable {
    let source: SourcePage
    let frontMatter: FrontMatter
    let title: String
    let html: String
    let headings: [HeadingAnchors.Entry]
    let links: [LinkReference]
    /// Plain text for the search index.
    let text: String
    let diagnostics: [SiteDiagnostic]
    /// The heading ids, for the anchor check.
    let ids: Set<String>
    /// Hashes of the heading ids and of the links, so the link check knows what changed.
    let idsHash: Int
    let linksHash: Int
    /// The page's entry in the search index (JSON), made once with the page, in parallel.
    let searchEntry: String
    /// A hash of everything of the page its layout shows, made once with the page.
    let contentHash: Int

    init(
        source: SourcePage, frontMatter: FrontMatter, title: String, html: String, headings: [HeadingAnchors.Entry],
        links: [LinkReference], text: String, diagnostics: [SiteDiagnostic], url: String
    ) {
        self.source = source
        self.frontMatter = frontMatter
        self.title = title
        self.html = html
        self.headings = headings
        self.links = links
        self.text = text
        self.diagnostics = diagnostics
        self.ids = Set(headings.map(\.id))
        var idsHasher = Hasher()
        for heading in headings { idsHasher.combine(heading.id) }
        self.idsHash = idsHasher.finalize()
        var linksHasher = Hasher()
        for link in links {
            linksHasher.combine(link.target)
            linksHasher.combine(link.anchor)
            linksHasher.combine(link.line)
            linksHasher.combine(link.written)
        }
        self.linksHash = linksHasher.finalize()
        self.searchEntry = SearchIndex.entry(headings: headings, text: text, title: title, url: url)
        var hasher = Hasher()
        hasher.combine(html)
        hasher.combine(title)
        hasher.combine(frontMatter.description)
        hasher.combine(source.path)
        self.contentHash = hasher.finalize()
    }
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
        diagnostics += fencedBlocks(in: tree, file: page.displayPath)
        let links = Links.apply(to: tree, folder: page.folder, url: url)
        let headings = HeadingAnchors.apply(to: tree, options: markdown.options)
        let title =
            frontMatter.title ?? headings.first { $0.level == 1 }?.text
            ?? String(page.path.split(separator: "/").last?.dropLast(3) ?? "")
        let rendered = RenderedPage(
            source: page, frontMatter: frontMatter, title: title, html: tree.html(options: markdown.options),
            headings: headings, links: links, text: text, diagnostics: diagnostics, url: url(page.path))
        return rendered
    }

    /// Every fenced or indented code block in one pass: snippet, catalog and keypage blocks
    /// become their HTML, the rest highlighted code.
    func fencedBlocks(in tree: MarkdownTree, file: String) -> [SiteDiagnostic] {
        var problems: [SiteDiagnostic] = []
        var snippetGroups = 0
        for block in tree.document.descendants(ofKind: [.codeBlock]) {
            let words = block.fenceInfo.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let html: String
            switch words.first {
            case "snippet":
                do {
                    html = try SnippetBlocks.render(
                        Array(words.dropFirst()), prompt: block.literal ?? "", generator: generator,
                        group: snippetGroups)
                } catch {
                    problems.append(
                        SiteDiagnostic(file: file, line: block.startLine, message: "snippet block: \(error)"))
                    html = ""
                }
                snippetGroups += 1
            case "catalog":
                do {
                    html = try CatalogBlocks.render(
                        Array(words.dropFirst()), catalog: generator.catalog, strings: strings)
                } catch {
                    problems.append(
                        SiteDiagnostic(file: file, line: block.startLine, message: "catalog block: \(error)"))
                    html = ""
                }
            case "keypage":
                html = keyPageHTML
            default:
                html = CodeBlocks.html(code: block.literal ?? "", language: words.first ?? "")
            }
            block.replace(with: .customBlock(html: html))
        }
        return problems
    }

    /// The text of paragraphs, headings and list items, at most about 4,000 characters.
    static func searchText(of tree: MarkdownTree) -> String {
        var text = ""
        for node in tree.document.descendants(ofKind: [.paragraph, .heading]) {
            if text.utf8.count > 4000 { break }
            if !text.isEmpty { text += " " }
            text += node.plainText
        }
        return text
    }
}
