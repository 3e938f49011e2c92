import Foundation

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

/// Finds the pages and other files of a content folder.
public enum ContentScanner {
    /// Files that configure the build and are not copied to the site.
    static let configurationFiles: Set<String> = ["site.yaml", "catalog.yaml"]

    /// The Markdown pages of one locale folder (or of the whole folder), sorted by path, and the
    /// other files (images and the like) to copy as they are.
    public static func scan(folder: URL, displayFolder: String, locale: String) throws(SiteBuildError) -> (
        pages: [SourcePage], files: [String]
    ) {
        var pages: [SourcePage] = []
        var files: [String] = []
        var problems: [SiteDiagnostic] = []
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw SiteBuildError([SiteDiagnostic(file: displayFolder, line: 0, message: "cannot read the folder")]) }
        let root = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            if path.hasSuffix(".md") {
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    problems.append(SiteDiagnostic(file: "\(displayFolder)/\(path)", line: 0, message: "cannot read the file"))
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    problems.append(SiteDiagnostic(file: "\(displayFolder)/\(path)", line: 0, message: "the file is not UTF-8"))
                    continue
                }
                pages.append(
                    SourcePage(
                        locale: locale, path: path, displayPath: "\(displayFolder)/\(path)",
                        text: data.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text))
            } else if !(locale.isEmpty && configurationFiles.contains(path)) && !configurationFiles.contains(path) {
                files.append(path)
            }
        }
        guard problems.isEmpty else { throw SiteBuildError(problems) }
        return (pages.sorted { $0.path < $1.path }, files.sorted())
    }
}
