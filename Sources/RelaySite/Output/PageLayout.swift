import Foundation
import RelayTemplates

/// Puts rendered pages into the layout template of one locale.
struct PageLayout: Sendable {
    let site: SiteModel
    let locale: SiteModel.LocaleInfo
    let strings: SiteStrings
    let templates: SiteTemplates
    let navigation: Navigation
    /// Which locales have a page at a path, for the language switcher and hreflang links.
    let pathsByLocale: [String: Set<String>]
    /// Each sidebar item's HTML (from `partials/nav-item`), inactive and active, rendered once.
    let itemHTML: [String: (inactive: String, active: String)]
    /// Each group's item list with no item active.
    let groupHTML: [String]
    /// Each group's items with none active, one after another, and where each item starts in
    /// them (and where the last ends): a page's own slice of the list is made of two runs of these
    /// and its active item, not of fifty strings.
    private let itemRuns: [(bytes: [UInt8], offsets: [Int])]
    /// The slices of each big group (more items than ``chunkSize``), empty for the others.
    private let chunks: [[Chunk]]
    /// Each listed item's group and place in it, by page path.
    private let placeOfPath: [String: (group: Int, item: Int)]
    /// The strings as the templates see them, built once.
    private let stringsContext: TemplateValue
    /// The `site` object of every page, built once.
    private let siteContext: TemplateValue
    /// Each sidebar group as the templates see it when no page of it is shown: expanded, and
    /// collapsed (on big sites), built once.
    private let expandedGroups: [TemplateValue]
    private let collapsedGroups: [TemplateValue]
    /// The sidebar group each page is in (as an item or as the group's index page).
    private let groupOfPath: [String: Int]
    /// A hash of everything the layout of every page of the locale depends on besides the page
    /// itself (templates, the sidebar, the other locales' pages), from the builder.
    let sharedLayoutHash: Int

    init(
        site: SiteModel, locale: SiteModel.LocaleInfo, pages: [PageSummary], strings: SiteStrings,
        templates: SiteTemplates, pathsByLocale: [String: Set<String>], sharedLayoutHash: Int
    ) {
        self.site = site
        self.locale = locale
        self.strings = strings
        self.templates = templates
        let navigation = Navigation(pages: pages) { path in site.url(of: path, in: locale) }
        self.navigation = navigation
        self.pathsByLocale = pathsByLocale
        var itemHTML: [String: (inactive: String, active: String)] = [:]
        for item in navigation.groups.flatMap(\.items) {
            func render(_ active: Bool) -> String {
                templates.render(
                    partial: "partials/nav-item",
                    ["title": .string(item.title), "url": .string(item.url), "active": .bool(active)])
            }
            itemHTML[item.path] = (render(false), render(true))
        }
        self.itemHTML = itemHTML
        let itemRuns = navigation.groups.map { group -> (bytes: [UInt8], offsets: [Int]) in
            var bytes: [UInt8] = []
            var offsets = [0]
            for item in group.items {
                bytes += (itemHTML[item.path]?.inactive ?? "").utf8
                offsets.append(bytes.count)
            }
            return (bytes, offsets)
        }
        self.itemRuns = itemRuns
        self.stringsContext = strings.templateValue
        self.siteContext = [
            "title": .string(site.configuration.title), "base": .string(site.base),
            "assets": .string(site.base + "assets/"),
            "searchIndex": .string(site.base + locale.prefix + "search-index.json"),
            "home": .string(site.url(of: "index.md", in: locale)),
        ]
        var groupOfPath: [String: Int] = [:]
        for (index, group) in navigation.groups.enumerated() {
            // An unlisted page (a model's) shows its group expanded, as its index page would.
            for item in group.items + group.unlisted { groupOfPath[item.path] = index }
            if let page = group.index { groupOfPath[page.path] = index }
        }
        self.groupOfPath = groupOfPath
        var placeOfPath: [String: (group: Int, item: Int)] = [:]
        for (index, group) in navigation.groups.enumerated() {
            for (place, item) in group.items.enumerated() { placeOfPath[item.path] = (index, place) }
        }
        self.placeOfPath = placeOfPath
        let chunks = navigation.groups.map { group in
            Self.chunks(of: group, itemHTML: itemHTML, templates: templates)
        }
        self.chunks = chunks
        self.groupHTML = chunks.enumerated().map { index, slices in
            slices.isEmpty
                ? String(decoding: itemRuns[index].bytes, as: UTF8.self) : slices.map(\.closedHTML).joined()
        }
        self.sharedLayoutHash = sharedLayoutHash
        let groupHTML = self.groupHTML
        func entry(_ group: Navigation.Group, index: Int, collapsed: Bool) -> TemplateValue {
            Self.groupEntry(group, collapsed: collapsed, active: false, itemsHTML: collapsed ? "" : groupHTML[index])
        }
        self.expandedGroups = navigation.groups.enumerated().map { entry($1, index: $0, collapsed: false) }
        self.collapsedGroups = navigation.groups.enumerated().map { index, group in
            entry(group, index: index, collapsed: !group.title.isEmpty)
        }
    }

