/// The site's locales and URLs.
struct SiteModel: Sendable {
    struct LocaleInfo: Sendable {
        var code: String
        var name: String
        var lang: String
        /// The folder below the content folder ("" for a site without locales).
        var folder: String
        /// The path prefix of the locale's pages: "" for the default locale, else `en/`.
        var prefix: String
        var isDefault: Bool
    }

    let configuration: SiteConfiguration
    let locales: [LocaleInfo]

    init(configuration: SiteConfiguration) {
        self.configuration = configuration
        if configuration.locales.isEmpty {
            locales = [LocaleInfo(code: "", name: "", lang: "en", folder: "", prefix: "", isDefault: true)]
        } else {
            locales = configuration.locales.enumerated().map { index, locale in
                LocaleInfo(
                    code: locale.code, name: locale.name, lang: locale.lang, folder: locale.code,
                    prefix: index == 0 ? "" : "\(locale.code)/", isDefault: index == 0)
            }
        }
    }

    var base: String { configuration.basePath }

    /// The URL path of a page (its path below the locale folder): `index.html` is left off.
    func url(of pagePath: String, in locale: LocaleInfo) -> String {
        var output = pagePath.hasSuffix(".md") ? String(pagePath.dropLast(3)) + ".html" : pagePath
        if output == "index.html" {
            output = ""
        } else if output.hasSuffix("/index.html") {
            output = String(output.dropLast("index.html".count))
        }
        return base + locale.prefix + output
    }
}
