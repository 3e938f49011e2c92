import Foundation
import RelayCatalog
import RelayMarkdown
import RelaySnippets
import RelayTemplates

/// Builds the static docs site: Markdown under a content folder plus the layout templates,
/// with code tabs and tables from the catalog.
///
/// The build is a short pipeline: read the configuration, find the pages, render them (in
/// parallel), check every internal link and anchor, lay the pages out, and write everything
/// into a temporary folder that replaces the output folder only when all of it worked. All
/// problems of a build are reported together.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// The content folder, such as `content`.
        public var content: String
        /// The output folder, such as `site`.
        public var output: String
        public var catalog: Catalog
        /// The snippet templates.
        public var snippetTemplates: SnippetTemplates
        /// The site templates: paths below the templates folder (`site/layout.mustache`, …) and text.
        public var siteTemplates: [String: String]
        /// Where the site templates came from, for messages.
        public var siteTemplatesOrigin: String

        public init(
            content: String, output: String, catalog: Catalog, snippetTemplates: SnippetTemplates,
            siteTemplates: [String: String], siteTemplatesOrigin: String
        ) {
            self.content = content
            self.output = output
            self.catalog = catalog
            self.snippetTemplates = snippetTemplates
            self.siteTemplates = siteTemplates
            self.siteTemplatesOrigin = siteTemplatesOrigin
        }
    }

    /// What a build made.
    public struct Summary: Sendable {
        public var pages: Int
        public var locales: Int
        public var files: Int
        public var seconds: Double
        public var output: String
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Runs the build and writes the site to the output folder.
    ///
    /// - Parameter progress: called with short status lines (for standard error).
    /// - Throws: ``SiteBuildError`` with every problem found; the output folder is untouched.
    public func build(progress: @Sendable (String) -> Void = { _ in }) throws(SiteBuildError) -> Summary {
        let started = Date()
        // Each file is written as soon as it is made, on every core, so the site is never whole in memory.
        let writer = try SiteWriter(output: options.output)
        let made: Produced
        do {
            made = try produce(
                cache: nil, progress: progress,
                output: BuildOutput(
                    emit: { path, data in writer.write(data, to: path) },
                    emitLater: { path, make in writer.write(make(), to: path) },
                    openStream: { path in writer.stream(to: path) }))
        } catch {
            writer.discard()
            throw error
        }
        progress("replacing \(options.output) with the \(made.files) files written")
        do {
            try writer.finish()
            try writer.commit()
        } catch {
            writer.discard()
            throw SiteBuildError([
                SiteDiagnostic(file: options.output, line: 0, message: "cannot write the site: \(error)")
            ])
        }
        return Summary(
            pages: made.pageCount, locales: made.localeCount, files: made.files,
            seconds: Date().timeIntervalSince(started), output: options.output)
    }

    /// Builds the whole site in memory.
    ///
    /// - Parameter cache: pages whose text did not change since the last render with the same
    ///   cache are not rendered again, and pages whose layout inputs did not change are not laid
    ///   out again (what `relaydocs serve` uses to rebuild only what a change touches).
    public func render(cache: SiteCache? = nil, progress: @Sendable (String) -> Void = { _ in }) throws(SiteBuildError)
        -> SiteFiles
    {
        let collected = Locked<[String: Data]>([:])
        let deferred = Locked<[String: DeferredFile]>([:])
        let made = try produce(
            cache: cache, progress: progress,
            output: BuildOutput(
                emit: { path, data in collected.withLock { $0[path] = data } },
                emitLater: { path, make in deferred.withLock { $0[path] = DeferredFile(make) } }, openStream: nil))
        if let updated = made.updated { return updated }
        let files = SiteFiles(
            byPath: collected.get(), deferred: deferred.get(), pageCount: made.pageCount,
            localeCount: made.localeCount, basePath: made.basePath)
        if let cache, let state = made.state, let generation = made.generation {
            cache.store(LastBuild(generation: generation, locales: state, files: files), as: LastBuild.name)
        }
        return files
    }

    /// Where the files of a build go.
    struct BuildOutput: Sendable {
        /// Takes one file, from any thread.
        var emit: @Sendable (String, Data) -> Void
        /// Takes a file as a function that makes it: a build in memory makes it only when it is
        /// read (`llms-full.txt` and the search index: 100 and 75 megabytes on 20,000 pages).
        var emitLater: @Sendable (String, @escaping @Sendable () -> Data) -> Void
        /// Opens a file to write in pieces, for a build to disk: its pages are then rendered,
        /// laid out and written one after the other, and only their summaries are held. nil for a
        /// build in memory, which holds every page anyway.
        var openStream: (@Sendable (String) -> SiteWriter.Stream)?

        var streams: Bool { openStream != nil }
    }

    /// Makes every file of the site and hands each to `output` as it is made.
    ///
    /// The steps: find the pages; read what the sidebar needs of each (a build in memory
    /// renders them all here); lay the pages out, rendering those not rendered yet, with the
    /// search index, `llms` files, copied files, assets and sitemap; check every link.
    func produce(
        cache: SiteCache?, progress: @Sendable (String) -> Void, output: BuildOutput
    ) throws(SiteBuildError) -> Produced {
        let configuration = try loadConfiguration()
        let run = Run(
            options: options, configuration: configuration,
            templates: try SiteTemplates(files: options.siteTemplates, origin: options.siteTemplatesOrigin),
            cache: cache,
            generation: cache?.generation(
                catalog: options.catalog, snippetTemplates: options.snippetTemplates.fingerprint,
                templates: options.siteTemplates, configuration: configuration))
        let sources = try run.findPages(reading: !output.streams)
        let pageCount = sources.reduce(0) { $0 + $1.pages.count }
        progress(output.streams ? "reading \(pageCount) pages" : "rendering \(pageCount) pages")
        let prepared = try run.prepare(sources, rendering: !output.streams)
        var produced = Produced(
            pageCount: pageCount, localeCount: run.site.locales.count, files: 0, basePath: configuration.basePath)
        // Only page bodies changed since the last build in memory: those pages laid out on top of it.
        if !output.streams, let cache, var last = cache.take(LastBuild.name, as: LastBuild.self),
            let files = try run.update(&last, with: prepared)
        {
            produced.files = files.byPath.count + files.deferred.count
            produced.updated = files
            return produced
        }
        progress(output.streams ? "rendering and laying out \(pageCount) pages" : "laying out \(pageCount) pages")
        let made = try run.layOut(prepared, output: output)
        let checked = run.checkLinks(made.links)
        let diagnostics = made.diagnostics + checked.diagnostics
        guard diagnostics.isEmpty else { throw SiteBuildError(diagnostics) }
        produced.files = made.files
        if output.streams {
            // A build to disk keeps none of it. Freeing every page's tree, links and layout took
            // 8–12 ms of a 2,000-page build after its last page; another core does it while the
            // site is committed.
            Leftovers.free([sources, prepared, made, checked])
        } else if let generation = run.generation {
            produced.state = zip(prepared.indices, checked.byPath).map { index, byPath in
                LastBuild.Locale(
                    code: prepared[index].locale.code, prefix: prepared[index].locale.prefix,
                    files: prepared[index].files, pages: prepared[index].pages.map { $0.rendered! },
                    order: made.orders[index], links: byPath, layout: made.layouts[index])
            }
            produced.generation = generation
        }
        return produced
    }

    /// What a build made.
    struct Produced {
        var pageCount: Int
        var localeCount: Int
        var files: Int
        var basePath: String
        /// The site, when only page bodies changed and it was made from the last one (nothing
        /// was handed to the output then).
        var updated: SiteFiles?
        /// A build in memory with a cache: what a rebuild of page bodies starts from.
        var state: [LastBuild.Locale]?
        var generation: Int?
    }

    /// The pages of one locale, and the other files of its folder.
    struct LocaleSources {
        var locale: SiteModel.LocaleInfo
        var pages: [SourcePage]
        var files: [String]
    }

    /// One page ready to be laid out: what the sidebar needs of it, and the page rendered or the
    /// source to render it from.
    struct PreparedPage: Sendable {
        var summary: PageSummary
        /// The page, when it is rendered already (a build in memory renders every page first).
        var rendered: RenderedPage?
        /// The source to render the page from (with its text, or the file to read it from), when
        /// it is not rendered yet.
        var source: SourcePage?
    }

    /// How much page text a build to disk keeps from reading the pages for the sidebar until it
    /// renders them. A site of a few thousand pages is read once; the pages of a bigger one
    /// beyond this are read again when rendered, so their texts are never all held at once.
    static let keptTextBytes = 16 << 20

    /// Bytes taken from a budget by many threads, while it lasts.
    final class TextBudget: Sendable {
        private let left: Locked<Int>

        init(bytes: Int) { left = Locked(bytes) }

        /// Whether `count` more bytes fit (and are taken).
        func keep(_ count: Int) -> Bool {
            left.withLock { left in
                guard count <= left else { return false }
                left -= count
                return true
            }
        }
    }

    /// The pages of one locale ready to be laid out, by path, and the other files of its folder.
    struct LocalePages {
        var locale: SiteModel.LocaleInfo
        var pages: [PreparedPage]
        var files: [String]
        /// How each page renders, in this locale.
        var renderer: PageRenderer
    }

    /// One build: what every step shares.
    struct Run {
        let options: Options
        let configuration: SiteConfiguration
        let templates: SiteTemplates
        let site: SiteModel
        /// Pages, documents and derived values kept from the last build with the same cache.
        let cache: SiteCache?
        /// Changes whenever the catalog, the templates or the configuration do; nil without a cache.
        let generation: Int?
        /// The interface strings of each locale.
        let strings: [String: SiteStrings]

        init(
            options: Options, configuration: SiteConfiguration, templates: SiteTemplates, cache: SiteCache?,
            generation: Int?
        ) {
            self.options = options
            self.configuration = configuration
            self.templates = templates
            self.site = SiteModel(configuration: configuration)
            self.cache = cache
            self.generation = generation
            let site = self.site
            let load = { SiteStrings.load(yaml: templates.stringsYAML, locales: site.locales.map(\.code)) }
            self.strings = cache?.derived("strings", key: generation ?? 0, make: load) ?? load()
        }

        /// 1. The pages and other files of every locale (unchanged texts from the cache).
        ///
        /// - Parameter reading: false to leave the texts of the content's pages unread.
        func findPages(reading: Bool) throws(SiteBuildError) -> [LocaleSources] {
            var sources: [LocaleSources] = []
            for locale in site.locales {
                let folder = URL(fileURLWithPath: options.content).appendingPathComponent(locale.folder)
                let display = locale.folder.isEmpty ? options.content : "\(options.content)/\(locale.folder)"
                let found = try ContentScanner.scan(
                    folder: folder, displayFolder: display, locale: locale.code, cache: cache, reading: reading)
                sources.append(LocaleSources(locale: locale, pages: found.pages, files: found.files))
            }
            guard sources.contains(where: { !$0.pages.isEmpty }) else {
                throw SiteBuildError([
                    SiteDiagnostic(file: options.content, line: 0, message: "no Markdown pages (*.md) found")
                ])
            }
            return try addingModelPages(to: sources)
        }

        /// 1b. With `models:` in `site.yaml`, each locale's model pages (``ModelPages``), made again
        /// only when the catalog, the templates or the configuration change.
        func addingModelPages(to sources: [LocaleSources]) throws(SiteBuildError) -> [LocaleSources] {
            guard let settings = configuration.modelPages else { return sources }
            let generator = SnippetGenerator(catalog: options.catalog, templates: options.snippetTemplates)
            let modelPages = ModelPages(configuration: settings, generator: generator, templates: templates.pages)
            var problems: [SiteDiagnostic] = []
            var result: [LocaleSources] = []
            for var source in sources {
                let locale = source.locale
                let display = locale.folder.isEmpty ? options.content : "\(options.content)/\(locale.folder)"
                // The content pages decide which clients' pages the model pages link to.
                let existing = Set(source.pages.map(\.path))
                let make = {
                    modelPages.pages(
                        locale: locale.code, strings: strings[locale.code]!, displayFolder: display, existing: existing)
                }
                var key = Hasher()
                key.combine(generation ?? 0)
                key.combine(existing)
                let made = cache?.derived("model pages " + locale.code, key: key.finalize(), make: make) ?? make()
                // The same setting's problem in every locale is told once.
                for problem in modelPages.problems(
                    pages: existing, files: Set(source.files), generated: made.map(\.path),
                    configurationFile: "\(options.content)/site.yaml", localeFolder: locale.folder)
                where !problems.contains(problem) {
                    problems.append(problem)
                }
                source.pages = (source.pages + made).sorted { $0.path < $1.path }
                result.append(source)
            }
            guard problems.isEmpty else { throw SiteBuildError(problems) }
            return result
        }

        /// How the pages of a locale render.
        func renderer(
            for locale: SiteModel.LocaleInfo, generator: SnippetGenerator, snippetBlocks: SnippetBlockMemo
        ) -> PageRenderer {
            let strings = strings[locale.code]!
            let modelsURL = options.catalog.modelListEndpoints.first { $0.kind == .openAI }.map {
                options.catalog.relay.origin.text + $0.path
            }
            let labels = ContainerLabels(
                titles: strings.values.filter { $0.key.hasPrefix("labels.") }
                    .reduce(into: [:]) { $0[String($1.key.dropFirst("labels.".count))] = $1.value })
            let keyPage = templates.render(
                partial: "partials/key-page",
                [
                    "strings": strings.templateValue, "api": .string(configuration.api),
                    "assets": .string(site.base + "assets/"),
                    "models": .list(options.catalog.models.map { ["id": .string($0.id), "name": .string($0.name)] }),
                    "languages": .list(
                        generator.languages.compactMap { generator.templates.language($0) }.map {
                            ["id": .string($0.id.rawValue), "name": .string($0.name)]
                        }),
                    "clients": .list(generator.clients.map { ["id": .string($0.id), "name": .string($0.name)] }),
                    "hasClients": .bool(!generator.clients.isEmpty),
                    // "Test my key" asks the relay for its OpenAI model list (GET {origin}/v1/models).
                    "modelsURL": .string(modelsURL ?? ""), "hasModelsURL": .bool(modelsURL != nil),
                ])
            let site = self.site
            let root = configuration.url ?? ""
            let api = configuration.api.hasPrefix("/") ? root + configuration.api : configuration.api
            return PageRenderer(
                markdown: MarkdownRenderer(
                    allowsRawHTML: configuration.rawHTML, labels: labels, tableAlignment: .style),
                generator: generator, strings: strings, url: { path in site.url(of: path, in: locale) },
                keyPageHTML: keyPage,
                keyPageMarkdown: TwinMarkdown.keyPage(
                    strings: strings, api: api, model: options.catalog.models.first?.id ?? "MODEL",
                    language: generator.languages.first?.rawValue ?? "python"),
                twinBase: root + site.base + locale.prefix, snippetBlocks: snippetBlocks,
                hashesContent: cache != nil)
        }

        /// 2. What the sidebar needs of every page. A build in memory renders every page here, or
        /// takes it from the cache when its text did not change. A build to disk reads only each
        /// page's front matter (and parses the page when that has no title), and keeps no text.
        func prepare(_ sources: [LocaleSources], rendering: Bool) throws(SiteBuildError) -> [LocalePages] {
            let generator = SnippetGenerator(catalog: options.catalog, templates: options.snippetTemplates)
            let keptTexts = TextBudget(bytes: SiteBuilder.keptTextBytes)
            let snippetBlocks = SnippetBlockMemo()
            var problems: [SiteDiagnostic] = []
            var result: [LocalePages] = []
            for source in sources {
                let renderer = renderer(for: source.locale, generator: generator, snippetBlocks: snippetBlocks)
                var prepared: [PreparedPage] = []
                if rendering {
                    // Pages from the cache are looked up in one pass (spread over threads, such small
                    // work costs more in lock contention than it saves); the others rendered in parallel.
                    var pages: [RenderedPage?] = source.pages.map { page in
                        guard let cache, let generation else { return nil }
                        return cache.page(page, generation: generation)
                    }
                    let missing = pages.indices.filter { pages[$0] == nil }
                    let made = Parallel.map(missing) { index in renderer.render(source.pages[index]) }
                    for (index, page) in zip(missing, made) {
                        pages[index] = page
                        if let generation { cache?.store(page, text: source.pages[index].text, generation: generation) }
                    }
                    prepared = pages.map { PreparedPage(summary: $0!.summary, rendered: $0, source: nil) }
                } else {
                    let outlined = Parallel.map(source.pages) { page in
                        page.reading().map {
                            PreparedPage(
                                summary: renderer.summary(of: $0), rendered: nil,
                                source: keptTexts.keep($0.text.utf8.count) ? $0 : page)
                        }
                    }
                    for outline in outlined {
                        switch outline {
                        case .success(let page): prepared.append(page)
                        case .failure(let problem): problems += problem.diagnostics
                        }
                    }
                }
                result.append(
                    LocalePages(locale: source.locale, pages: prepared, files: source.files, renderer: renderer))
            }
            guard problems.isEmpty else { throw SiteBuildError(problems) }
            return result
        }

        /// What the link check needs of one locale.
        struct LocaleLinks: Sendable {
            var locale: SiteModel.LocaleInfo
            var pages: [PageLinks]
            var files: [String]
        }

        /// 4. Broken links and anchors. With a cache, a page's links are checked again only when
        /// its links or any page's path or heading ids changed.
        func checkLinks(_ locales: [LocaleLinks]) -> (diagnostics: [SiteDiagnostic], byPath: [[String: PageLinks]]) {
            var diagnostics: [SiteDiagnostic] = []
            var indexes: [[String: PageLinks]] = []
            for locale in locales {
                var hasher = Hasher()
                hasher.combine(locale.files)
                for page in locale.pages {
                    hasher.combine(page.path)
                    hasher.combine(page.idsHash)
                }
                let targets = hasher.finalize()
                let name = "links " + locale.locale.code
                let previous = cache?.stored(name, as: [String: (key: Int, diagnostics: [SiteDiagnostic])].self) ?? [:]
                var results: [String: (key: Int, diagnostics: [SiteDiagnostic])] = [:]
                let byPath = Dictionary(uniqueKeysWithValues: locale.pages.map { ($0.path, $0) })
                let files = Set(locale.files)
                // The pages whose links the last build checked against the same targets keep its
                // answer; the others are checked on every core.
                let pageKeys = locale.pages.map { page in
                    var key = Hasher()
                    key.combine(targets)
                    key.combine(page.linksHash)
                    return key.finalize()
                }
                var found = zip(locale.pages, pageKeys).map { page, pageKey in
                    previous[page.path].flatMap { $0.key == pageKey ? $0.diagnostics : nil }
                }
                let unchecked = found.indices.filter { found[$0] == nil }
                let pages = locale.pages
                let checked = Parallel.map(unchecked) { index in
                    SiteBuilder.checkLinks(of: [pages[index]], in: byPath, files: files)
                }
                for (index, problems) in zip(unchecked, checked) { found[index] = problems }
                for (index, page) in locale.pages.enumerated() {
                    let problems = found[index] ?? []
                    results[page.path] = (pageKeys[index], problems)
                    diagnostics += problems
                }
                cache?.store(results, as: name)
                indexes.append(byPath)
            }
            return (diagnostics, indexes)
        }

        /// What laying out made: how many files; the pages' problems (in locale and path order)
        /// and the `llms.txt` files' broken links; what the link check needs of each locale.
        struct LaidOut {
            var files: Int
            var diagnostics: [SiteDiagnostic]
            var links: [LocaleLinks]
            /// Each locale's sidebar and pages in its order (positions by path).
            var layouts: [PageLayout] = []
            var orders: [[Int]] = []
        }

        /// How many pages a build to disk renders and lays out at a time, between writing their
        /// twins and search entries to `llms-full.txt` and the search index.
        static let batchSize = 512

        /// 3. Every document with its Markdown twin (rendering the pages not rendered yet), the
        /// llms files, search index, copied files, assets and the sitemap, handed to `output`.
        func layOut(_ prepared: [LocalePages], output: BuildOutput) throws(SiteBuildError) -> LaidOut {
            let emit = output.emit
            var pathsByLocale: [String: Set<String>] = [:]
            for locale in prepared { pathsByLocale[locale.locale.code] = Set(locale.pages.map(\.summary.source.path)) }
            // The sitemap and the language switchers are made of every locale's paths; a locale's
            // sidebar also of its pages' titles and order.
            var pathsHasher = Hasher()
            pathsHasher.combine(generation)
            for locale in prepared {
                pathsHasher.combine(locale.locale.code)
                for page in locale.pages { pathsHasher.combine(page.summary.source.path) }
            }
            let pathsKey = pathsHasher.finalize()
            // Every Markdown file the build writes (the twins and llms files), for the llms.txt link check.
            var markdownFiles: Set<String> = []
            var collisions: [SiteDiagnostic] = []
            for locale in prepared {
                for page in locale.pages { markdownFiles.insert(locale.locale.prefix + page.summary.source.path) }
                for name in LLMsText.names {
                    markdownFiles.insert(locale.locale.prefix + name)
                    if locale.files.contains(name) {
                        collisions.append(
                            SiteDiagnostic(
                                file:
                                    "\(options.content)/\(locale.locale.folder.isEmpty ? "" : locale.locale.folder + "/")\(name)",
                                line: 0, message: "the build writes \(name) itself; rename or remove this file"))
                    }
                }
            }
            guard collisions.isEmpty else { throw SiteBuildError(collisions) }
            var laidOut = LaidOut(files: 0, diagnostics: [], links: [])
            var llmsProblems: [SiteDiagnostic] = []
            for locale in prepared {
                let summaries = locale.pages.map(\.summary)
                var navigationHasher = Hasher()
                navigationHasher.combine(pathsKey)
                for page in summaries {
                    navigationHasher.combine(page.source.path)
                    navigationHasher.combine(page.title)
                    navigationHasher.combine(page.frontMatter.navTitle)
                    navigationHasher.combine(page.frontMatter.order)
                    navigationHasher.combine(page.source.listed)
                }
                let navigationKey = navigationHasher.finalize()
                let makeLayout = {
                    PageLayout(
                        site: site, locale: locale.locale, pages: summaries, strings: strings[locale.locale.code]!,
                        templates: templates, pathsByLocale: pathsByLocale, sharedLayoutHash: navigationKey)
                }
                // The sidebar is made again only when a page's path, title or order changed.
                let layout =
                    cache?.derived("layout " + locale.locale.code, key: navigationKey, make: makeLayout)
                    ?? makeLayout()
                let prefix = locale.locale.prefix
                let byPath = Dictionary(uniqueKeysWithValues: summaries.map { ($0.source.path, $0) })
                // llms.txt and its link check are made again only when the sidebar or a
                // description changed (a one-page rebuild of a big site).
                var indexKey = Hasher()
                indexKey.combine(navigationKey)
                for page in summaries { indexKey.combine(page.frontMatter.description) }
                let makeIndex = { () -> (text: String, broken: [SiteDiagnostic]) in
                    let text = LLMsText.index(
                        site: site, locale: locale.locale, navigation: layout.navigation, pages: byPath,
                        strings: strings[locale.locale.code]!)
                    return (
                        text,
                        LLMsText.brokenLinks(
                            in: text, file: prefix + "llms.txt (written by the build)", site: site,
                            written: markdownFiles)
                    )
                }
                let index =
                    cache?.derived("llms.txt " + locale.locale.code, key: indexKey.finalize(), make: makeIndex)
                    ?? makeIndex()
                llmsProblems += index.broken
                emit(prefix + "llms.txt", Data(index.text.utf8))
                // The pages in sidebar order, the order of llms-full.txt and of the search index.
                let position = Dictionary(
                    uniqueKeysWithValues: summaries.enumerated().map { ($1.source.path, $0) })
                let order = layout.navigation.everything.compactMap { position[$0.path] }
                precondition(order.count == summaries.count, "a page is missing from the navigation")
                laidOut.layouts.append(layout)
                laidOut.orders.append(order)
                let (cache, generation, pages, renderer) = (self.cache, self.generation, locale.pages, locale.renderer)
                // Each page's Markdown twin beside it, made when the page rendered.
                let write = { @Sendable (page: RenderedPage, document: Data) in
                    emit(layout.outputPath(of: page), document)
                    emit(prefix + page.source.path, page.twin.data)
                }
                // Each page's problems and what the link check needs of it, by path.
                var problems: [[SiteDiagnostic]] = Array(repeating: [], count: pages.count)
                var pagesLinks = [PageLinks?](repeating: nil, count: pages.count)
                if let openStream = output.openStream {
                    // Rendered, laid out and written a batch at a time, their twins and search entries
                    // written to llms-full.txt and the search index in order, and let go.
                    let full = openStream(prefix + "llms-full.txt")
                    full.append(LLMsText.fullHeader(site: site, pages: byPath))
                    let search = openStream(prefix + "search-index.json")
                    search.append(SearchIndex.head)
                    var written = 0
                    for start in stride(from: 0, to: order.count, by: Self.batchSize) {
                        let batch = Array(order[start..<min(start + Self.batchSize, order.count)])
                        let made = Parallel.map(batch) { index -> Result<RenderedPage, SiteBuildError> in
                            pages[index].source!.reading().map { source in
                                let page =
                                    generation.flatMap { cache?.page(source, generation: $0) }
                                    ?? renderer.render(source)
                                if let generation { cache?.store(page, text: source.text, generation: generation) }
                                write(
                                    page,
                                    layout.cachedDocument(for: page, cache: cache, generation: generation)
                                        ?? layout.document(for: page, cache: cache, generation: generation))
                                return page
                            }
                        }
                        for (index, result) in zip(batch, made) {
                            switch result {
                            case .failure(let problem): problems[index] = problem.diagnostics
                            case .success(let page):
                                full.append(LLMsText.separator)
                                full.append(page.twin.data)
                                if written > 0 { search.append(",") }
                                search.append(page.searchEntry)
                                written += 1
                                problems[index] = page.diagnostics
                                pagesLinks[index] = page.linkInputs
                            }
                        }
                    }
                    search.append(SearchIndex.tail)
                    full.close()
                    search.close()
                } else {
                    // Every page is rendered: those whose documents the cache has in one pass, the
                    // others spread over the cores.
                    var toLayOut: [RenderedPage] = []
                    for index in order {
                        let page = pages[index].rendered!
                        if let hit = layout.cachedDocument(for: page, cache: cache, generation: generation) {
                            write(page, hit)
                        } else {
                            toLayOut.append(page)
                        }
                    }
                    Parallel.forEach(toLayOut) { page in
                        write(page, layout.document(for: page, cache: cache, generation: generation))
                    }
                    let inOrder = order.map { pages[$0].rendered! }
                    // Made when first read in a build in memory (serve's): tens of megabytes on a big site.
                    output.emitLater(prefix + "llms-full.txt") {
                        LLMsText.full(site: site, pages: byPath, twins: inOrder.map(\.twin.data))
                    }
                    output.emitLater(prefix + "search-index.json") {
                        SearchIndex.json(entries: inOrder.map(\.searchEntry))
                    }
                    for (index, page) in pages.enumerated() {
                        problems[index] = page.rendered!.diagnostics
                        pagesLinks[index] = page.rendered!.linkInputs
                    }
                }
                laidOut.diagnostics += problems.flatMap { $0 }
                laidOut.files += 2 * pages.count + 3
                laidOut.links.append(
                    LocaleLinks(locale: locale.locale, pages: pagesLinks.compactMap { $0 }, files: locale.files))
                for file in locale.files {
                    let source = URL(fileURLWithPath: options.content).appendingPathComponent(locale.locale.folder)
                        .appendingPathComponent(file)
                    guard let data = FileManager.default.contents(atPath: source.path) else {
                        throw SiteBuildError([
                            SiteDiagnostic(file: source.path, line: 0, message: "cannot read the file")
                        ])
                    }
                    emit(locale.locale.prefix + file, data)
                    laidOut.files += 1
                }
                if locale.locale.isDefault {
                    emit("404.html", Data(layout.notFoundHTML().utf8))
                    laidOut.files += 1
                }
            }
            laidOut.diagnostics += llmsProblems
            for (path, text) in templates.assets.sorted(by: { $0.key < $1.key }) {
                emit("assets/" + path, Data(text.utf8))
                laidOut.files += 1
            }
            let paths = Dictionary(
                uniqueKeysWithValues: prepared.map { ($0.locale.code, $0.pages.map(\.summary.source.path)) })
            let sitemap = { Data(Sitemap.xml(site: site, paths: paths).utf8) }
            emit("sitemap.xml", cache?.derived("sitemap", key: pathsKey, make: sitemap) ?? sitemap())
            laidOut.files += 1
            return laidOut
        }
    }

    /// Broken links and anchors of some pages, against every page of their locale.
    static func checkLinks(of pages: [PageLinks], in byPath: [String: PageLinks], files: Set<String>)
        -> [SiteDiagnostic]
    {
        var diagnostics: [SiteDiagnostic] = []
        for page in pages {
            diagnostics += page.links.compactMap { problem(with: $0, of: page, in: byPath, files: files) }
            // The twin's links (read from its text) that the page's own did not cover: each must
            // name a page, whose twin the build writes beside it, and a heading of it.
            func same(_ one: LinkReference, _ other: LinkReference) -> Bool {
                one.line == other.line && one.anchor == other.anchor
                    && (one.target ?? page.path) == (other.target ?? page.path)
            }
            // Most often the same links in the same order: nothing more to check.
            if page.twinLinks.count == page.links.count, zip(page.links, page.twinLinks).allSatisfy(same) {
                continue
            }
            func key(_ link: LinkReference) -> String {
                "\(link.line) \(link.target ?? page.path)#\(link.anchor ?? "")"
            }
            let checked = Set(page.links.map(key))
            diagnostics += page.twinLinks.filter { !checked.contains(key($0)) }.compactMap {
                problem(with: $0, of: page, in: byPath, files: files, place: " in the Markdown twin")
            }
        }
        return diagnostics
    }

    /// What is wrong with one link of a page, if anything: a target that is no page, or an anchor
    /// that no heading of its target has. `place` says where the link was read, when not on the page.
    static func problem(
        with link: LinkReference, of page: PageLinks, in byPath: [String: PageLinks], files: Set<String>,
        place: String = ""
    ) -> SiteDiagnostic? {
        // Made only for a problem: most links have none.
        var written: String { link.written.debugDescription + place }
        func diagnostic(_ message: String) -> SiteDiagnostic {
            SiteDiagnostic(file: page.displayPath, line: link.line, message: message)
        }
        guard let target = link.target else {
            guard let anchor = link.anchor, !anchor.isEmpty, !page.ids.contains(anchor) else { return nil }
            return diagnostic("broken anchor \(written): this page has no heading #\(anchor)")
        }
        guard let targetPage = byPath[target] else {
            let file = files.contains(target) ? " (it is not a page)" : ""
            return diagnostic("broken link \(written): no page \(target)\(file)")
        }
        guard let anchor = link.anchor, !anchor.isEmpty, !targetPage.ids.contains(anchor) else { return nil }
        return diagnostic("broken anchor \(written): \(target) has no heading #\(anchor)")
    }

    /// Reads `site.yaml` of the content folder, or the configuration of a folder without one.
    public func loadConfiguration() throws(SiteBuildError) -> SiteConfiguration {
        let path = URL(fileURLWithPath: options.content).appendingPathComponent("site.yaml").path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content, isDirectory: &isFolder), isFolder.boolValue else {
            throw SiteBuildError([SiteDiagnostic(file: options.content, line: 0, message: "no such content folder")])
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return .implicit(folderName: URL(fileURLWithPath: options.content).standardizedFileURL.lastPathComponent)
        }
        return try SiteConfiguration.load(path: path, displayPath: "\(options.content)/site.yaml")
    }
}

