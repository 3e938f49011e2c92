import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Markdown page found in the content folder.
public struct SourcePage: Sendable {
    /// The locale code, or "" for a content folder without locales.
    public var locale: String
    /// The path below the locale folder, with `/` separators, such as `guide/quickstart.md`.
    public var path: String
    /// The file as diagnostics name it, such as `content/en/guide/quickstart.md`.
    public var displayPath: String
    /// The file's text, with `\r\n` turned into `\n`.
    public var text: String
    /// Whether the sidebar lists the page. Pages the build writes from the catalog (each
    /// model's page, the filter pages of the model index) are left out of it, so a catalog of
    /// hundreds of models does not grow every page's sidebar; `llms.txt` still lists them.
    public var listed: Bool = true
    /// The file to read the text from, while ``text`` is not read yet: a build to disk reads
    /// each page when it renders it, so the texts of a big site are not all held at once.
    var file: String?

    public init(locale: String, path: String, displayPath: String, text: String, listed: Bool = true) {
        self.locale = locale
        self.path = path
        self.displayPath = displayPath
        self.text = text
        self.listed = listed
    }

    /// The path of the built page below the locale's root, such as `guide/quickstart.html`.
    public var outputPath: String { String(path.dropLast(3)) + ".html" }

    /// The folder the page is in, below the locale folder ("" at the top).
    public var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Whether the page is a folder's `index.md`.
    public var isIndex: Bool { path == "index.md" || path.hasSuffix("/index.md") }
}

/// Lists files with `opendir`/`readdir`/`stat`: Foundation's enumerator with resource values was
/// a seventh of a rebuild of 2,000 pages.
public enum FileWalker {
    /// A regular file.
    public struct Entry: Sendable {
        /// Below the root, with `/` separators.
        public var path: String
        public var modified: Date
        public var size: Int
    }

    /// Every regular file below `root`, hidden files and folders left out, in no set order.
    public static func files(under root: String) -> [Entry] {
        // The top folder first; its folders are walked on every core.
        var top = walk(root: root, from: "", recursive: false)
        let folders = top.folders
        let nested = Parallel.map(folders) { walk(root: root, from: $0, recursive: true).files }
        for files in nested { top.files += files }
        return top.files
    }

    /// The files below `relative` (and their folders when not recursive).
    private static func walk(root: String, from start: String, recursive: Bool) -> (
        files: [Entry], folders: [String]
    ) {
        var result: [Entry] = []
        var found: [String] = []
        var folders = [start]
        while let relative = folders.popLast() {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            forEachItem(in: absolute) { name, info in
                guard !name.hasPrefix("."), let info else { return }
                let path = relative.isEmpty ? name : relative + "/" + name
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    if recursive { folders.append(path) } else { found.append(path) }
                } else if (info.st_mode & S_IFMT) == S_IFREG {
                    result.append(Entry(path: path, info))
                }
            }
        }
        return (result, found)
    }

    /// Calls `body` with the name of each item of a folder (not `.` and `..`) and its status,
    /// links followed (nil when that fails); nothing when the folder cannot be opened.
    static func forEachItem(in folder: String, _ body: (String, stat?) -> Void) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            let name = withUnsafePointer(to: item.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            var info = stat()
            // Relative to the open folder: no walk of the whole path for each file.
            body(name, fstatat(dirfd(directory), name, &info, 0) == 0 ? info : nil)
        }
    }

    /// One file, or nil when it is missing or not a regular file.
    public static func file(at path: String) -> Entry? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Entry(path: path, info)
    }

    /// Whether `path` is a folder.
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

extension FileWalker.Entry {
    init(path: String, _ info: stat) {
        #if canImport(Darwin)
            let seconds = Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #else
            let seconds = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #endif
        self.init(path: path, modified: Date(timeIntervalSince1970: seconds), size: Int(info.st_size))
    }
}

/// Finds the pages and other files of a content folder.
public enum ContentScanner {
    /// Files that configure the build and are not copied to the site.
    static let configurationFiles: Set<String> = ["site.yaml", "catalog.yaml"]

