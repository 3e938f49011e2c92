import Foundation
import RelayMarkdown

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a finished build read and wrote, so that a build whose inputs and output folder are as
/// the last build left them can say so instead of building again (as `make` does).
///
/// A stamp is text: a header (the build's options, the executable's and libcmark's identity),
/// then a line per input file and per output file with its size, modification and status-change
/// times (nanoseconds) and inode. Nothing is parsed back: a build is up to date when the text made
/// now equals the text saved. No program can set the status-change time back (`touch -d` and
/// `cp -p`, which set the modification time, change it), so an edit that keeps a file's size and
/// modification time still shows.
///
/// The inputs are listed from a moment *before* the build reads them (the listing may run while
/// the build reads the catalog and templates): a file changed during the build differs from its
/// line next time, or changed after that moment, which keeps the stamp from being saved. The
/// outputs are listed after the new site has replaced the old one:
/// a file of the site edited, added or removed since differs too. Stamps are kept in the user's
/// cache folder (`$XDG_CACHE_HOME/relaydocs/builds`, else `~/.cache/relaydocs/builds`), one per
/// output folder, never in the site; they hold paths, sizes and times, no page text or key.
public struct BuildStamp: Sendable {
    /// The text the stamp saves: the header and the inputs' lines.
    let inputs: String
    /// Where the stamp of this output folder is kept, or nil when there is no cache folder.
    let file: String?
    /// The output folder, absolute.
    let output: String
    /// When the inputs were listed, and the latest change of one of them (seconds since 1970).
    let listed: Double
    let latestChange: Double

    /// The stamp's layout: a change to it makes every earlier stamp differ.
    static let format = "relaydocs build stamp 1"

    /// Lists the inputs of a build: every file below `folders` (hidden ones too), each of
    /// `files`, and `words` (the build's options, each on its own line).
    ///
    /// - Parameter started: when the listing started (``now``), taken before the build reads any
    ///   input, so that the listing may run while the build reads some: an input changed after
    ///   that moment keeps ``save()`` from keeping the stamp. The default is the moment of the call.
    public init(
        folders: [String], files: [String], words: [String], output: String, cache: String? = Self.cacheFolder,
        started: Double? = nil
    ) {
        listed = started ?? Self.now
        var latest = 0.0
        var text = Self.format + "\n"
        for word in words + [Self.executableIdentity, Self.libcmarkIdentity] {
            text += "option " + Self.escaped(word) + "\n"
        }
        for folder in folders {
            let root = Self.absolute(folder)
            text += "folder " + Self.escaped(root) + "\n"
            text += Self.lines(of: root, latestChange: &latest)
        }
        for file in files {
            let path = Self.absolute(file)
            text += "file " + Self.escaped(path) + " " + Self.status(of: path, latestChange: &latest) + "\n"
        }
        inputs = text
        latestChange = latest
        let output = Self.absolute(output)
        self.output = output
        file = Self.stampFile(ofAbsolute: output, cache: cache)
    }

    /// The time now, as a listing's start (seconds since 1970).
    public static var now: Double {
        var timestamp = timespec()
        clock_gettime(CLOCK_REALTIME, &timestamp)
        return Double(timestamp.tv_sec) + Double(timestamp.tv_nsec) / 1e9
    }

    /// Whether a build into `output` could be up to date: its folder and a stamp of it exist.
    /// When not, a build need not wait for its inputs to be listed before it starts.
    public static func mayBeUpToDate(output: String, cache: String? = Self.cacheFolder) -> Bool {
        let output = absolute(output)
        guard let file = stampFile(ofAbsolute: output, cache: cache) else { return false }
        return FileWalker.isFolder(output) && access(file, F_OK) == 0
    }

    /// Where the stamp of an output folder (an absolute path) is kept, nil without a cache folder.
    private static func stampFile(ofAbsolute output: String, cache: String?) -> String? {
        cache.map { $0 + "/" + hexHash(of: output) + ".stamp" }
    }

    /// Whether the last build into the output folder had these inputs and its files are as it
    /// left them.
    public var isUpToDate: Bool {
        guard let file, let saved = FileManager.default.contents(atPath: file) else { return false }
        return saved.elementsEqual((inputs + outputLines()).utf8)
    }

