import Foundation
import RelayTemplates

/// The snippet templates: one Mustache file per language and protocol
/// (`snippets/<language>/<protocol>.mustache`) plus any partials they include.
///
/// Templates are plain text: no HTML escaping happens, and every user value must pass
/// through an escaper of the language (see ``SnippetRenderer``).
public struct SnippetTemplates: Sendable {
    /// Where the templates came from, for messages: a folder, or "built-in templates".
    public let origin: String
    /// Changes whenever any template's text does (within one process).
    public let fingerprint: Int
    private let library: TemplateLibrary

    /// Parses templates given as text, keyed by their path below the templates folder
    /// (such as `snippets/python/openai-chat.mustache`). Files outside `snippets/` are ignored.
    ///
    /// - Throws: ``SnippetError/invalidTemplate(path:line:column:message:)`` for the first
    ///   template that does not parse.
    public init(files: [String: String], origin: String) throws(SnippetError) {
        var hasher = Hasher()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("snippets/") {
            hasher.combine(path)
            hasher.combine(text)
        }
        // Snippets are code, not HTML: no HTML escaping; values pass the language's escapers.
        let (library, problems) = TemplateLibrary.folder("snippets", of: files, escaping: .none)
        if let problem = problems.first {
            throw .invalidTemplate(
                path: "\(origin)/\(problem.template)", line: problem.line, column: problem.column,
                message: problem.message)
        }
        self.origin = origin
        self.library = library
        self.fingerprint = hasher.finalize()
    }

    /// Reads the snippet templates of a folder laid out like the project's `templates/`.
    public init(folder: String) throws(SnippetError) {
        try self.init(files: try Self.readFolder(folder), origin: folder)
    }

    /// Every file below a folder laid out like `templates/` (it must hold `snippets/`), keyed by
    /// its path below the folder, as ``init(files:origin:)`` and the site builder take them.
    public static func readFolder(_ folder: String) throws(SnippetError) -> [String: String] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var isFolder: ObjCBool = false
        guard
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent("snippets").path, isDirectory: &isFolder),
            isFolder.boolValue
        else { throw .templatesNotFound(folder: folder) }
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            do {
                files[relative] = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw .invalidTemplate(
                    path: url.path, line: 0, column: 0, message: "cannot read: \(error.localizedDescription)")
            }
        }
        return files
    }

    /// Whether a template exists for a language and protocol.
    public func hasTemplate(language: String, protocolID: String) -> Bool {
        library.contains("\(language)/\(protocolID)")
    }

    /// Renders `<language>/<protocolID>` with a context and checks that every value went
    /// through a final escaper.
    func render(language: String, protocolID: String, context: TemplateValue) throws(SnippetError) -> String {
        let name = "\(language)/\(protocolID)"
        guard let output = library.render(name, context) else {
            throw .missingTemplate(path: "\(origin)/snippets/\(name).mustache")
        }
        if let mistake = TemplateMarker.firstError(in: output) {
            throw .unsafeTemplate(path: "\(origin)/snippets/\(name).mustache", message: mistake)
        }
        return output
    }
}
