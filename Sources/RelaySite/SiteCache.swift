import Foundation
import RelayCatalog

/// What a series of in-memory builds keeps between runs, so a rebuild does only the work a
/// change touches: a page whose text did not change is not rendered again, and a page whose
/// rendered content, title and sidebar did not change is not laid out again.
///
/// Anything that can change every page (the catalog, the templates, `site.yaml`) starts a new
/// generation, which nothing of the previous one matches.
public final class SiteCache: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: (generation: Int, text: String, page: RenderedPage)] = [:]
    private var layouts: [String: (key: Int, data: Data)] = [:]
    private var texts: [String: (modified: Date, size: Int, text: String)] = [:]
    private var derived: [String: (key: Int, value: any Sendable)] = [:]
    /// How many pages were rendered and laid out by the last build (for tests and progress).
    public private(set) var renderedCount = 0
    public private(set) var laidOutCount = 0

    public init() {}

    /// Resets the counters before a build.
    public func beginBuild() {
        lock.withLock {
            renderedCount = 0
            laidOutCount = 0
        }
    }

    /// A number that changes whenever the catalog, the site templates or the configuration do.
    func generation(
        catalog: Catalog, snippetTemplates: Int, templates: [String: String], configuration: SiteConfiguration
    ) -> Int {
        var hasher = Hasher()
        hasher.combine(snippetTemplates)
        hasher.combine(catalog)
        hasher.combine(templates)
        hasher.combine(configuration)
        return hasher.finalize()
    }

    /// The text of a file read before, if its modification time and size are the same.
    func text(path: String, modified: Date, size: Int) -> String? {
        lock.withLock {
            guard let entry = texts[path], entry.modified == modified, entry.size == size else { return nil }
            return entry.text
        }
    }

    func store(text: String, path: String, modified: Date, size: Int) {
        lock.withLock { texts[path] = (modified, size, text) }
    }

    func page(_ source: SourcePage, generation: Int) -> RenderedPage? {
        lock.withLock {
            guard let entry = pages[source.displayPath], entry.generation == generation, entry.text == source.text
            else {
                return nil
            }
            return entry.page
        }
    }

    /// Keeps a page rendered from `text` (its source's text, which the page does not keep).
    func store(_ page: RenderedPage, text: String, generation: Int) {
        lock.withLock {
            pages[page.source.displayPath] = (generation, text, page)
            renderedCount += 1
        }
    }

    func layout(path: String, key: Int) -> Data? {
        lock.withLock {
            guard let entry = layouts[path], entry.key == key else { return nil }
            return entry.data
        }
    }

    func store(layout data: Data, path: String, key: Int) {
        lock.withLock {
            layouts[path] = (key, data)
            laidOutCount += 1
        }
    }

    /// A value made from many pages (a locale's sidebar, the sitemap), made again only when its
    /// key changes.
    func derived<Value: Sendable>(_ name: String, key: Int, make: () -> Value) -> Value {
        if let hit = lock.withLock({ derived[name] }), hit.key == key, let value = hit.value as? Value { return value }
        let value = make()
        lock.withLock { derived[name] = (key, value) }
        return value
    }

    /// A value kept from the last build under a name.
    func stored<Value>(_ name: String, as type: Value.Type) -> Value? {
        lock.withLock { derived[name]?.value as? Value }
    }

    /// Takes a value kept under a name out of the cache (so that changing it copies nothing).
    func take<Value>(_ name: String, as type: Value.Type) -> Value? {
        lock.withLock { derived.removeValue(forKey: name)?.value as? Value }
    }

    /// Keeps a value for the next build.
    func store<Value: Sendable>(_ value: Value, as name: String) {
        lock.withLock { derived[name] = (0, value) }
    }
}
