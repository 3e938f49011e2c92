import Foundation
import RelaySite
import RelaySnippets

/// What a rebuild starts from: a site builder and the snippet generator of the same catalog.
///
/// A class, so the snippet API's read of the current inputs on every request takes one
/// reference instead of copying both structs.
public final class SiteInputs: Sendable {
    public let builder: SiteBuilder
    public let generator: SnippetGenerator

    /// Snippet API answers of this generator, reused across keys (a new catalog or new
    /// templates come with new inputs, and so with an empty cache).
    let answerCache = SnippetAnswerCache()

    public init(builder: SiteBuilder, generator: SnippetGenerator) {
        self.builder = builder
        self.generator = generator
    }
}

/// The site `relaydocs serve` serves: built in memory, rebuilt on change (only what the change
/// touches), with the last good build kept while an edit is broken.
///
/// It runs on its own queue (``buildExecutor``), so a build never holds up the event loops
/// that answer requests.
public actor LiveSite {
    /// A change that open pages hear about.
    public enum Event: Sendable, Equatable {
        /// A new build is served: reload.
        case reload(version: Int)
        /// The last edit broke the build: show the message; the last good site is still served.
        case failure(String)
    }

    private let load: @Sendable () throws -> SiteInputs
    /// Where the actor runs: a serial queue of its own. The file watcher's task prefers it too.
    public nonisolated let buildExecutor = DispatchQueueExecutor(label: "relaydocs.build")
    public nonisolated var unownedExecutor: UnownedSerialExecutor { buildExecutor.asUnownedSerialExecutor() }
    private let cache = SiteCache()
    /// The files of the last good build (their `basePath` is the path they are served under),
    /// readable without waiting for the actor: every page request reads them, and one that waited
    /// for the actor waited behind any rebuild under way (and hopped to the build queue and back,
    /// which made a page slower to serve than an API answer).
    public nonisolated let served = Locked<SiteFiles?>(nil)
    public private(set) var inputs: SiteInputs? {
        didSet { current.withLock { $0 = inputs } }
    }
    /// The inputs of the last good build, readable without waiting for the actor (the snippet
    /// API reads them on every request).
    public nonisolated let current = Locked<SiteInputs?>(nil)
    /// The message of the last failed build, until a build succeeds.
    public private(set) var failure: String?
    /// Counts successful builds.
    public private(set) var version = 0
    /// How many pages the last build rendered anew and laid out anew.
    public private(set) var lastRebuild: (rendered: Int, laidOut: Int, seconds: Double) = (0, 0, 0)
    private var listeners: [UUID: AsyncStream<Event>.Continuation] = [:]

    /// - Parameter load: reads the catalog and templates; called before every build, so edits to
    ///   them take effect.
    public init(load: @escaping @Sendable () throws -> SiteInputs) {
        self.load = load
    }

    /// Builds the site and tells every open page; returns the error message if the build failed.
    @discardableResult
    public func rebuild() -> String? {
        let started = Date()
        do {
            let inputs = try load()
            cache.beginBuild()
            let site = try inputs.builder.render(cache: cache)
            served.withLock { $0 = site }
            self.inputs = inputs
            failure = nil
            version += 1
            lastRebuild = (cache.renderedCount, cache.laidOutCount, Date().timeIntervalSince(started))
            broadcast(.reload(version: version))
            return nil
        } catch {
            let message = "\(error)"
            failure = message
            broadcast(.failure(message))
            return message
        }
    }

    /// Events from now on; the current failure, if any, comes first.
    public func events() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream()
        let id = UUID()
        listeners[id] = continuation
        if let failure { continuation.yield(.failure(failure)) }
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeListener(id) }
        }
        return stream
    }

    private func removeListener(_ id: UUID) { listeners[id] = nil }

    private func broadcast(_ event: Event) {
        for continuation in listeners.values { continuation.yield(event) }
    }
}

/// Polls folders and files for changes (portable, and cheap at docs-site sizes).
public struct FileWatcher: Sendable {
    public let paths: [String]

    public init(paths: [String]) { self.paths = paths }

    /// Every regular file below the paths with its modification time and size. A walk with
    /// readdir and stat: Foundation's enumerator with resource values kept a core a quarter busy
    /// on a 2,000-page site, polling four times a second.
    public func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        for path in paths {
            if FileWalker.isFolder(path) {
                for entry in FileWalker.files(under: path) {
                    result[path + "/" + entry.path] = "\(entry.modified.timeIntervalSince1970):\(entry.size)"
                }
            } else if let entry = FileWalker.file(at: path) {
                result[path] = "\(entry.modified.timeIntervalSince1970):\(entry.size)"
            }
        }
        return result
    }

    /// Calls `changed` after each change, until the task is cancelled.
    public func run(interval: Duration = .milliseconds(250), changed: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = snapshot()
            if now != last {
                last = now
                await changed()
            }
        }
    }
}
