import Foundation
import Mustache

/// The layout templates, interface strings and assets of the site (`templates/site/`).
struct SiteTemplates: Sendable {
    let library: MustacheLibrary
    let stringsYAML: String
    /// Asset files by path below `assets/`.
    let assets: [String: String]

    /// - Parameter files: paths below the templates folder (`site/layout.mustache`, …) and their text.
    init(files: [String: String], origin: String) throws(SiteBuildError) {
        var library = MustacheLibrary()
        var assets: [String: String] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("site/") {
            let name = String(path.dropFirst("site/".count))
            if name.hasPrefix("assets/") {
                assets[String(name.dropFirst("assets/".count))] = text
            } else if name.hasSuffix(".mustache") {
                do {
                    library.register(
                        try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
                } catch let error as MustacheTemplate.ParserError {
                    throw SiteBuildError([
                        SiteDiagnostic(
                            file: "\(origin)/\(path)", line: error.context.lineNumber, message: "\(error.error)")
                    ])
                } catch {
                    throw SiteBuildError([SiteDiagnostic(file: "\(origin)/\(path)", line: 0, message: "\(error)")])
                }
            }
        }
        guard library.getTemplate(named: "layout") != nil else {
            throw SiteBuildError([
                SiteDiagnostic(file: "\(origin)/site/layout.mustache", line: 0, message: "the site layout is missing")
            ])
        }
        self.library = library
        self.stringsYAML = files["site/strings.yaml"] ?? ""
        self.assets = assets
    }

    func render(_ context: [String: Any]) -> String {
        library.render(context, withTemplate: "layout") ?? ""
    }

    /// A partial on its own, such as `partials/key-page`; "" when the templates lack it.
    func render(partial name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