    /// The URL of `path` in another locale: the same page if it has one, else its home.
    func url(of path: String?, in other: SiteModel.LocaleInfo) -> String {
        guard let path, pathsByLocale[other.code]?.contains(path) == true else {
            return site.url(of: "index.md", in: other)
        }
        return site.url(of: path, in: other)
    }

    func outputPath(of page: RenderedPage) -> String { locale.prefix + page.source.outputPath }

    /// The page's document if the cache has it for the same page and sidebar.
    func cachedDocument(for page: RenderedPage, cache: SiteCache?, generation: Int?) -> Data? {
        guard let cache, let generation else { return nil }
        return cache.layout(path: outputPath(of: page), key: layoutKey(of: page, generation: generation))
    }

    /// Lays the page out, and keeps the document in the cache for the next build.
    func document(for page: RenderedPage, cache: SiteCache?, generation: Int?) -> Data {
        let data = Data(html(for: page).utf8)
        if let cache, let generation {
            cache.store(layout: data, path: outputPath(of: page), key: layoutKey(of: page, generation: generation))
        }
        return data
    }

    private func layoutKey(of page: RenderedPage, generation: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(generation)
        hasher.combine(page.contentHash)
        hasher.combine(sharedLayoutHash)
        return hasher.finalize()
    }

    /// The full HTML document of a page.
    func html(for page: RenderedPage) -> String {
        let url = site.url(of: page.source.path, in: locale)
        let sequence = navigation.sequence
        let position = navigation.positions[page.source.path]
        var context = common(alternatesFor: page.source.path)
        let description = page.frontMatter.description ?? ""
        var pageContext: [String: TemplateValue] = [
            "title": .string(page.title), "description": .string(description),
            "hasDescription": .bool(!description.isEmpty), "content": .string(page.html), "url": .string(url),
            // The page's Markdown twin, for `<link rel="alternate" type="text/markdown">`.
            "hasMarkdown": true, "markdown": .string(site.base + locale.prefix + page.source.path),
        ]
        let toc = Self.toc(page.headings)
        pageContext["hasToc"] = .bool(!toc.isEmpty)
        pageContext["toc"] = .list(toc)
        if let position, position > 0 {
            pageContext["prev"] = [
                "title": .string(sequence[position - 1].title), "url": .string(sequence[position - 1].url),
            ]
        }
        if let position, position + 1 < sequence.count {
            pageContext["next"] = [
                "title": .string(sequence[position + 1].title), "url": .string(sequence[position + 1].url),
            ]
        }
        if site.locales.count > 1 {
            pageContext["alternates"] = .list(
                site.locales.filter { pathsByLocale[$0.code]?.contains(page.source.path) == true }
                    .map { ["hreflang": .string($0.lang), "url": .string(site.url(of: page.source.path, in: $0))] })
        }
        context["page"] = .object(pageContext)
        context["nav"] = navigationContext(activePath: page.source.path)
        return templates.render(.object(context))
    }

    /// `404.html`, in the default locale.
    func notFoundHTML() -> String {
        let home = site.url(of: "index.md", in: locale)
        let title = strings["notFoundTitle", "Page not found"]
        var context = common(alternatesFor: nil)
        let content =
            "<h1>\(title.htmlEscaped)</h1>\n<p>\(strings["notFoundText", "The page you are looking for does not exist."].htmlEscaped)</p>\n"
            + "<p><a href=\"\(home.htmlEscaped)\">\(strings["backHome", "Back home"].htmlEscaped)</a></p>\n"
        context["page"] = [
            "title": .string(title), "description": "", "content": .string(content),
            "url": .string(site.base + "404.html"), "hasToc": false,
        ]
        context["nav"] = navigationContext(activePath: nil)
        return templates.render(.object(context))
    }

    /// Sidebars with more items than this show only the current page's group expanded; the
    /// other groups show their title, linked to their first page.
    static let expandedItemLimit = 80

    /// The sidebar groups for a page: the groups built once, with the page's own group made anew.
    private func navigationContext(activePath: String?) -> TemplateValue {
        let collapses = navigation.positions.count > Self.expandedItemLimit
        var groups = collapses ? collapsedGroups : expandedGroups
        if let activePath, let index = groupOfPath[activePath] {
            let group = navigation.groups[index]
            groups[index] = Self.groupEntry(
                group, collapsed: false, active: group.index?.path == activePath,
                itemsHTML: itemsHTML(group: index, activePath: activePath))
        }
        return .list(groups)
    }

    /// One sidebar group as the templates see it.
    private static func groupEntry(_ group: Navigation.Group, collapsed: Bool, active: Bool, itemsHTML: String)
        -> TemplateValue
    {
        [
            "title": .string(group.title), "hasTitle": .bool(!group.title.isEmpty), "collapsed": .bool(collapsed),
            "url": .string(group.index?.url ?? group.items.first?.url ?? ""),
            "linked": .bool(group.index != nil || collapsed), "active": .bool(active),
            "itemsHTML": .string(itemsHTML),
        ]
    }

