import Foundation
import RelayTemplates

/// The layout templates, interface strings and assets of the site (`templates/site/`).
struct SiteTemplates: Sendable {
    let library: TemplateLibrary
    let stringsYAML: String
    /// Asset files by path below `assets/`.
    let assets: [String: String]

    /// - Parameter files: paths below the templates folder (`site/layout.mustache`, …) and their text.
    /// - Throws: every template that does not parse and every partial a template includes that
    ///   does not exist, with file and line.
    init(files: [String: String], origin: String) throws(SiteBuildError) {
        var library = TemplateLibrary()
        var assets: [String: String] = [:]
        var problems: [SiteDiagnostic] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("site/") {
            let name = String(path.dropFirst("site/".count))
            if name.hasPrefix("assets/") {
                assets[String(name.dropFirst("assets/".count))] = text
            } else if name.hasSuffix(".mustache") {
                do {
                    try library.register(text, named: String(name.dropLast(".mustache".count)))
                } catch {
                    problems.append(
                        SiteDiagnostic(
                            file: "\(origin)/\(path)", line: error.line,
                            message: "\(error.message) (column \(error.column))"))
                }
            }
        }
        guard library.contains("layout") else {
            throw SiteBuildError([
                SiteDiagnostic(file: "\(origin)/site/layout.mustache", line: 0, message: "the site layout is missing")
            ])
        }
        for missing in library.missingPartials() {
            problems.append(
                SiteDiagnostic(
                    file: "\(origin)/site/\(missing.template).mustache", line: missing.line,
                    message:
                        "the partial \(missing.partial.debugDescription) does not exist (expected \(origin)/site/\(missing.partial).mustache)"
                ))
        }
        guard problems.isEmpty else { throw SiteBuildError(problems) }
        self.library = library
        self.stringsYAML = files["site/strings.yaml"] ?? ""
        self.assets = assets
    }

    func render(_ context: TemplateValue) -> String {
        library.render("layout", context) ?? ""
    }

    /// A partial on its own, such as `partials/key-page`; "" when the templates lack it.
    func render(partial name: String, _ context: TemplateValue) -> String {
        library.render(name, context) ?? ""
    }
}
