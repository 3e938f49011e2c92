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
        diagnostics += fencedBlocks(in: tree, file: page.displayPath)
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

    /// Every fenced or indented code block in one pass: snippet, catalog and keypage blocks
    /// become their HTML, the rest highlighted code.
    func fencedBlocks(in tree: MarkdownTree, file: String) -> [SiteDiagnostic] {
        var problems: [SiteDiagnostic] = []
        var snippetGroups = 0
        for block in tree.document.descendants where block.kind == .codeBlock {
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
        for node in tree.document.descendants where node.kind == .paragraph || node.kind == .heading {
            if text.utf8.count > 4000 { break }
            if !text.isEmpty { text += " " }
            text += node.plainText
        }
        return text
    }
}
