/// The sidebar of one locale: a group per top-level folder, pages ordered by `order` then title.
/// Pages that are not ``SourcePage/listed`` are kept apart in their group (for `llms.txt`): they
/// have no sidebar item and no previous and next links.
struct Navigation: Sendable {
    struct Item: Sendable {
        var path: String
        var title: String
        var url: String
    }

    struct Group: Sendable {
        /// "" for the pages at the top of the locale.
        var title: String
        /// The folder's index page, which the title links to (it is not repeated as an item).
        var index: Item?
        var items: [Item]
        /// The group's pages that the sidebar does not show, in the same order.
        var unlisted: [Item] = []
    }

    var groups: [Group]

    /// Every item in sidebar order, for previous and next links.
    let sequence: [Item]
    /// Every page in sidebar order, each group's unlisted pages after its items.
    let everything: [Item]
    /// Each item's position in ``sequence``, by page path.
    let positions: [String: Int]

    init(pages: [PageSummary], url: (String) -> String) {
        func sortKey(_ page: PageSummary) -> (Int, Int, String, String) {
            // A folder's index page leads its group; its `order` places the whole group.
            (
                page.source.isIndex ? 0 : 1, page.frontMatter.order ?? Int.max, page.frontMatter.navTitle ?? page.title,
                page.source.path
            )
        }
        var byFolder: [String: [PageSummary]] = [:]
        for page in pages {
            let top =
                page.source.path.split(separator: "/").count > 1
                ? String(page.source.path.split(separator: "/")[0]) : ""
            byFolder[top, default: []].append(page)
        }
        var groups: [(key: (Int, String), group: Group)] = []
        for (folder, members) in byFolder {
            let sorted = members.sorted { sortKey($0) < sortKey($1) }
            let index = members.first { $0.source.path == "\(folder)/index.md" }
            let title = folder.isEmpty ? "" : (index?.frontMatter.navTitle ?? index?.title ?? folder)
            let order =
                folder.isEmpty
                ? Int.min : (index?.frontMatter.order ?? sorted.compactMap(\.frontMatter.order).min() ?? Int.max)
            func item(_ page: PageSummary) -> Item {
                Item(
                    path: page.source.path, title: page.frontMatter.navTitle ?? page.title,
                    url: url(page.source.outputPath))
            }
            let members = sorted.filter { folder.isEmpty || $0.source.path != "\(folder)/index.md" }
            let items = members.filter(\.source.listed).map(item)
            let unlisted = members.filter { !$0.source.listed }.map(item)
            groups.append(
                (
                    (order, folder),
                    Group(
                        title: title, index: folder.isEmpty ? nil : index.map(item), items: items, unlisted: unlisted)
                ))
        }
        self.groups = groups.sorted { $0.key < $1.key }.map(\.group)
        sequence = self.groups.flatMap { ($0.index.map { [$0] } ?? []) + $0.items }
        everything = self.groups.flatMap { ($0.index.map { [$0] } ?? []) + $0.items + $0.unlisted }
        positions = Dictionary(sequence.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