    /// A group's items as HTML, with the active one marked; in a big group, the slices, the
    /// active item's slice open.
    private func itemsHTML(group index: Int, activePath: String?) -> String {
        let group = navigation.groups[index]
        let place = activePath.flatMap { placeOfPath[$0] }.flatMap { $0.group == index ? $0.item : nil }
        let runs = itemRuns[index]
        func items(_ range: Range<Int>) -> String {
            let (bytes, offsets) = runs
            guard let place, range.contains(place) else {
                return String(decoding: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
            }
            let active = itemHTML[group.items[place].path]?.active ?? ""
            var html = [UInt8]()
            html.reserveCapacity(offsets[range.upperBound] - offsets[range.lowerBound] + active.utf8.count)
            html += bytes[offsets[range.lowerBound]..<offsets[place]]
            html += active.utf8
            html += bytes[offsets[place + 1]..<offsets[range.upperBound]]
            return String(decoding: html, as: UTF8.self)
        }
        guard !chunks[index].isEmpty else { return place == nil ? groupHTML[index] : items(group.items.indices) }
        let slices = chunks[index]
        // The group's index page, or a page not listed in it: the window is at the first slice, none open.
        let window = (place ?? 0) / Self.chunkSize
        let open = place.map { $0 / Self.chunkSize }
        var html = ""
        var skipped = false
        for (number, chunk) in slices.enumerated() {
            // The first and last slices and those near the page's own; a gap for the others, so a
            // section of any size costs a page the same few links (each step moves the window).
            guard number == 0 || number == slices.count - 1 || abs(number - window) <= Self.chunkWindow else {
                if !skipped { html += templates.render(partial: "partials/nav-chunk", ["gap": true]) }
                skipped = true
                continue
            }
            skipped = false
            html += number == open ? chunk.openHTML(items(chunk.range), templates) : chunk.closedHTML
        }
        return html
    }

    /// Groups with more listed items than this are shown in slices of this many: the sidebar
    /// of a page lists the items of its own slice and links to the first page of each other
    /// slice near it (``chunkWindow``) and to the first and last, so a page's HTML does not grow
    /// with the size of its section, and every page can be reached without JavaScript.
    static let chunkSize = 50

    /// How many slices on each side of the page's own a big group links to, besides its first
    /// and last.
    static let chunkWindow = 3

    /// A slice of a big sidebar group, from `partials/nav-chunk`.
    struct Chunk: Sendable {
        var range: Range<Int>
        var first: String
        var last: String
        var url: String
        /// The slice as one link to its first page.
        var closedHTML: String

        func openHTML(_ itemsHTML: String, _ templates: SiteTemplates) -> String {
            templates.render(
                partial: "partials/nav-chunk",
                [
                    "open": true, "first": .string(first), "last": .string(last), "url": .string(url),
                    "itemsHTML": .string(itemsHTML),
                ])
        }
    }

    /// The slices of a group with more than ``chunkSize`` items; none for a smaller group, or
    /// when the templates have no `partials/nav-chunk` (the whole list is shown then).
    static func chunks(
        of group: Navigation.Group, itemHTML: [String: (inactive: String, active: String)], templates: SiteTemplates
    ) -> [Chunk] {
        guard group.items.count > chunkSize, templates.hasPartial("partials/nav-chunk") else { return [] }
        return stride(from: 0, to: group.items.count, by: chunkSize).map { start in
            let range = start..<min(start + chunkSize, group.items.count)
            let (first, last) = (group.items[range.lowerBound], group.items[range.upperBound - 1])
            return Chunk(
                range: range, first: first.title, last: last.title, url: first.url,
                closedHTML: templates.render(
                    partial: "partials/nav-chunk",
                    [
                        "open": false, "first": .string(first.title), "last": .string(last.title),
                        "url": .string(first.url),
                    ]))
        }
    }

    /// What every page of the locale shares: the site, the locales and the strings.
    private func common(alternatesFor path: String?) -> [String: TemplateValue] {
        [
            "lang": .string(locale.lang),
            "site": siteContext,
            "strings": stringsContext,
            "hasLocales": .bool(site.locales.count > 1),
            "locales": .list(
                site.locales.map { other in
                    [
                        "code": .string(other.code), "name": .string(other.name),
                        "current": .bool(other.code == locale.code), "url": .string(url(of: path, in: other)),
                    ]
                }),
        ]
    }

    /// h2 entries with their h3 children.
    static func toc(_ headings: [HeadingAnchors.Entry]) -> [TemplateValue] {
        var entries: [(id: String, text: String, items: [TemplateValue])] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 || entries.isEmpty {
                entries.append((heading.id, heading.text, []))
            } else {
                entries[entries.count - 1].items.append(["id": .string(heading.id), "text": .string(heading.text)])
            }
        }
        return entries.map { ["id": .string($0.id), "text": .string($0.text), "items": .list($0.items)] }
    }
}
