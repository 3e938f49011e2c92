import Foundation
import RelayVerify
import Testing

/// `relaydocs markdown` and `relaydocs build`, run as users run them.
@Suite("relaydocs markdown and build")
struct SiteCommandTests {
    let cli = CLITests()

    /// Runs relaydocs with text on standard input.
    func relaydocs(_ arguments: [String], stdin: String) async throws -> CLITests.Result {
        try await cli.run(arguments, stdin: stdin)
    }

    @Test("markdown reads standard input; raw HTML only with --unsafe")
    func markdownFromStandardInput() async throws {
        let text = "| a | b |\n|---|:-:|\n| 1 | 2 |\n\n<b>x</b>\n"
        let safe = try await relaydocs(["markdown"], stdin: text)
        #expect(safe.status == 0)
        #expect(safe.stdout.contains("<th align=\"center\">b</th>"))
        #expect(
            safe.stdout.contains("<!-- raw HTML omitted -->")
                || safe.stdout.contains("<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>"))
        let unsafe = try await relaydocs(["markdown", "--unsafe"], stdin: text)
        #expect(unsafe.stdout.contains("<b>x</b>"))
    }

    /// A new folder holding `content/index.md`: a home page with one snippet block.
    static func homePage(_ prefix: String) throws -> (folder: URL, content: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try "# Home\n\n```snippet model=deepseek-chat langs=curl\n```\n".write(
            to: content.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        return (folder, content)
    }

    @Test("build prints a summary; a broken page fails with file:line and keeps the old site")
    func buildCommand() async throws {
        let (folder, content) = try Self.homePage("relaydocs-build")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("site").path
        let ok = try await cli.relaydocs("build", "--content", content.path, "--out", out)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stderr.contains("built 1 pages in 1 locale into \(out)/ in "))
        let page = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(page.contains("deepseek-chat"))

        try "# Broken\n\n[x](missing.md)\n".write(
            to: content.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        let failed = try await cli.relaydocs("build", "--content", content.path, "--out", out)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("\(content.path)/broken.md:3: error: broken link \"missing.md\""))
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == page)
        #expect(!FileManager.default.fileExists(atPath: out + "/broken.html"))
    }

    @Test("a build with nothing changed leaves the site as it is; a change to an input or to the site builds again")
    func upToDate() async throws {
        let (folder, content) = try Self.homePage("relaydocs-stamp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = content.appendingPathComponent("index.md")
        let catalog = folder.appendingPathComponent("catalog.yaml")
        try FileManager.default.copyItem(
            at: CLITests.packageRoot.appendingPathComponent("content/catalog.yaml"), to: catalog)
        let out = folder.appendingPathComponent("site").path
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = folder.appendingPathComponent("cache").path
        func build(_ extra: String...) async throws -> String {
            let result = try await ProgramRunner.run(
                CLITests.binary, ["build", "--content", content.path, "--out", out, "--catalog", catalog.path] + extra,
                environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stderr
        }
        func inode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
        }
        let upToDate = "\(out)/ is up to date: nothing it is built from has changed since its last build"
        // Inputs changed within a second of a build are not trusted (file times are coarse).
        try await Task.sleep(for: .milliseconds(1100))
        #expect(try await build().contains("built 1 pages in 1 locale"))
        let first = try inode(out + "/index.html")
        let stamps = try FileManager.default.contentsOfDirectory(
            atPath: environment["XDG_CACHE_HOME"]! + "/relaydocs/builds")
        #expect(stamps.count == 1 && stamps[0].hasSuffix(".stamp"))
        #expect(try await build().contains(upToDate))
        #expect(try inode(out + "/index.html") == first, "the site was left as it was")
        #expect(try await build("--force").contains("built 1 pages"))

        // A page edited to the same size, with its modification time put back: its status-change
        // time still shows the edit.
        var before = stat()
        #expect(stat(page.path, &before) == 0)
        try "# Gone\n\n```snippet model=deepseek-chat langs=curl\n```\n".write(
            to: page, atomically: false, encoding: .utf8)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, page.path, &times, 0) == 0)
        var after = stat()
        #expect(stat(page.path, &after) == 0)
        #expect(
            after.st_size == before.st_size && after.st_ino == before.st_ino
                && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        try await Task.sleep(for: .milliseconds(1100))
        #expect(try await build().contains("built 1 pages"))
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8).contains("Gone"))
        #expect(try await build().contains(upToDate))

        // The catalog, a file of the site, and a file of the site removed.
        try (String(contentsOf: catalog, encoding: .utf8) + "\n").write(to: catalog, atomically: true, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(1100))
        #expect(try await build().contains("built 1 pages"))
        #expect(try await build().contains(upToDate))
        try "edited".write(toFile: out + "/index.html", atomically: false, encoding: .utf8)
        #expect(try await build().contains("built 1 pages"))
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8).contains("Gone"))
        try FileManager.default.removeItem(atPath: out + "/index.md")
        #expect(try await build().contains("built 1 pages"))
        #expect(FileManager.default.fileExists(atPath: out + "/index.md"))
        #expect(try await build().contains(upToDate))
    }

    @Test("the default content builds")
    func defaultContent() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "relaydocs-default-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try await cli.relaydocs(
            "build", "--content", CLITests.packageRoot.appendingPathComponent("content").path, "--out", out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/guide/quickstart.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/en/guide/quickstart.html"))
    }
}

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("relaydocs serve as a process")
struct ServeProcessTests {
    /// A free loopback port.
    static func freePort() -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func shutsDownCleanlyOnSignal(signal: Int32) async throws {
        let port = Self.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = [
            "serve", "--no-watch", "--port", "\(port)", "--content",
            CLITests.packageRoot.appendingPathComponent("content").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var up = false
        for _ in 0..<100 where !up {
            if let (_, response) = try? await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(port)/healthz")!),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                up = true
            } else {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(up, "relaydocs serve did not answer on port \(port)")
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "still running 10 s after the signal")
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