/// A built site in memory: every file by its path below the output folder.
public struct SiteFiles: Sendable {
    /// The files of the last whole build by path, but for ``deferred`` ones.
    private var base: [String: Data]
    /// Files made since, by rebuilds of page bodies: a few, where a copy of ``base`` (tens of
    /// thousands of files on a big site) would be most of such a rebuild.
    private var changes: [String: Data] = [:]
    /// Files made when first read (`llms-full.txt`, the search indexes), by path.
    public var deferred: [String: DeferredFile] = [:]
    public var pageCount: Int
    public var localeCount: Int
    /// The path the site is served under (`basePath` of `site.yaml`), such as `/` or `/docs/`.
    public var basePath: String

    init(
        byPath: [String: Data], deferred: [String: DeferredFile], pageCount: Int, localeCount: Int, basePath: String
    ) {
        self.base = byPath
        self.deferred = deferred
        self.pageCount = pageCount
        self.localeCount = localeCount
        self.basePath = basePath
    }

    /// The files by path, but for ``deferred`` ones.
    public var byPath: [String: Data] { changes.isEmpty ? base : base.merging(changes) { $1 } }

    /// The contents of one file.
    public func file(_ path: String) -> Data? { changes[path] ?? base[path] ?? deferred[path]?.data }

    /// Puts a file in the place of the one at its path.
    mutating func replace(_ path: String, with data: Data) {
        // A file the last whole build did not make is not one a rebuild of page bodies makes.
        precondition(base[path] != nil, "\(path) is not a file of the site")
        changes[path] = data
    }
}

