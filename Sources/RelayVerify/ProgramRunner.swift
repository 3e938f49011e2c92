import Foundation

/// What a finished program left behind.
public struct ProgramResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Whether the program was stopped for running past its time limit.
    public var timedOut: Bool
}

/// Runs programs with captured output and a time limit.
public enum ProgramRunner {
    /// Runs `executable` (a path, or a name looked up on PATH).
    ///
    /// Output goes through files, so a program that prints a lot cannot block on a full pipe.
    public static func run(
        _ executable: String, _ arguments: [String], directory: URL? = nil, environment: [String: String]? = nil,
        stdin: String? = nil, timeout: Duration = .seconds(120)
    ) async throws -> ProgramResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "relaydocs-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        let input = scratch.appendingPathComponent("stdin")
        try Data().write(to: out)
        try Data().write(to: err)
        try Data((stdin ?? "").utf8).write(to: input)

        let path = try resolve(executable)
        let output = try FileHandle(forWritingTo: out)
        let errors = try FileHandle(forWritingTo: err)
        let source = try FileHandle(forReadingFrom: input)
        // Started with posix_spawn, not Foundation's Process (see ``Spawn``).
        let child = try Spawn.start(
            path, arguments, directory: directory?.path,
            environment: environment ?? ProcessInfo.processInfo.environment,
            stdin: source.fileDescriptor, stdout: output.fileDescriptor, stderr: errors.fileDescriptor)
        try? output.close()
        try? errors.close()
        try? source.close()
        let state = RunState()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            if state.timeOut() { Spawn.terminate(child) }
        }
        defer { watchdog.cancel() }
        let status = await Spawn.wait(for: child)
        state.exit()
        return ProgramResult(
            status: status,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
            timedOut: state.timedOut)
    }

    /// The absolute path of a program, or an error that says it is missing.
    public static func resolve(_ executable: String) throws -> String {
        if executable.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw MissingProgram(name: executable)
            }
            return executable
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(executable)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw MissingProgram(name: executable)
    }

    /// A program that is not installed.
    public struct MissingProgram: Error, CustomStringConvertible {
        public let name: String
        public var description: String {
            "\(name) is not installed or not on PATH; `make test` installs what is needed"
        }
    }

    /// Whether a run ended, and whether its time ran out first.
    private final class RunState: @unchecked Sendable {
        private let lock = NSLock()
        private var exited = false
        private var expired = false

        /// Records that the time ran out; returns whether the program is still to be stopped.
        func timeOut() -> Bool {
            lock.withLock {
                guard !exited else { return false }
                expired = true
                return true
            }
        }

        func exit() { lock.withLock { exited = true } }
        var timedOut: Bool { lock.withLock { expired } }
    }
}
