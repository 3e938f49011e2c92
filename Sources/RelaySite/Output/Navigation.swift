/// The sidebar of one locale: a group per top-level folder, pages ordered by `order` then title.
struct Navigation: Sendable {
    struct Item: Sendable {
        var path: String
        var title: String
        var url: String
    }

    struct Group: Sendable {
        /// "" for the pages at the top of the locale.
        var title: String
        var items: [Item]
    }

    var groups: [Group]

    /// Every item in sidebar order, for previous and next links.
    var sequence: [Item] { groups.flatMap(\.items) }

    init(pages: [RenderedPage], url: (String) -> String) {
        func sortKey(_ page: RenderedPage) -> (Int, Int, String, String) {
            // A folder's index page leads its group; its `order` places the whole group.
            (page.source.isIndex ? 0 : 1, page.frontMatter.order ?? Int.max, page.frontMatter.navTitle ?? page.title, page.source.path)
        }
        var byFolder: [String: [RenderedPage]] = [:]
        for page in pages {
            let top = page.source.path.split(separator: "/").count > 1 ? String(page.source.path.split(separator: "/")[0]) : ""
            byFolder[top, default: []].append(page)
        }
        var groups: [(key: (Int, String), group: Group)] = []
        for (folder, members) in byFolder {
            let sorted = members.sorted { sortKey($0) < sortKey($1) }
            let index = members.first { $0.source.path == "\(folder)/index.md" }
            let title = folder.isEmpty ? "" : (index?.frontMatter.navTitle ?? index?.title ?? folder)
            let order = folder.isEmpty ? Int.min : (index?.frontMatter.order ?? sorted.compactMap(\.frontMatter.order).min() ?? Int.max)
            let items = sorted.map { page in
                Item(path: page.source.path, title: page.frontMatter.navTitle ?? page.title, url: url(page.source.outputPath))
            }
            groups.append(((order, folder), Group(title: title, items: items)))
        }
        self.groups = groups.sorted { $0.key < $1.key }.map(\.group)
    }
}