/// A file of an in-memory build made when it is first read, then kept.
public final class DeferredFile: @unchecked Sendable {
    private let make: @Sendable () -> Data
    private var made: Data?
    private let lock = NSLock()

    init(_ make: @escaping @Sendable () -> Data) { self.make = make }

    /// The file's bytes, made on the first call.
    public var data: Data {
        lock.withLock {
            if let made { return made }
            let data = make()
            made = data
            return data
        }
    }
}

/// What a step no longer needs, freed on another thread.
private final class Leftovers: @unchecked Sendable {
    /// Only ever set to nil, on the queue: nothing reads it.
    private var value: Any?

    private init(_ value: Any) { self.value = value }

    static func free(_ value: [Any]) {
        let leftovers = Leftovers(value)
        DispatchQueue.global(qos: .utility).async { leftovers.value = nil }
    }
}

/// A value behind a lock, for state shared between threads (build workers, request handlers).
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    /// Reads or changes the value while holding the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(&value) }
    }

    /// The value now.
    public func get() -> Value { lock.withLock { value } }
}

extension Locked {
    /// The entry for `key`, made by `make` the first time it is asked for (outside the lock, so
    /// other threads go on meanwhile; two that ask at once may both make it, and either is kept).
    func value<Key: Hashable, Entry>(for key: Key, making make: () throws -> Entry) rethrows -> Entry
    where Value == [Key: Entry] {
        if let known = withLock({ $0[key] }) { return known }
        let made = try make()
        withLock { $0[key] = made }
        return made
    }
}

/// Runs work over an array on every core, keeping the order.
enum Parallel {
    static func forEach<Element: Sendable>(_ items: [Element], _ body: @Sendable (Element) -> Void) {
        DispatchQueue.concurrentPerform(iterations: items.count) { index in body(items[index]) }
    }

    static func map<Element: Sendable, Result: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Result)
        -> [Result]
    {
        let results = ResultBox<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }

    private final class ResultBox<Value>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }
        var values: [Value] { lock.withLock { storage.map { $0! } } }
    }
}
