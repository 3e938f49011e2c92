import Foundation
import RelayCatalog
import RelayYAML
import Yams

/// A new docs project for a relay, made from the default site (`relaydocs init`): its
/// `site.yaml`, a `catalog.yaml` for the new relay's origin and name, and every page of the
/// chosen locales, so `relaydocs build --content DIR` works at once.
///
/// The project is the default content with what must change rewritten on its text (see
/// ``YAMLTextEdit``): the site title, the relay's name and origin in the catalog, the locales
/// in `site.yaml`; in the pages the default relay's name and origin become the new ones. Pages
/// that are added to the default site are in every new project without a list to keep.
///
/// ```swift
/// let files = try StarterProject.files(
///     from: DefaultResources.content,
///     options: .init(name: "Demo", origin: try RelayOrigin("https://relay.example"), locales: ["en"]))
/// try StarterProject.write(files, to: "docs")
/// ```
public enum StarterProject {
    /// What the new project is for.
    public struct Options: Sendable {
        /// The relay's name, shown in the site title and the pages.
        public var name: String
        /// Where the relay is served.
        public var origin: RelayOrigin
        /// The locale codes to keep, the first the default; nil keeps the default site's.
        public var locales: [String]?

        /// Creates the options.
        public init(name: String, origin: RelayOrigin, locales: [String]? = nil) {
            self.name = name
            self.origin = origin
            self.locales = locales
        }
    }

    /// The locale codes a default site offers, in its order.
    public static func locales(in defaults: [String: Data]) throws(InvalidValue) -> [String] {
        try SiteText(defaults).locales.map(\.code)
    }

    /// The files of a new project, by path below its folder.
    ///
    /// - Parameter defaults: the default site's files by path below `content/`.
    /// - Throws: ``InvalidValue`` for a locale the default site does not have, a name that cannot
    ///   be a title, or a default site these rewrites cannot follow.
    public static func files(from defaults: [String: Data], options: Options) throws(InvalidValue) -> [String: Data] {
        let name = options.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw InvalidValue("the name is empty or has control characters; give the relay's name, such as Demo") }
        let site = try SiteText(defaults)
        let available = site.locales.map(\.code)
        let chosen = options.locales ?? available
        guard !chosen.isEmpty else {
            throw InvalidValue("no locale given; the starter content has \(available.joined(separator: ", "))")
        }
        for (index, code) in chosen.enumerated() {
            guard available.contains(code) else {
                throw InvalidValue(
                    "the starter content has no locale \(code.debugDescription); it has \(available.joined(separator: ", "))"
                )
            }
            guard !chosen[..<index].contains(code) else { throw InvalidValue("locale \(code) is given twice") }
        }
        guard let catalogData = defaults["catalog.yaml"] else {
            throw InvalidValue("the default content has no catalog.yaml")
        }
        let catalogText = String(decoding: catalogData, as: UTF8.self)
        let defaultCatalog: Catalog
        do {
            defaultCatalog = try Catalog.load(yaml: catalogText, path: "content/catalog.yaml")
        } catch {
            throw InvalidValue(error.description)
        }
        let oldName = defaultCatalog.relay.name
        let oldOrigin = defaultCatalog.relay.origin.text

