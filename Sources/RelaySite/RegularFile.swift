#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading regular files with plain system calls, as the content reader and the site writer's
/// comparison with the previous site both do.
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

    /// Reads into `buffer` until it is full or the file ends, again after an interrupted read:
    /// how many bytes it read, nil on an error.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        var filled = 0
        while filled < buffer.count {
            #if canImport(Glibc)
                let got = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            #else
                let got = Darwin.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            #endif
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            filled += got
        }
        return filled
    }
}
