import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the site into a temporary folder beside the output folder, and swaps it in only when
/// everything was written: a failed build leaves the previous site as it was.
final class SiteWriter {
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

    private var folders: Set<String> = []

    func write(_ data: Data, to path: String) throws {
        let file = staging.appendingPathComponent(path)
        let folder = file.deletingLastPathComponent()
        if !folders.contains(folder.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            folders.insert(folder.path)
        }
        try Self.writeFile(data, to: file.path)
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
