/// What the sidebar, `llms.txt` and the sitemap need of a page: its path, front matter and
/// title, known before the page is rendered.
///
/// A build to disk reads these of every page first, then renders, lays out and writes one page
/// after the other, so that no more than a few rendered pages are held at a time. A class with
/// constant properties, like ``RenderedPage``: a rebuild in memory hands each page's summary on
/// without copying its fields.
final class PageSummary: Sendable {
    /// The page's source, without its text.
    let source: SourcePage
    let frontMatter: FrontMatter
    /// The front matter's title, else the text of the page's first level-1 heading, else its
    /// file name (``title(frontMatter:firstHeading:path:)``).
    let title: String

    init(source: SourcePage, frontMatter: FrontMatter, title: String) {
        var source = source
        source.text = ""
        self.source = source
        self.frontMatter = frontMatter
        self.title = title
    }

    /// A page's title: the one rule the summary and the rendered page share.
    static func title(frontMatter: FrontMatter, firstHeading: () -> String?, path: String) -> String {
        frontMatter.title ?? firstHeading() ?? String(path.split(separator: "/").last?.dropLast(3) ?? "")
    }
}

/// What the link check needs of a rendered page: its links, its twin's links and its heading
/// ids, without its HTML. Made once with the page, which keeps it.
final class PageLinks: Sendable {
    /// The page's path below its locale folder.
    let path: String
    /// The page's file as diagnostics name it.
    let displayPath: String
    let links: [LinkReference]
    /// The links read from the page's Markdown twin.
    let twinLinks: [LinkReference]
    /// The page's heading ids.
    let ids: Set<String>
    /// Hashes of the heading ids and of the links, so the link check knows what changed.
    let idsHash: Int
    let linksHash: Int

    init(
        path: String, displayPath: String, links: [LinkReference], twinLinks: [LinkReference], ids: Set<String>,
        idsHash: Int, linksHash: Int
    ) {
        self.path = path
        self.displayPath = displayPath
        self.links = links
        self.twinLinks = twinLinks
        self.ids = ids
        self.idsHash = idsHash
        self.linksHash = linksHash
    }
}
