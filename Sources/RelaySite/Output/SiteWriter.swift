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
    /// Whether there is a previous site to compare files with. A first build (or one into a
    /// folder moved away) skips a failed `open` per file: 4,000 of them in a 2,000-page build.
    private let hasPrevious: Bool

    init(output: String) throws(SiteBuildError) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(
            ".\(self.output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        hasPrevious = FileWalker.isFolder(self.output.path)
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
            if hasPrevious, Self.file(at: old, equals: data), link(old, new) == 0 { return }
            do {
                try Self.writeFile(data, to: new)
            } catch {
                throw WriteError(path: path, code: errno)
            }
        } catch {
            lock.withLock { if firstError == nil { firstError = error } }
        }
    }

    /// Opens a file to write in pieces: a file made of every page (`llms-full.txt`, the search
    /// index) that a build to disk writes as the pages are made instead of holding them all.
    func stream(to path: String) -> Stream { Stream(writer: self, path: path) }

    /// A file of the staging folder written in pieces, from one thread at a time. When it is
    /// closed and holds what the previous site's file held, it becomes a hard link to that, as
    /// ``write(_:to:)`` would have made it.
    final class Stream: @unchecked Sendable {
        private let writer: SiteWriter
        private let path: String
        private var descriptor: Int32 = -1
        private var buffer: [UInt8] = []
        private static let bufferSize = 1 << 16

        fileprivate init(writer: SiteWriter, path: String) {
            self.writer = writer
            self.path = path
            do {
                try writer.makeFolder(of: path)
                descriptor = open(writer.staging.path + "/" + path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                if descriptor < 0 { throw WriteError(path: path, code: errno) }
            } catch {
                writer.keep(error)
            }
            buffer.reserveCapacity(Self.bufferSize)
        }

        func append(_ data: Data) {
            if buffer.count + data.count > Self.bufferSize { flush() }
            if data.count >= Self.bufferSize {
                put(data)
            } else {
                buffer.append(contentsOf: data)
            }
        }

        func append(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                if buffer.count + bytes.count > Self.bufferSize { flush() }
                if bytes.count >= Self.bufferSize {
                    put(Data(bytes))
                } else {
                    buffer.append(contentsOf: bytes)
                }
            }
        }

        private func flush() {
            guard !buffer.isEmpty else { return }
            put(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }

        private func put(_ data: Data) {
            guard descriptor >= 0 else { return }
            do {
                try SiteWriter.write(data, to: descriptor, path: path)
            } catch {
                writer.keep(error)
                closeDescriptor(descriptor)
                descriptor = -1
            }
        }

        /// Writes what is left and closes the file.
        func close() {
            flush()
            guard descriptor >= 0 else { return }
            closeDescriptor(descriptor)
            descriptor = -1
            let old = writer.output.path + "/" + path
            let new = writer.staging.path + "/" + path
            if writer.hasPrevious, SiteWriter.files(old, new), unlink(new) == 0, link(old, new) != 0 {
                writer.keep(WriteError(path: path, code: errno))
            }
        }
    }

    private func keep(_ error: Error) {
        lock.withLock { if firstError == nil { firstError = error } }
    }

    /// Throws the first error of any ``write(_:to:)``.
    func finish() throws {
        try lock.withLock { if let firstError { throw firstError } }
    }

    fileprivate func makeFolder(of path: String) throws {
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
        guard let file = SliceReader(path: path), file.size == data.count else { return false }
        return data.withUnsafeBytes { bytes in
            file.matches { offset, slice in memcmp(bytes.baseAddress! + offset, slice.baseAddress!, slice.count) == 0 }
        }
    }

    /// Whether two files hold the same bytes (false when either is missing or not a file).
    static func files(_ one: String, _ other: String) -> Bool {
        guard let first = SliceReader(path: one), let second = SliceReader(path: other), first.size == second.size
        else { return false }
        return first.matches { _, slice in
            second.next(slice.count) { memcmp(slice.baseAddress!, $0.baseAddress!, slice.count) == 0 }
        }
    }

    /// Reads a regular file in slices through one small buffer: the search index and
    /// llms-full.txt of a big site are tens of megabytes each, and a buffer of their size would
    /// double what the build holds.
    private final class SliceReader {
        let descriptor: Int32
        let size: Int
        private var offset = 0
        private var buffer: [UInt8]
        static let slice = 1 << 16

        init?(path: String) {
            guard let (descriptor, size) = RegularFile.open(path) else { return nil }
            self.descriptor = descriptor
            self.size = size
            buffer = [UInt8](repeating: 0, count: min(Self.slice, max(size, 1)))
        }

        deinit { closeDescriptor(descriptor) }

        /// Reads the next `count` bytes and gives them to `body`; false at a short read.
        func next(_ count: Int, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
            if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
            let descriptor = self.descriptor
            let filled = buffer.withUnsafeMutableBytes {
                RegularFile.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<count]))
            }
            guard filled == count else { return false }
            defer { offset += count }
            return buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }

        /// Whether `body` holds for every slice of the file, given with its offset.
        func matches(_ body: (Int, UnsafeRawBufferPointer) -> Bool) -> Bool {
            while offset < size {
                let start = offset
                guard next(min(Self.slice, size - offset), { body(start, $0) }) else { return false }
            }
            return true
        }
    }

    /// Writes with plain open/write/close: `Data.write(to:)` syncs every file to disk, which is a
    /// third of a large build, and the staging folder is swapped in whole anyway.
    static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        try write(data, to: descriptor, path: path)
    }

    /// Writes all of `data` to an open file.
    static func write(_ data: Data, to descriptor: Int32, path: String) throws {
        guard data.withUnsafeBytes({ RegularFile.write(descriptor, from: $0) }) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
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

/// `close(2)`, by a name that a type's own `close()` does not hide.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
