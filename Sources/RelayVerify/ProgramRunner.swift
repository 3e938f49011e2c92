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

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try resolve(executable))
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        // Closed here once the program has ended: Foundation's Process keeps them open otherwise,
        // and the descriptors a long run leaks make Process.run() read past its buffer (and crash)
        // when it lists /proc/self/fd.
        let handles = [
            try FileHandle(forWritingTo: out), try FileHandle(forWritingTo: err), try FileHandle(forReadingFrom: input),
        ]
        defer { for handle in handles { try? handle.close() } }
        process.standardOutput = handles[0]
        process.standardError = handles[1]
        process.standardInput = handles[2]
        let box = ProcessBox(process)
        let timedOut = TimeoutFlag()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            if box.process.isRunning {
                timedOut.set()
                box.process.terminate()
            }
        }
        defer { watchdog.cancel() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return ProgramResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
            timedOut: timedOut.value)
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

    private final class ProcessBox: @unchecked Sendable {
        let process: Process
        init(_ process: Process) { self.process = process }
    }

    private final class TimeoutFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        func set() { lock.withLock { flag = true } }
        var value: Bool { lock.withLock { flag } }
    }
}
