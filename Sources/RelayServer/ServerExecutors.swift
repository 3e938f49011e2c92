import Dispatch
import NIOCore
import NIOPosix

extension RelayServer {
    /// Makes SwiftNIO's event loops the executor of every task of the process, so a request is
    /// read, answered and written on one thread instead of hopping to Swift's cooperative pool
    /// and back (two thread switches a request; switching threads was the largest single item in
    /// the profile of the server under load).
    ///
    /// Call it once, first thing, in a process that only serves; work that blocks for long (a
    /// site build, a walk of the content folder) must then run on a ``DispatchQueueExecutor``,
    /// as ``LiveSite`` and the file watcher do. Returns whether the event loops took over.
    ///
    /// In a binary linked with `--static-swift-stdlib` (the release build) they cannot: SwiftNIO
    /// finds the runtime's hook with `dlsym`, and the static runtime keeps it hidden. Tasks then
    /// run on Swift's own pool; measured side by side, the static build still answered more
    /// requests a second than the dynamic one with the event loops, on every route.
    @discardableResult
    public static func runTasksOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}

/// A serial executor and task executor backed by a Dispatch queue: what blocks (a site build, a
/// walk of the watched folders) runs there, off the event loops that serve requests.
public final class DispatchQueueExecutor: SerialExecutor, TaskExecutor, @unchecked Sendable {
    // @unchecked: the stored properties are a Dispatch queue and its key, both thread-safe.
    private let queue: DispatchQueue
    private let key = DispatchSpecificKey<ObjectIdentifier>()

    /// - Parameter label: the queue's label, as thread names and debuggers show it.
    public init(label: String) {
        queue = DispatchQueue(label: label)
        queue.setSpecific(key: key, value: ObjectIdentifier(self))
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async {
            job.runSynchronously(isolatedTo: self.asUnownedSerialExecutor(), taskExecutor: self.asUnownedTaskExecutor())
        }
    }

    /// Whether the caller runs on this executor's queue.
    public var isCurrent: Bool { DispatchQueue.getSpecific(key: key) == ObjectIdentifier(self) }

    public func checkIsolated() {
        precondition(isCurrent, "expected to run on the queue of \(queue.label)")
    }
}
