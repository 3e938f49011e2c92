import Foundation
import Testing

@testable import RelaySite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Build stamps")
struct BuildStampTests {
    /// A folder with files at three depths, a hidden file and folder, and a name that sorts
    /// between a folder and its files (`a.b` after `a`, before `a/…`).
    static func tree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("relaydocs-stamp-\(UUID().uuidString)")
        for (path, text) in [
            "index.md": "# Home", "a/one.md": "1", "a/deep/two.md": "22", "a.b": "dot", ".hidden": "h",
            ".git/HEAD": "ref", "z/three.md": "333", "z/四.md": "4",
        ] {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: false, encoding: .utf8)
        }
        return root
    }

    /// The listing as the stamp's format says it, made here the slow way: every entry below
    /// the root (hidden ones too) by path, with `stat`'s numbers written out.
    static func expectedLines(of root: String) throws -> String {
        let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: root) as [String]?)
        var lines: [(String, String)] = []
        for path in paths {
            var info = stat()
            #expect(stat(root + "/" + path, &info) == 0)
            let folder = (info.st_mode & S_IFMT) == S_IFDIR
            func time(_ value: timespec) -> String {
                "\(value.tv_sec)." + String(format: "%09ld", value.tv_nsec)
            }
            lines.append(
                (
                    path,
                    "\(folder ? "dir" : "-") \(path) \(info.st_size) \(time(info.st_mtim)) \(time(info.st_ctim)) "
                        + "\(info.st_ino) \(info.st_mode)"
                ))
        }
        return lines.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map { $0.1 + "\n" }.joined()
    }

    @Test("the listing has every entry below the folder, by path, with its status")
    func listing() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        var latest = 0.0
        let lines = BuildStamp.lines(of: root.path, latestChange: &latest)
        #expect(lines == (try Self.expectedLines(of: root.path)))
        #expect(lines.split(separator: "\n").count == 12)
        #expect(latest > Date().timeIntervalSince1970 - 60)
    }

    @Test("an input changed after the listing started keeps the stamp from being saved")
    func changedDuringListing() async throws {
        let root = try Self.tree()
        let cache = root.path + "-cache"
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(atPath: cache)
        }
        let output = root.path + "-site"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: output) }
        func stamp(started: Double) -> BuildStamp {
            BuildStamp(folders: [root.path], files: [], words: ["test"], output: output, cache: cache, started: started)
        }
        // Files changed within a second before a listing are never trusted.
        try await Task.sleep(for: .milliseconds(1100))
        #expect(!BuildStamp.mayBeUpToDate(output: output, cache: cache))
        stamp(started: BuildStamp.now).save()
        #expect(BuildStamp.mayBeUpToDate(output: output, cache: cache))
        #expect(stamp(started: BuildStamp.now).isUpToDate)

        // The build began (and may have read the page), then the page changed, and it was listed
        // more than a second later (a listing that runs beside reading the catalog and templates).
        let started = BuildStamp.now
        try "# Changed".write(to: root.appendingPathComponent("index.md"), atomically: false, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(1100))
        let late = stamp(started: started)
        late.save()
        #expect(!BuildStamp.mayBeUpToDate(output: output, cache: cache), "no stamp is kept")
        #expect(!late.isUpToDate)
    }
}
