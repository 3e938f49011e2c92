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
/// models:                         # a page per catalog model and a model index (``ModelPagesConfiguration``)
///   folder: models
///   quickstart: guide/quickstart.md
///   protocols: { openai-chat: protocols/openai-chat.md }
///   recipes: { reasoning: features/reasoning.md }
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
    /// The model pages the build writes from the catalog; nil when `site.yaml` has no `models:`.
    public var modelPages: ModelPagesConfiguration?

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
        let allowed = ["title", "url", "basePath", "rawHTML", "locales", "api", "models"]
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
        if let models = mapping["models"] {
            configuration.modelPages = ModelPagesConfiguration.read(models, report: report)
        }
        guard problems.isEmpty else { throw SiteBuildError(problems) }
        return configuration
    }
}

/// `models:` of `site.yaml`: the build writes, in each locale, a page per catalog model and a model
/// index (with a page per vendor, protocol and capability, the filters that work without
/// JavaScript) into `folder`, and links each model page to the pages that document its protocols
/// and recipes.
///
/// ```yaml
/// models:
///   folder: models                       # below each locale; the build owns it
///   order: 4                             # the group's place in the sidebar (default: last)
///   quickstart: guide/quickstart.md      # linked from every model page
///   protocols: { anthropic-messages: protocols/claude.md }   # catalog protocol → its page
///   recipes: { reasoning: features/reasoning.md }            # recipe → its page
///   clients: integrations                # the clients' pages: integrations/<client>.md
/// ```
/// Pages are paths below the locale folder; each must exist in every locale.
public struct ModelPagesConfiguration: Sendable, Hashable {
    /// The folder below each locale, such as `models`.
    public var folder: String
    /// Where the models' group comes in the sidebar (the index page's `order`); last when nil.
    public var order: Int?
    /// The quick start page, such as `guide/quickstart.md`.
    public var quickstart: String?
    /// The page of each protocol, by catalog protocol id.
    public var protocolPages: [String: String]
    /// The page of each recipe, by recipe id.
    public var recipePages: [String: String]
    /// The folder of the clients' pages (`<folder>/<client id>.md`, such as `integrations`): a
    /// model's page lists the clients that speak one of its protocols, linked where the page exists.
    public var clientsFolder: String?
    /// The `site.yaml` line of each setting, for messages: `folder`, `quickstart`,
    /// `protocols.<id>`, `recipes.<id>`.
    public var lines: [String: Int]

    public init(
        folder: String, quickstart: String? = nil, protocolPages: [String: String] = [:],
        recipePages: [String: String] = [:], lines: [String: Int] = [:]
    ) {
        self.folder = folder
        self.quickstart = quickstart
        self.protocolPages = protocolPages
        self.recipePages = recipePages
        self.lines = lines
    }

    /// Whether a path is a page path below a locale folder: `/`-separated names of letters, digits,
    /// `-`, `_` and `.`, none of them `.` or `..`.
    static func isPlainPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                !part.isEmpty && part != "." && part != ".."
                    && part.unicodeScalars.allSatisfy {
                        $0.isASCII
                            && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == ".")
                    }
            }
    }

    /// Reads the `models:` mapping; problems go to `report` with their nodes.
    static func read(_ node: Node, report: (Node?, String) -> Void) -> ModelPagesConfiguration? {
        guard let mapping = node.mapping else {
            report(node, "models must be a mapping such as { folder: models, quickstart: guide/quickstart.md }")
            return nil
        }
        let allowed = ["folder", "order", "quickstart", "protocols", "recipes", "clients"]
        for key in mapping.keys where !allowed.contains(key.string ?? "") {
            report(
                key,
                "unknown key \((key.string ?? "?").debugDescription) in models; expected \(allowed.joined(separator: ", "))"
            )
        }
        var result = ModelPagesConfiguration(folder: "")
        func line(_ node: Node?) -> Int { node?.mark?.line ?? 0 }
        func page(_ value: Node, _ what: String) -> String? {
            guard let text = value.string, text.hasSuffix(".md"), isPlainPath(text) else {
                report(value, "\(what) must be a page below the locale folder, such as guide/quickstart.md")
                return nil
            }
            return text
        }
        if let folder = mapping["folder"] {
            if let text = folder.string, isPlainPath(text), !text.hasSuffix(".md") {
                result.folder = text
            } else {
                report(folder, "models.folder must be a folder below the locale folder, such as models")
            }
            result.lines["folder"] = line(folder)
        } else {
            report(node, "models needs a folder, such as folder: models")
        }
        if let order = mapping["order"] {
            if let number = order.int {
                result.order = number
            } else {
                report(order, "models.order must be a whole number")
            }
        }
        if let clients = mapping["clients"] {
            if let text = clients.string, isPlainPath(text), !text.hasSuffix(".md") {
                result.clientsFolder = text
            } else {
                report(clients, "models.clients must be the folder of the clients' pages, such as integrations")
            }
        }
        if let quickstart = mapping["quickstart"] {
            result.quickstart = page(quickstart, "models.quickstart")
            result.lines["quickstart"] = line(quickstart)
        }
        for (name, target) in [("protocols", \ModelPagesConfiguration.protocolPages), ("recipes", \.recipePages)] {
            guard let value = mapping[name] else { continue }
            guard let pages = value.mapping else {
                report(
                    value,
                    "models.\(name) must be a mapping of ids to pages, such as { openai-chat: protocols/openai-chat.md }"
                )
                continue
            }
            for (key, path) in pages {
                guard let id = key.string, !id.isEmpty else {
                    report(key, "models.\(name) needs ids as keys")
                    continue
                }
                result.lines["\(name).\(id)"] = line(key)
                if let text = page(path, "models.\(name).\(id)") { result[keyPath: target][id] = text }
            }
        }
        return result
    }
}
