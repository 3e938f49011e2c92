import Foundation
import RelayCatalog
import RelayYAML
import Yams

/// The optional `site.yaml` at the top of a content folder.
///
/// ```yaml
/// title: CloseAI 文档
/// url: https://docs.example.com   # for sitemap.xml
/// basePath: /                     # host under a sub-path, such as /docs/
/// rawHTML: false                  # let authors' raw HTML through
/// api: /api/v1/                   # where the key page calls the snippet API
/// locales:                        # the first is the default, served at the root
///   - { code: zh, name: 简体中文, lang: zh-CN }
///   - { code: en, name: English, lang: en }
/// ```
/// Without the file the folder is one locale, with its title from the folder's name.
public struct SiteConfiguration: Sendable, Hashable {
    public struct Locale: Sendable, Hashable {
        /// The folder below the content folder, such as `en`.
        public var code: String
        /// The name in the language switcher.
        public var name: String
        /// The `lang` attribute and `hreflang`, such as `zh-CN`.
        public var lang: String
    }

    public var title: String
    public var url: String?
    /// Starts and ends with `/`.
    public var basePath: String
    public var rawHTML: Bool
    /// Where the key page calls the snippet API (default `/api/v1/`, as `relaydocs serve` serves it).
    public var api: String = "/api/v1/"
    /// Empty when the content folder is a single locale without a folder of its own.
    public var locales: [Locale]

    /// The configuration of a folder without `site.yaml`.
    public static func implicit(folderName: String) -> SiteConfiguration {
        SiteConfiguration(title: folderName, url: nil, basePath: "/", rawHTML: false, locales: [])
    }

    /// Reads `site.yaml`; problems are reported with their lines.
    public static func load(path: String, displayPath: String) throws(SiteBuildError) -> SiteConfiguration {
        let fail = { (line: Int, message: String) in
            SiteBuildError([SiteDiagnostic(file: displayPath, line: line, message: message)])
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw fail(0, "cannot read the file")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            let problem = YAMLProblem(error)
            throw fail(problem.line, "invalid YAML: \(problem.message)")
        }
        guard let mapping = node?.mapping else { throw fail(1, "site.yaml must be a mapping with title, locales, …") }
        var problems: [SiteDiagnostic] = []
        func report(_ node: Node?, _ message: String) {
            problems.append(SiteDiagnostic(file: displayPath, line: node?.mark?.line ?? 0, message: message))
        }
        let allowed = ["title", "url", "basePath", "rawHTML", "locales", "api"]
        for key in mapping.keys where !allowed.contains(key.string ?? "") {
            report(
                key, "unknown key \((key.string ?? "?").debugDescription); expected \(allowed.joined(separator: ", "))")
        }
        var configuration = SiteConfiguration.implicit(folderName: "")
        configuration.title = mapping["title"]?.string ?? ""
        if configuration.title.isEmpty { report(node, "site.yaml has no title") }
        if let url = mapping["url"] {
            if let text = url.string, let components = URLComponents(string: text),
                components.scheme?.hasPrefix("http") == true,
                components.host != nil
            {
                configuration.url = text.hasSuffix("/") ? String(text.dropLast()) : text
            } else {
                report(url, "url must be an http or https URL such as https://docs.example.com")
            }
        }
        if let base = mapping["basePath"] {
            let text = base.string ?? ""
            if text.hasPrefix("/"), !text.contains(" "), !text.contains("?"), !text.contains("#") {
                configuration.basePath = text.hasSuffix("/") ? text : text + "/"
            } else {
                report(base, "basePath must be a path such as / or /docs/")
            }
        }
        if let api = mapping["api"] {
            if let text = api.string, text.hasPrefix("/") || text.hasPrefix("https://") || text.hasPrefix("http://") {
                configuration.api = text.hasSuffix("/") ? text : text + "/"
            } else {
                report(api, "api must be a path such as /api/v1/ or a URL such as https://console.example.com/api/v1/")
            }
        }
        if let raw = mapping["rawHTML"] {
            if let value = raw.bool {
                configuration.rawHTML = value
            } else {
                report(raw, "rawHTML must be true or false")
            }
        }
        if let locales = mapping["locales"] {
            for item in locales.array() {
                guard let code = item["code"]?.string, !code.isEmpty,
                    code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
                else {
                    report(item, "each locale needs a code, such as { code: en, name: English, lang: en }")
                    continue
                }
                if configuration.locales.contains(where: { $0.code == code }) {
                    report(item, "locale \(code) is listed twice")
                    continue
                }
                configuration.locales.append(
                    Locale(code: code, name: item["name"]?.string ?? code, lang: item["lang"]?.string ?? code))
            }
            if configuration.locales.isEmpty { report(locales, "locales must list at least one locale") }
        }
        guard problems.isEmpty else { throw SiteBuildError(problems) }
        return configuration
    }
}
