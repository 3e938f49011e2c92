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
    let diagnostics: [SiteDiagnostic]
    /// The heading ids, for the anchor check.
    let ids: Set<String>
    /// Hashes of the heading ids and of the links, so the link check knows what changed.
    let idsHash: Int
    let linksHash: Int
    /// The page's entry in the search index (JSON), made once with the page, in parallel.
    let searchEntry: String
    /// A hash of everything of the page its layout shows, made once with the page; 0 when
    /// its renderer keeps no layouts (``PageRenderer/hashesContent``).
    let contentHash: Int
    /// The page's Markdown twin (`page.md`), made while it rendered.
    let twin: MarkdownTwin
    /// What the sidebar needs of the page.
    let summary: PageSummary
    /// What the link check needs of the page.
    let linkInputs: PageLinks

    init(
        source: SourcePage, frontMatter: FrontMatter, title: String, html: String, headings: [HeadingAnchors.Entry],
        links: [LinkReference], text: String, diagnostics: [SiteDiagnostic], url: String, twin: MarkdownTwin,
        hashingContent: Bool = true
    ) {
        self.twin = twin
        // The text is not kept: the twin holds what the build writes of it, the cache its own copy,
        // and on a site of 20,000 pages the texts are a hundred megabytes.
        var source = source
        source.text = ""
        self.source = source
        self.frontMatter = frontMatter
        self.title = title
        self.html = html
        self.headings = headings
        self.links = links
        self.diagnostics = diagnostics
        self.ids = Set(headings.map(\.id))
        var idsHasher = Hasher()
        for heading in headings { idsHasher.combine(heading.id) }
        self.idsHash = idsHasher.finalize()
        var linksHasher = Hasher()
        for link in links + twin.links {
            linksHasher.combine(link.target)
            linksHasher.combine(link.anchor)
            linksHasher.combine(link.line)
            linksHasher.combine(link.written)
        }
        self.linksHash = linksHasher.finalize()
        self.searchEntry = SearchIndex.entry(headings: headings, text: text, title: title, url: url)
        if hashingContent {
            var hasher = Hasher()
            // The bytes, not the String: String hashing normalizes (NFC) first, which was a twentieth
            // of a build with large pages.
            var bytes = html
            bytes.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(title)
            hasher.combine(frontMatter.description)
            hasher.combine(source.path)
            self.contentHash = hasher.finalize()
        } else {
            self.contentHash = 0
        }
        self.summary = PageSummary(source: source, frontMatter: frontMatter, title: title)
        self.linkInputs = PageLinks(
            path: source.path, displayPath: source.displayPath, links: links, twinLinks: twin.links, ids: ids,
            idsHash: idsHash, linksHash: linksHash)
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
    /// What ```` ```keypage ```` blocks become in the twins.
    let keyPageMarkdown: String
    /// What every internal URL of a twin starts with: the site's URL, base path and locale prefix.
    let twinBase: String
    /// The snippet blocks already made in this build, shared by every locale's renderer.
    let snippetBlocks: SnippetBlockMemo
    /// Whether pages get their ``RenderedPage/contentHash``: only a build with a cache keeps
    /// layouts by it, and hashing every page's HTML was a fortieth of a 300-model build.
    var hashesContent = true

    func render(_ page: SourcePage) -> RenderedPage {
        let (frontMatter, body, frontMatterProblems) = FrontMatter.split(page.text, file: page.displayPath)
        var diagnostics = frontMatterProblems
        let parsed = markdown.parse(body)
        diagnostics += parsed.diagnostics.map {
            SiteDiagnostic(file: page.displayPath, line: $0.line, message: $0.message)
        }
        let tree = parsed.tree
        let text = Self.searchText(of: tree)
        // The twin's title comes from the page's first block when that is its level-1 heading.
        let first = tree.document.firstChild
        let headingLines =
            first.map { $0.kind == .heading && $0.headingLevel == 1 } == true
            ? first.map { $0.startLine...max($0.startLine, $0.endLine) } : nil
        let blocks = fencedBlocks(in: tree, file: page.displayPath)
        diagnostics += blocks.problems
        let (links, destinations) = Links.apply(to: tree, folder: page.folder, url: url)
        let headings = HeadingAnchors.apply(to: tree, options: markdown.options)
        let title = PageSummary.title(
            frontMatter: frontMatter, firstHeading: { headings.first { $0.level == 1 }?.text }, path: page.path)
        let twin = MarkdownTwin(
            source: parsed.source,
            header: MarkdownTwin.Header(title: title, description: frontMatter.description, heading: headingLines),
            splices: blocks.splices, code: blocks.code,
            addresses: MarkdownTwin.Addresses(
                locale: twinBase, path: page.path, folder: page.folder, destinations: destinations))
        let rendered = RenderedPage(
            source: page, frontMatter: frontMatter, title: title, html: tree.html(options: markdown.options),
            headings: headings, links: links, text: text, diagnostics: diagnostics, url: url(page.path), twin: twin,
            hashingContent: hashesContent)
        return rendered
    }

    /// What the sidebar needs of a page, without rendering it: its front matter, and its title
    /// (the page is parsed only when its front matter has no title).
    func summary(of page: SourcePage) -> PageSummary {
        let (frontMatter, body, _) = FrontMatter.split(page.text, file: page.displayPath)
        let title = PageSummary.title(
            frontMatter: frontMatter, firstHeading: { HeadingAnchors.firstTitle(in: markdown.parse(body).tree) },
            path: page.path)
        return PageSummary(source: page, frontMatter: frontMatter, title: title)
    }

    /// Every fenced or indented code block in one pass: snippet, catalog and keypage blocks
    /// become their HTML (and their Markdown in the twin), the rest highlighted code (copied as it
    /// is into the twin).
    func fencedBlocks(in tree: MarkdownTree, file: String) -> (
        problems: [SiteDiagnostic], splices: [MarkdownTwin.Splice], code: [ClosedRange<Int>]
    ) {
        var problems: [SiteDiagnostic] = []
        var splices: [MarkdownTwin.Splice] = []
        var code: [ClosedRange<Int>] = []
        var snippetGroups = 0
        for block in tree.document.descendants(ofKind: [.codeBlock]) {
            let words = block.fenceInfo.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let lines = block.startLine...max(block.startLine, block.endLine)
            var made: (html: String, markdown: String)?
            switch words.first {
            case "snippet":
                do {
                    made = try snippetBlocks.render(
                        Array(words.dropFirst()), prompt: block.literal ?? "", generator: generator,
                        group: snippetGroups)
                } catch {
                    problems.append(
                        SiteDiagnostic(file: file, line: block.startLine, message: "snippet block: \(error)"))
                }
                snippetGroups += 1
            case "catalog":
                do {
                    made = try snippetBlocks.catalogBlock(
                        Array(words.dropFirst()), catalog: generator.catalog, strings: strings)
                } catch {
                    problems.append(
                        SiteDiagnostic(file: file, line: block.startLine, message: "catalog block: \(error)"))
                }
            case "client":
                do {
                    made = try ClientBlocks.render(Array(words.dropFirst()), generator: generator, strings: strings)
                } catch {
                    problems.append(
                        SiteDiagnostic(file: file, line: block.startLine, message: "client block: \(error)"))
                }
            case "keypage":
                made = (keyPageHTML, keyPageMarkdown)
            default:
                code.append(lines)
                block.replace(
                    with: .customBlock(html: CodeBlocks.html(code: block.literal ?? "", language: words.first ?? "")))
                continue
            }
            splices.append(MarkdownTwin.Splice(lines: lines, column: block.startColumn, markdown: made?.markdown ?? ""))
            block.replace(with: .customBlock(html: made?.html ?? ""))
        }
        return (problems, splices, code)
    }

    /// The text of paragraphs, headings and list items, at most about 4,000 characters.
    static func searchText(of tree: MarkdownTree) -> String {
        var text = ""
        for node in tree.document.descendants(ofKind: [.paragraph, .heading]) {
            if text.utf8.count > 4000 { break }
            if !text.isEmpty { text += " " }
            node.appendPlainText(to: &text)
        }
        return text
    }
}
