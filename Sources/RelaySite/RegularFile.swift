#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading and writing regular files with plain system calls, as the content reader and the site
/// writer do.
enum RegularFile {
    /// Opens `path` for reading when it is a regular file (links followed): its descriptor, which
    /// the caller closes, and its size; nil when it is missing or anything else.
    static func open(_ path: String) -> (descriptor: Int32, size: Int)? {
        #if canImport(Glibc)
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        #else
            let descriptor = Darwin.open(path, O_RDONLY | O_CLOEXEC)
        #endif
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            _ = close(descriptor)
            return nil
        }
        return (descriptor, Int(status.st_size))
    }

    /// Reads into `buffer` until it is full or the file ends: how many bytes it read, nil on an
    /// error.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        repeating(count: buffer.count) { done in
            #if canImport(Glibc)
                Glibc.read(descriptor, buffer.baseAddress! + done, buffer.count - done)
            #else
                Darwin.read(descriptor, buffer.baseAddress! + done, buffer.count - done)
            #endif
        }
    }

    /// Writes all of `bytes`: whether it did.
    static func write(_ descriptor: Int32, from bytes: UnsafeRawBufferPointer) -> Bool {
        let written = repeating(count: bytes.count) { done in
            #if canImport(Glibc)
                Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            #else
                Darwin.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            #endif
        }
        return written == bytes.count
    }

    /// Calls `transfer` with the bytes done so far until `count` are done or it moves none (the
    /// end of a file), again after an interrupted call: the bytes done, nil on an error.
    private static func repeating(count: Int, _ transfer: (Int) -> Int) -> Int? {
        var done = 0
        while done < count {
            let moved = transfer(done)
            if moved < 0, errno == EINTR { continue }
            guard moved >= 0 else { return nil }
            if moved == 0 { break }
            done += moved
        }
        return done
    }
}