    /// The Markdown pages of one locale folder (or of the whole folder), sorted by path, and the
    /// other files (images and the like) to copy as they are.
    ///
    /// - Parameter cache: keeps each file's text with its modification time and size, so a rebuild
    ///   reads only the files that changed.
    /// - Parameter reading: false to leave each page's text unread (``SourcePage/file`` says
    ///   where it is).
    static func scan(
        folder: URL, displayFolder: String, locale: String, cache: SiteCache? = nil, reading: Bool = true
    ) throws(SiteBuildError) -> (pages: [SourcePage], files: [String]) {
        var pages: [SourcePage] = []
        var files: [String] = []
        var problems: [SiteDiagnostic] = []
        let root = folder.standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw SiteBuildError([SiteDiagnostic(file: displayFolder, line: 0, message: "cannot read the folder")])
        }
        // Pages are read on every core; other files are only listed.
        var markdown: [FileWalker.Entry] = []
        for entry in FileWalker.files(under: root) {
            if entry.path.hasSuffix(".md") {
                markdown.append(entry)
            } else if !configurationFiles.contains(entry.path) {
                files.append(entry.path)
            }
        }
        markdown = sortedByPath(markdown, cache: cache, key: root)
        guard reading else {
            let pages = markdown.map { entry in
                var page = SourcePage(
                    locale: locale, path: entry.path, displayPath: "\(displayFolder)/\(entry.path)", text: "")
                page.file = root + "/" + entry.path
                return page
            }
            return (pages, files.sorted())
        }
        // Texts known from the last build in one pass (spread over threads, such small work costs
        // more in lock contention than it saves); the other files read in parallel.
        var known: [SourcePage?] = []
        known.reserveCapacity(markdown.count)
        var unread: [FileWalker.Entry] = []
        for entry in markdown {
            if let text = cache?.text(path: root + "/" + entry.path, modified: entry.modified, size: entry.size) {
                known.append(
                    SourcePage(
                        locale: locale, path: entry.path, displayPath: "\(displayFolder)/\(entry.path)", text: text))
            } else {
                known.append(nil)
                unread.append(entry)
            }
        }
        let results = Parallel.map(unread) { entry -> Result<SourcePage, SiteBuildError> in
            let path = entry.path
            let absolute = root + "/" + path
            let display = "\(displayFolder)/\(path)"
            return text(of: absolute, displayPath: display).map { text in
                cache?.store(text: text, path: absolute, modified: entry.modified, size: entry.size)
                return SourcePage(locale: locale, path: path, displayPath: display, text: text)
            }
        }
        // In path order: the read pages go into the places left for them.
        var read = results.makeIterator()
        pages.reserveCapacity(markdown.count)
        for page in known {
            if let page {
                pages.append(page)
                continue
            }
            switch read.next()! {
            case .success(let page): pages.append(page)
            case .failure(let problem): problems += problem.diagnostics
            }
        }
        guard problems.isEmpty else { throw SiteBuildError(problems) }
        return (pages, files.sorted())
    }

    /// The entries sorted by path. With a cache, the order of the last scan of the same folder
    /// is used again when the walk gave the same paths in the same order (which a folder whose
    /// files did not come or go does): sorting 20,000 paths was a tenth of a one-page rebuild.
    static func sortedByPath(_ entries: [FileWalker.Entry], cache: SiteCache?, key: String) -> [FileWalker.Entry] {
        let name = "walk order " + key
        if let (paths, order) = cache?.stored(name, as: ([String], [Int]).self), paths.count == entries.count,
            zip(paths, entries).allSatisfy({ $0 == $1.path })
        {
            return order.map { entries[$0] }
        }
        let order = entries.indices.sorted { entries[$0].path < entries[$1].path }
        cache?.store((entries.map(\.path), order), as: name)
        return order.map { entries[$0] }
    }

    /// A page's text, with `\r\n` turned into `\n`.
    static func text(of file: String, displayPath: String) -> Result<String, SiteBuildError> {
        guard let bytes = contents(of: file) else {
            return .failure(
                SiteBuildError([SiteDiagnostic(file: displayPath, line: 0, message: "cannot read the file")]))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column, byte) = firstInvalidUTF8(in: bytes)
            let message = String(
                format: "the file is not UTF-8: byte %d of this line (0x%02X) does not start a UTF-8 character here; "
                    + "save the file as UTF-8", column, byte)
            return .failure(SiteBuildError([SiteDiagnostic(file: displayPath, line: line, message: message)]))
        }
        // memchr, not contains: that walks the bytes through an iterator, 3 % of a build.
        let hasReturn = bytes.withUnsafeBytes { $0.count > 0 && memchr($0.baseAddress!, 13, $0.count) != nil }
        return .success(hasReturn ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
    }

    /// Where the first byte that is not part of a valid UTF-8 sequence stands: its line, its
    /// place in the line (from 1) and its value.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        parsing: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput, .error: break parsing
            }
        }
        let before = bytes[..<offset]
        let lineStart = before.lastIndex(of: 10).map { $0 + 1 } ?? 0
        return (before.count(where: { $0 == 10 }) + 1, offset - lineStart + 1, offset < bytes.count ? bytes[offset] : 0)
    }

    /// A regular file's bytes, read with open, fstat and read: `FileManager.contents(atPath:)`
    /// spent as long turning the path into a file-system path as reading the file, a twentieth of
    /// a build of 2,000 pages in all.
    static func contents(of file: String) -> [UInt8]? {
        guard let (descriptor, size) = RegularFile.open(file) else { return nil }
        defer { close(descriptor) }
        // One byte more than the size, so the read that finds the end needs no more room.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            let start = filled
            guard
                let got = bytes.withUnsafeMutableBytes({
                    RegularFile.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: $0[start...]))
                })
            else { return nil }
            filled += got
            if filled < bytes.count { break }  // the end of the file
            bytes.append(contentsOf: repeatElement(0, count: 4096))  // it grew while being read
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}

extension SourcePage {
    /// The page with its text read, if it was not yet.
    func reading() -> Result<SourcePage, SiteBuildError> {
        guard let file else { return .success(self) }
        return ContentScanner.text(of: file, displayPath: displayPath).map { text in
            var page = self
            page.text = text
            page.file = nil
            return page
        }
    }
}