    /// Saves the stamp after a build: its inputs as listed before the build, the output as it is
    /// now. A stamp that cannot be written is left out (the next build just builds).
    ///
    /// File times are only as fine as the file system's clock (a few milliseconds on ext4): an
    /// input changed in the same tick as the listing could change again, keeping its size and
    /// times. So, as git does for its index, no stamp is kept when an input changed within a
    /// second before it was listed; the next build builds.
    public func save() {
        guard let file else { return }
        guard latestChange < listed - 1 else {
            remove()
            return
        }
        let folder = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = file + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data((inputs + outputLines()).utf8))
        else { return }
        if rename(temporary, file) != 0 { unlink(temporary) }
    }

    /// Forgets the stamp.
    private func remove() {
        if let file { unlink(file) }
    }

    private func outputLines() -> String {
        var latest = 0.0
        return "output " + Self.escaped(output) + "\n" + Self.lines(of: output, latestChange: &latest)
    }

    /// The cache folder for stamps, or nil when neither `XDG_CACHE_HOME` nor `HOME` is set.
    public static var cacheFolder: String? {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/relaydocs/builds" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/relaydocs/builds" }
        return nil
    }

    /// A line per entry below `root` (files, links and folders, hidden ones too), sorted by path.
    /// The top folder is read here and each folder in it on every core: listing the 4,000 files
    /// of a built site was a twentieth of its build, after the build.
    static func lines(of root: String, latestChange: inout Double) -> String {
        var top = Listing(root: root, from: "", recursive: false)
        let nested = Parallel.map(top.folders) { Listing(root: root, from: $0, recursive: true) }
        for listing in nested {
            top.entries += listing.entries
            top.latestChange = max(top.latestChange, listing.latestChange)
        }
        latestChange = max(latestChange, top.latestChange)
        // By the paths' bytes with memcmp: comparing their UTF-8 views element by element was
        // three quarters of the listing.
        top.entries.sort { first, second in
            first.path.withUnsafeBufferPointer { one in
                second.path.withUnsafeBufferPointer { other in
                    guard let start = one.baseAddress, let otherStart = other.baseAddress else {
                        return one.count < other.count
                    }
                    let order = memcmp(start, otherStart, min(one.count, other.count))
                    return order != 0 ? order < 0 : one.count < other.count
                }
            }
        }
        var text: [UInt8] = []
        text.reserveCapacity(top.entries.reduce(0) { $0 + $1.line.count + 1 })
        for entry in top.entries {
            text += entry.line
            text.append(UInt8(ascii: "\n"))
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The entries below one folder of a root, each with its line.
    private struct Listing: Sendable {
        /// Each entry's path (its UTF-8 bytes, to sort by) and line.
        var entries: [(path: [UInt8], line: [UInt8])] = []
        /// The folders found when not walking them (the top folder's).
        var folders: [String] = []
        var latestChange = 0.0

        init(root: String, from start: String, recursive: Bool) {
            var pending = [start]
            while let relative = pending.popLast() {
                let absolute = relative.isEmpty ? root : root + "/" + relative
                FileWalker.forEachItem(in: absolute) { name, info in
                    let path = relative.isEmpty ? name : relative + "/" + name
                    // Followed, as the build reads a linked file or folder.
                    guard let info else {
                        entries.append((Array(path.utf8), Array(("missing " + escaped(path)).utf8)))
                        return
                    }
                    let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                    if isFolder {
                        if recursive { pending.append(path) } else { folders.append(path) }
                    }
                    var line = Array((isFolder ? "dir " : "- ").utf8)
                    line += escaped(path).utf8
                    line.append(UInt8(ascii: " "))
                    BuildStamp.appendStatus(info, to: &line, latestChange: &latestChange)
                    entries.append((Array(path.utf8), line))
                }
            }
        }
    }

    /// A file's size, times and inode, or `missing`.
    static func status(of path: String, latestChange: inout Double) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        var line: [UInt8] = []
        appendStatus(info, to: &line, latestChange: &latestChange)
        return String(decoding: line, as: UTF8.self)
    }

    /// Size, modification and status-change times (nanoseconds written out, so no two differ
    /// only in padding), inode and mode; `latestChange` is raised to the status-change time.
    /// Written as bytes: string interpolation of the five numbers was most of a line's cost.
    private static func appendStatus(_ info: stat, to line: inout [UInt8], latestChange: inout Double) {
        #if canImport(Darwin)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        latestChange = max(latestChange, Double(changed.tv_sec) + Double(changed.tv_nsec) / 1e9)
        // Each number's digits as a small string (nothing allocated up to 15 digits), at least
        // `minimum` of them with zeros in front (for nanoseconds, which are never negative).
        func put(_ digits: String, minimum: Int = 1) {
            line += repeatElement(UInt8(ascii: "0"), count: max(0, minimum - digits.utf8.count))
            line += digits.utf8
        }
        func time(_ value: timespec) {
            put(String(value.tv_sec))
            line.append(UInt8(ascii: "."))
            put(String(value.tv_nsec), minimum: 9)
        }
        put(String(info.st_size))
        line.append(UInt8(ascii: " "))
        time(modified)
        line.append(UInt8(ascii: " "))
        time(changed)
        line.append(UInt8(ascii: " "))
        put(String(info.st_ino))
        line.append(UInt8(ascii: " "))
        put(String(info.st_mode))
    }

    /// The running executable, by path and status: a rebuilt relaydocs (new templates built in,
    /// new code) never takes an older build's site for its own.
    static let executableIdentity: String = {
        #if canImport(Glibc)
            let path = "/proc/self/exe"
        #else
            let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        #endif
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? path
        var unused = 0.0
        return "executable " + resolved + " " + BuildStamp.status(of: path, latestChange: &unused)
    }()

    /// libcmark's version: another libcmark may render the same Markdown otherwise.
    static let libcmarkIdentity: String = "libcmark " + MarkdownVersion.libcmark

    /// Paths are made absolute, so a build from another folder is another build.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// A line break or backslash in a path cannot end a line of the stamp.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 10 || $0 == 92 || $0 == 13 }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
    }

    /// FNV-1a over the text's bytes, in hexadecimal: a stable name for an output folder's stamp.
    static func hexHash(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
