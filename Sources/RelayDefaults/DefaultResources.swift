import Foundation

/// The catalog, templates and default site that ship inside the `relaydocs` binary.
///
/// They are compiled from `content/` (the catalog among it) and `templates/` at build time, so
/// the tool works from any folder; `--catalog` and `--templates` replace them at run time, and
/// `relaydocs init` writes a new project from ``content``.
public enum DefaultResources {
    /// The path the default catalog is reported under in diagnostics.
    public static let catalogPath = "content/catalog.yaml"

    /// The text of the default catalog.
    public static var catalogYAML: String {
        guard let text = EmbeddedFiles.byPath[catalogPath] else {
            preconditionFailure("the build did not embed \(catalogPath)")
        }
        return text
    }

    /// The default templates, keyed by their path below `templates/` (for example
    /// `snippets/python/openai-chat.mustache`).
    public static let templates: [String: String] = {
        let prefix = "templates/"
        var result: [String: String] = [:]
        for (path, text) in EmbeddedFiles.byPath where path.hasPrefix(prefix) {
            result[String(path.dropFirst(prefix.count))] = text
        }
        return result
    }()

    /// The default site, keyed by its path below `content/` (`site.yaml`, `catalog.yaml`,
    /// `en/guide/quickstart.md`, …): each file's bytes.
    public static let content: [String: Data] = {
        let prefix = "content/"
        var result: [String: Data] = [:]
        for (path, text) in EmbeddedFiles.byPath where path.hasPrefix(prefix) {
            result[String(path.dropFirst(prefix.count))] = Data(text.utf8)
        }
        for (path, base64) in EmbeddedFiles.base64ByPath where path.hasPrefix(prefix) {
            result[String(path.dropFirst(prefix.count))] = Data(base64Encoded: base64)
        }
        return result
    }()
}
