import Foundation

/// What the last good build in memory made, kept in its ``SiteCache`` so that a rebuild after
/// edits to page bodies only (no title, order, description, heading id or page added or
/// removed) lays out just the edited pages on top of it (``SiteBuilder/Run/update(_:with:)``).
struct LastBuild: Sendable {
    /// The name it is kept under in the cache.
    static let name = "last build"

    /// One locale of the build.
    struct Locale: Sendable {
        var code: String
        var prefix: String
        /// The locale's other files (copied as they are).
        var files: [String]
        /// The rendered pages, by path.
        var pages: [RenderedPage]
        /// The pages' positions in sidebar order.
        var order: [Int]
        /// What the link check needs of each page, by path.
        var links: [String: PageLinks]
        var layout: PageLayout
    }

    var generation: Int
    var locales: [Locale]
    var files: SiteFiles
}

extension SiteBuilder.Run {
    /// The site made from the last build by laying out only the pages whose bodies changed, or
    /// nil when anything else changed (the catalog, the templates or `site.yaml`, a page's path,
    /// title, sidebar title, order, description or heading ids, the other files), which the
    /// whole build then handles.
    ///
    /// Nothing else can change: every other page's document depends only on its own text and
    /// on what was compared, and every other page's links only on the ids compared. `last`,
    /// taken out of the cache, is changed in place and kept again when the rebuild works; when
    /// it finds a problem, nothing is changed, and the whole build takes over next time.
    func update(_ last: inout LastBuild, with prepared: [SiteBuilder.LocalePages]) throws(SiteBuildError)
        -> SiteFiles?
    {
        guard let generation, last.generation == generation, last.locales.count == prepared.count else { return nil }
        var edited: [[Int]] = []
        for (old, new) in zip(last.locales, prepared) {
            guard old.code == new.locale.code, old.files == new.files, old.pages.count == new.pages.count else {
                return nil
            }
            var changed: [Int] = []
            for (index, (before, prepared)) in zip(old.pages, new.pages).enumerated() {
                guard let page = prepared.rendered else { return nil }
                if page === before { continue }
                guard page.source.path == before.source.path, page.source.listed == before.source.listed,
                    page.title == before.title, page.frontMatter.navTitle == before.frontMatter.navTitle,
                    page.frontMatter.order == before.frontMatter.order,
                    page.frontMatter.description == before.frontMatter.description, page.idsHash == before.idsHash,
                    page.ids == before.ids
                else { return nil }
                changed.append(index)
            }
            edited.append(changed)
        }
        // The problems first, against the last build's links (every page keeps its heading ids):
        // the pages' own, then their links', as the whole build reports them.
        var diagnostics: [SiteDiagnostic] = []
        var linkProblems: [SiteDiagnostic] = []
        for (number, changed) in edited.enumerated() {
            let locale = last.locales[number]
            let fileSet = Set(locale.files)
            for index in changed {
                let page = prepared[number].pages[index].rendered!
                diagnostics += page.diagnostics
                linkProblems += SiteBuilder.checkLinks(of: [page.linkInputs], in: locale.links, files: fileSet)
            }
        }
        diagnostics += linkProblems
        guard diagnostics.isEmpty else {
            cache?.store(last, as: LastBuild.name)
            throw SiteBuildError(diagnostics)
        }
        var files = last.files
        // The other files are read again, as the whole build reads them.
        for (number, locale) in last.locales.enumerated() {
            for file in locale.files {
                let path = URL(fileURLWithPath: options.content).appendingPathComponent(prepared[number].locale.folder)
                    .appendingPathComponent(file).path
                guard let data = FileManager.default.contents(atPath: path) else {
                    cache?.store(last, as: LastBuild.name)
                    throw SiteBuildError([SiteDiagnostic(file: path, line: 0, message: "cannot read the file")])
                }
                files.replace(locale.prefix + file, with: data)
            }
        }
        for (number, changed) in edited.enumerated() where !changed.isEmpty {
            let source = prepared[number]
            let layout = last.locales[number].layout
            let laidOut = Parallel.map(changed) { index in
                let page = source.pages[index].rendered!
                return layout.cachedDocument(for: page, cache: cache, generation: generation)
                    ?? layout.document(for: page, cache: cache, generation: generation)
            }
            let prefix = last.locales[number].prefix
            for (index, document) in zip(changed, laidOut) {
                let page = source.pages[index].rendered!
                last.locales[number].pages[index] = page
                last.locales[number].links[page.source.path] = page.linkInputs
                files.replace(layout.outputPath(of: page), with: document)
                files.replace(prefix + page.source.path, with: page.twin.data)
            }
            let inOrder = last.locales[number].order.map { last.locales[number].pages[$0] }
            let site = self.site
            files.deferred[prefix + "llms-full.txt"] = DeferredFile {
                // Its heading is made of the home page's title and description.
                let home = inOrder.first { $0.source.path == "index.md" }.map { ["index.md": $0.summary] } ?? [:]
                return LLMsText.full(site: site, pages: home, twins: inOrder.map(\.twin.data))
            }
            files.deferred[prefix + "search-index.json"] = DeferredFile {
                SearchIndex.json(entries: inOrder.map(\.searchEntry))
            }
        }
        last.files = files
        cache?.store(last, as: LastBuild.name)
        return files
    }
}
