import Foundation
import RelayTemplates

/// The layout templates, interface strings and assets of the site (`templates/site/`).
struct SiteTemplates: Sendable {
    let library: TemplateLibrary
    /// The templates of the pages the build writes from the catalog (`site/pages/*.mustache`,
    /// Markdown with front matter, values written as they are): see ``ModelPages``.
    let pages: TemplateLibrary
    let stringsYAML: String
    /// Asset files by path below `assets/`.
    let assets: [String: String]

    /// - Parameter files: paths below the templates folder (`site/layout.mustache`, …) and their text.
    /// - Throws: every template that does not parse and every partial a template includes that
    ///   does not exist, with file and line.
    init(files: [String: String], origin: String) throws(SiteBuildError) {
        var assets: [String: String] = [:]
        for (path, text) in files where path.hasPrefix("site/assets/") {
            assets[String(path.dropFirst("site/assets/".count))] = text
        }
        let pagesFolder = "site/pages/"
        let (library, layoutProblems) = TemplateLibrary.folder(
            "site", of: files.filter { !$0.key.hasPrefix(pagesFolder) }, escaping: .html)
        let (pages, pageProblems) = TemplateLibrary.folder("site/pages", of: files, escaping: .none)
        let problems = layoutProblems + pageProblems
        guard problems.isEmpty else {
            throw SiteBuildError(
                problems.map {
                    SiteDiagnostic(
                        file: "\(origin)/\($0.template)", line: $0.line, message: "\($0.message) (column \($0.column))")
                })
        }
        guard library.contains("layout") else {
            throw SiteBuildError([
                SiteDiagnostic(file: "\(origin)/site/layout.mustache", line: 0, message: "the site layout is missing")
            ])
        }
        self.library = library
        self.pages = pages
        self.stringsYAML = files["site/strings.yaml"] ?? ""
        self.assets = assets
    }

    func render(_ context: TemplateValue) -> String {
        library.render("layout", context) ?? ""
    }

    /// Whether the templates have a partial, such as `partials/nav-chunk`.
    func hasPartial(_ name: String) -> Bool { library.contains(name) }

    /// A partial on its own, such as `partials/key-page`; "" when the templates lack it.
    func render(partial name: String, _ context: TemplateValue) -> String {
        library.render(name, context) ?? ""
    }
}
