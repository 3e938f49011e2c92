import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the site into a temporary folder beside the output folder, and swaps it in only when
/// everything was written: a failed build leaves the previous site as it was.
///
/// A file whose bytes equal the previous site's file at the same path is hard-linked from it
/// instead of written again: it keeps its modification time (so `rsync` and upload tools send
/// only what changed), and the file system allocates no new inode for it. Files are written on
/// every core.
final class SiteWriter: @unchecked Sendable {
    let output: URL
    let staging: URL
    private var committed = false

    init(output: String) throws(SiteBuildError) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(
            ".\(self.output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw SiteBuildError([
                SiteDiagnostic(
                    file: output, line: 0, message: "cannot create \(staging.path): \(error.localizedDescription)")
            ])
        }
    }

    deinit { if !committed { discard() } }

    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var firstError: Error?

    /// Writes one file into the staging folder; safe to call from any thread. A failure is kept
    /// and thrown by ``finish()``.
    func write(_ data: Data, to path: String) {
        do {
            try makeFolder(of: path)
            let old = output.path + "/" + path
            let new = staging.path + "/" + path
            if Self.file(at: old, equals: data), link(old, new) == 0 { return }
            do {
                try Self.writeFile(data, to: new)
            } catch {
                throw WriteError(path: path, code: errno)
            }
        } catch {
            lock.withLock { if firstError == nil { firstError = error } }
        }
    }

    /// Throws the first error of any ``write(_:to:)``.
    func finish() throws {
        try lock.withLock { if let firstError { throw firstError } }
    }

    private func makeFolder(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        try lock.withLock {
            guard !folders.contains(folder) else { return }
            try FileManager.default.createDirectory(
                at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            folders.insert(folder)
        }
    }

    struct WriteError: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }

    /// Whether the file at `path` holds exactly `data` (false when it is missing or not a file).
    static func file(at path: String, equals data: Data) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == data.count
        else { return false }
        if data.isEmpty { return true }
        // In slices through one small buffer: the search index and llms-full.txt of a big site are
        // tens of megabytes each, and a buffer of their size would double what the build holds.
        let slice = 1 << 16
        var buffer = [UInt8](repeating: 0, count: min(slice, data.count))
        var offset = 0
        while offset < data.count {
            let wanted = min(slice, data.count - offset)
            var filled = 0
            while filled < wanted {
                let count = buffer.withUnsafeMutableBytes {
                    read(descriptor, $0.baseAddress! + filled, wanted - filled)
                }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                filled += count
            }
            let same = data.withUnsafeBytes { bytes in
                buffer.withUnsafeBytes { memcmp(bytes.baseAddress! + offset, $0.baseAddress!, wanted) == 0 }
            }
            guard same else { return false }
            offset += wanted
        }
        return true
    }

    /// Writes with plain open/write/close: `Data.write(to:)` syncs every file to disk, which is a
    /// third of a large build, and the staging folder is swapped in whole anyway.
    static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                    let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
                offset += written
            }
        }
    }

    /// Replaces the output folder with the staged one.
    func commit() throws {
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: old)
        if fileManager.fileExists(atPath: output.path) { try fileManager.moveItem(at: output, to: old) }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if fileManager.fileExists(atPath: old.path) { try? fileManager.moveItem(at: old, to: output) }
            throw error
        }
        committed = true
        try? fileManager.removeItem(at: old)
    }

    func discard() { try? FileManager.default.removeItem(at: staging) }
}
