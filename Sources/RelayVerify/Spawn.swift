import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starting a child process with `posix_spawn`, for ``ProgramRunner``.
///
/// Foundation's `Process.run()` on Linux (swift-corelibs-foundation as of Swift 6.3.1) reads
/// `/proc/self/fd` with a 256-byte copy of each `dirent`, which faults now and then when a record
/// ends a page (swift-corelibs-foundation PR #5472): a verification that starts a few hundred
/// programs crashed the whole test process that way. This starts programs without that code.
enum Spawn {
    /// A running child.
    struct Child: Sendable {
        let pid: pid_t
    }

    /// What went wrong starting a program.
    struct Failure: Error, CustomStringConvertible {
        let step: String
        let code: Int32
        var description: String { "\(step) failed: \(String(cString: strerror(code)))" }
    }

    /// Starts `path` with `arguments` (without the program's name) in `directory`, with the
    /// environment, and standard input, output and error connected to the given descriptors. No
    /// other descriptor of this process reaches the child.
    static func start(
        _ path: String, _ arguments: [String], directory: String?, environment: [String: String],
        stdin: Int32, stdout: Int32, stderr: Int32
    ) throws -> Child {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (descriptor, target) in [(stdin, Int32(0)), (stdout, 1), (stderr, 2)] {
            let code = posix_spawn_file_actions_adddup2(&actions, descriptor, target)
            guard code == 0 else { throw Failure(step: "posix_spawn_file_actions_adddup2", code: code) }
        }
        // Both are glibc extensions (2.29 and 2.34) that Swift's Glibc module does not declare.
        if let closeFrom = GNUExtensions.addCloseFrom {
            _ = closeFrom(&actions, 3)
        }
        if let directory {
            guard let addChdir = GNUExtensions.addChdir else {
                throw Failure(step: "posix_spawn_file_actions_addchdir_np (glibc 2.29 or later)", code: ENOSYS)
            }
            let code = directory.withCString { addChdir(&actions, $0) }
            guard code == 0 else { throw Failure(step: "posix_spawn_file_actions_addchdir_np", code: code) }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with no signal blocked and every signal at its default action (this
        // process ignores SIGPIPE, which a shell pipeline in a snippet must not inherit).
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw Failure(step: "posix_spawn \(path)", code: code) }
        return Child(pid: pid)
    }

    /// Waits for the child to end, on a thread of its own (the wait blocks), and returns its exit
    /// status, or the number of the signal that ended it.
    static func wait(for child: Child) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(child.pid, &status, 0) == -1, errno == EINTR {}
                let signal = status & 0x7F
                continuation.resume(returning: signal == 0 ? (status >> 8) & 0xFF : signal)
            }
        }
    }

    /// Asks the child to stop (SIGTERM).
    static func terminate(_ child: Child) {
        kill(child.pid, SIGTERM)
    }

    /// The glibc functions looked up at run time.
    private enum GNUExtensions {
        typealias AddChdir =
            @convention(c) (
                UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
            ) -> Int32
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

        static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
        static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

        private static func symbol<T>(_ name: String) -> T? {
            #if canImport(Glibc)
                let everyLibrary: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
            #else
                let everyLibrary = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
            #endif
            guard let address = dlsym(everyLibrary, name) else { return nil }
            return unsafeBitCast(address, to: T.self)
        }
    }
}