        var files: [String: Data] = [:]
        files["site.yaml"] = Data(try site.rewritten(name: name, oldName: oldName, locales: chosen).utf8)
        files["catalog.yaml"] = Data(
            try rewrittenCatalog(catalogText, name: name, origin: options.origin, defaults: defaultCatalog).utf8)
        let dropped = Set(available).subtracting(chosen)
        for (path, data) in defaults where path != "site.yaml" && path != "catalog.yaml" {
            let top = String(path.prefix { $0 != "/" })
            if path.contains("/"), dropped.contains(top) { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                files[path] = data
                continue
            }
            files[path] = Data(
                text.replacingOccurrences(of: oldOrigin, with: options.origin.text)
                    .replacingOccurrences(of: oldName, with: name).utf8)
        }
        return files
    }

    /// Writes a project into `folder`, creating it; nothing that exists is overwritten.
    ///
    /// - Throws: ``InvalidValue`` when the folder already holds a docs project (`site.yaml` or
    ///   `catalog.yaml`) or any file the project would write, or cannot be written.
    public static func write(_ files: [String: Data], to folder: String) throws(InvalidValue) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw InvalidValue("\(folder) is a file, not a folder")
        }
        for project in ["site.yaml", "catalog.yaml"] where manager.fileExists(atPath: folder + "/" + project) {
            throw InvalidValue(
                "\(folder) already holds a docs project (\(project)); relaydocs init does not overwrite it: choose a new folder, or edit that project"
            )
        }
        let existing = files.keys.sorted().filter { manager.fileExists(atPath: folder + "/" + $0) }
        guard existing.isEmpty else {
            throw InvalidValue(
                "\(folder) already has \(existing.prefix(3).joined(separator: ", "))\(existing.count > 3 ? ", …" : ""); relaydocs init does not overwrite files"
            )
        }
        for path in files.keys.sorted() {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try files[path]!.write(to: url, options: .withoutOverwriting)
            } catch {
                throw InvalidValue("cannot write \(url.path): \((error as NSError).localizedDescription)")
            }
        }
    }

    /// The default catalog with the new relay's name and origin.
    static func rewrittenCatalog(_ text: String, name: String, origin: RelayOrigin, defaults: Catalog)
        throws(InvalidValue)
        -> String
    {
        let lines = YAMLText(text)
        let root = try compose(text, path: "content/catalog.yaml")
        guard let relay = root["relay"] else { throw InvalidValue("content/catalog.yaml has no relay") }
        var edits = [
            try replacing(relay["name"], with: name, in: lines, path: "content/catalog.yaml"),
            try replacing(relay["origin"], with: origin.text, in: lines, path: "content/catalog.yaml"),
        ]
        let defaultHeading = "# The relay that relaydocs documents by default."
        if lines.line(1) == defaultHeading, !edits.contains(where: { $0.line == 1 }) {
            edits.append(YAMLTextEdit(line: 1, count: 1, replacement: ["# The relay this docs project documents."]))
        }
        let result = lines.applying(edits)
        // The result must be the default catalog with only the name and origin changed.
        var expected = defaults
        expected.relay.name = name
        expected.relay.origin = origin
        guard (try? Catalog.load(yaml: result, path: "catalog.yaml")) == expected else {
            throw InvalidValue(
                "the starter catalog did not read back with the new name and origin (please report this)")
        }
        return result
    }

    /// The edit that replaces a one-line scalar with `value`.
    static func replacing(_ node: Node?, with value: String, in lines: YAMLText, path: String) throws(InvalidValue)
        -> YAMLTextEdit
    {
        guard let node, node.scalar != nil, let mark = node.mark, let line = lines.line(mark.line),
            let extent = YAMLScalarText.extent(in: line, column: mark.column)
        else { throw InvalidValue("\(path):\(node?.mark?.line ?? 0): expected a value on one line") }
        return YAMLTextEdit(
            line: mark.line, count: 1,
            replacement: [
                String(line[..<extent.lowerBound]) + YAMLScalarText.literal(value) + String(line[extent.upperBound...])
            ])
    }

    static func compose(_ text: String, path: String) throws(InvalidValue) -> Node {
        do {
            guard let root = try Yams.compose(yaml: text, .default, .default, .utf8), root.mapping != nil else {
                throw InvalidValue("\(path) is not a mapping")
            }
            return root
        } catch let error as InvalidValue {
            throw error
        } catch {
            throw InvalidValue("\(path): invalid YAML: \(YAMLProblem(error).message)")
        }
    }
}

/// The default `site.yaml` as text, with the places the starter project rewrites.
struct SiteText {
    struct Locale {
        var code: String
        /// The lines of its item in the `locales` list, 1-based, end exclusive.
        var lines: Range<Int>
    }

    let lines: YAMLText
    let root: Node
    let locales: [Locale]
    static let path = "content/site.yaml"

    init(_ defaults: [String: Data]) throws(InvalidValue) {
        guard let data = defaults["site.yaml"] else { throw InvalidValue("the default content has no site.yaml") }
        let text = String(decoding: data, as: UTF8.self)
        lines = YAMLText(text)
        root = try StarterProject.compose(text, path: Self.path)
        guard let mapping = root.mapping, let key = mapping.keys.first(where: { $0.string == "locales" }),
            let list = mapping[key], list.sequence != nil, let mark = list.mark,
            !YAMLScalarText.isFlow(in: lines.line(mark.line) ?? "", column: mark.column)
        else {
            throw InvalidValue("\(Self.path) has no locales list written one locale a line (- { code: en, … })")
        }
        // An item runs to the next item; the last one to the next key, less blank and comment lines.
        let end = lines.lastLine(ofKeyAt: key.mark?.line ?? 0, keyLines: mapping.keys.compactMap(\.mark?.line))
        let items = list.array()
        var locales: [Locale] = []
        for (index, item) in items.enumerated() {
            guard let code = item["code"]?.string, let start = item.mark?.line else {
                throw InvalidValue("\(Self.path):\(item.mark?.line ?? 0): a locale without a code")
            }
            let stop = index + 1 < items.count ? (items[index + 1].mark?.line ?? end + 1) : end + 1
            locales.append(Locale(code: code, lines: start..<stop))
        }
        self.locales = locales
    }

    /// The site.yaml of a new project: its title for `name`, no `url` (the new site's address is
    /// not known yet) and the chosen locales in the chosen order.
    func rewritten(name: String, oldName: String, locales chosen: [String]) throws(InvalidValue) -> String {
        var edits: [YAMLTextEdit] = []
        if let title = root["title"], let old = title.string {
            let new = old.contains(oldName) ? old.replacingOccurrences(of: oldName, with: name) : "\(name) Docs"
            edits.append(try StarterProject.replacing(title, with: new, in: lines, path: Self.path))
        }
        if let url = root["url"], let line = url.mark?.line {
            edits.append(
                YAMLTextEdit(
                    line: line, count: 1,
                    replacement: ["# url: https://docs.example.com   # the site's own address, for sitemap.xml"]))
        }
        if let first = locales.first, let last = locales.last {
            let replacement = chosen.flatMap { code in
                locales.first { $0.code == code }.map { $0.lines.map { lines.line($0) ?? "" } } ?? []
            }
            edits.append(
                YAMLTextEdit(
                    line: first.lines.lowerBound, count: last.lines.upperBound - first.lines.lowerBound,
                    replacement: replacement))
        }
        return lines.applying(edits)
    }
}
