import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Python processes that have imported the SDKs once and fork a child for each snippet.
///
/// Importing `openai`, `anthropic` and `google.genai` takes about three seconds, far longer
/// than a snippet's run against a loopback relay. A warm process imports them once; for each
/// snippet it forks, and the child runs the snippet's file unchanged as `__main__` (`runpy`),
/// in the snippet's folder, with its environment, standard output and standard error, exactly
/// as `python main.py` would, and exits with its status. Only the imports are shared.
final class WarmPython: @unchecked Sendable {
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private let queue = DispatchQueue(label: "relaydocs.warm-python")
    private var pending = Data()

    /// What the server runs: import the modules, say "ready", then one job per input line.
    static let server = #"""
        import json, os, runpy, sys, time, traceback
        for name in sys.argv[2:]:
            try:
                __import__(name)
            except Exception:
                pass  # a module that does not import is the snippet's problem, as in a cold run
        try:
            exec(sys.argv[1], {})
        except Exception:
            pass  # as above: the warm-up only saves time
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        for line in sys.stdin:
            job = json.loads(line)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    os.chdir(job["cwd"])
                    os.environ.clear()
                    os.environ.update(job["env"])
                    null = os.open(os.devnull, os.O_RDONLY)
                    os.dup2(null, 0)
                    for fd, path in ((1, job["stdout"]), (2, job["stderr"])):
                        os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), fd)
                    sys.argv = [job["file"]]
                    sys.path[0] = job["cwd"]
                    try:
                        runpy.run_path(job["file"], run_name="__main__")
                        code = 0
                    except SystemExit as exit:
                        if exit.code is None:
                            code = 0
                        elif isinstance(exit.code, int):
                            code = exit.code
                        else:
                            print(exit.code, file=sys.stderr)
                            code = 1
                    except BaseException:
                        traceback.print_exc()
                        code = 1
                finally:
                    try:
                        sys.stdout.flush()
                        sys.stderr.flush()
                    finally:
                        os._exit(code)
            deadline = time.monotonic() + job["timeout"]
            timed_out = False
            while True:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                if time.monotonic() > deadline:
                    os.kill(pid, 9)
                    _, status = os.waitpid(pid, 0)
                    timed_out = True
                    break
                time.sleep(0.002)
            sys.stdout.write(json.dumps({"status": os.waitstatus_to_exitcode(status), "timedOut": timed_out}) + "\n")
            sys.stdout.flush()
        """#

    /// Starts a server with `python` that imports `modules`, then runs `warmup`.
    init(python: String, modules: [String], warmup: String, environment: [String: String]) throws {
        let stdin = Pipe()
        let stdout = Pipe()
        process.executableURL = URL(fileURLWithPath: try ProgramRunner.resolve(python))
        process.arguments = ["-c", Self.server, warmup] + modules
        process.environment = environment
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        try process.run()
        guard readLine() == "ready" else { throw StartFailure(python: python) }
    }

    deinit {
        try? input.close()
        process.terminate()
    }

    struct StartFailure: Error, CustomStringConvertible {
        let python: String
        var description: String { "\(python) could not start a warm interpreter" }
    }

    /// Runs `file` in `folder` as `python file` would, and returns what it left behind.
    func run(file: String, in folder: URL, environment: [String: String], timeout: Duration) async throws
        -> ProgramResult
    {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "relaydocs-warm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout").path
        let err = scratch.appendingPathComponent("stderr").path
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let job: [String: Any] = [
            "file": folder.appendingPathComponent(file).path, "cwd": folder.path, "env": environment,
            "stdout": out, "stderr": err, "timeout": seconds,
        ]
        let line = try JSONSerialization.data(withJSONObject: job) + Data("\n".utf8)
        let reply: String? = await withCheckedContinuation { continuation in
            queue.async {
                self.input.write(line)
                continuation.resume(returning: self.readLine())
            }
        }
        guard let reply, let data = reply.data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let status = object["status"] as? Int
        else { throw StartFailure(python: "the warm interpreter") }
        func read(_ path: String) -> String {
            (try? String(contentsOfFile: path, encoding: .utf8))
                ?? String(decoding: (FileManager.default.contents(atPath: path) ?? Data()), as: UTF8.self)
        }
        return ProgramResult(
            status: Int32(status), stdout: read(out), stderr: read(err), timedOut: object["timedOut"] as? Bool ?? false)
    }

    /// One line of the server's output, without its newline; nil at the end.
    private func readLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                return line
            }
            let chunk = output.availableData
            if chunk.isEmpty { return nil }
            pending.append(chunk)
        }
    }
}

/// Warm Python servers, one per job and interpreter, handed out one at a time.
actor WarmPythonPool {
    private var idle: [String: [WarmPython]] = [:]
    private let modules: [String]
    private let warmup: String
    private let environment: [String: String]

    init(modules: [String], warmup: String, environment: [String: String]) {
        self.modules = modules
        self.warmup = warmup
        self.environment = environment
    }

    /// A server for `python` that no one else is using (a new one when all are busy).
    func take(python: String) throws -> WarmPython {
        if let server = idle[python]?.popLast() { return server }
        return try WarmPython(python: python, modules: modules, warmup: warmup, environment: environment)
    }

    /// Gives a server back for the next run.
    func give(_ server: WarmPython, python: String) {
        idle[python, default: []].append(server)
    }
}
