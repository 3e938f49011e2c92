import Foundation
import RelaySnippets

/// The search index of one locale: every page's URL, title, headings and text, as JSON that
/// the site's script searches in the browser.
enum SearchIndex {
    /// Written by hand with the snippets' JSON string escaper: JSONSerialization is a tenth of a
    /// 2,000-page build, and the shape is fixed. Keys are in a fixed order, so builds are identical.
    static func json(pages: [RenderedPage], site: SiteModel, locale: SiteModel.LocaleInfo) -> String {
        var json = "{\"pages\":["
        for (index, page) in pages.enumerated() {
            if index > 0 { json += "," }
            json += "{\"headings\":["
            var first = true
            for heading in page.headings where heading.level >= 2 && heading.level <= 3 {
                if !first { json += "," }
                first = false
                json += "{\"id\":" + JSONLiteral.string(heading.id) + ",\"text\":" + JSONLiteral.string(heading.text) + "}"
            }
            json += "],\"text\":" + JSONLiteral.string(page.text)
            json += ",\"title\":" + JSONLiteral.string(page.title)
            json += ",\"url\":" + JSONLiteral.string(site.url(of: page.source.path, in: locale)) + "}"
        }
        return json + "]}"
    }
}

/// `sitemap.xml` with every page of every locale, and its language versions.
enum Sitemap {
    static func xml(site: SiteModel, pages: [String: [RenderedPage]]) -> String {
        let root = site.configuration.url ?? ""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for locale in site.locales {
            for page in pages[locale.code] ?? [] {
                xml += "  <url>\n    <loc>\((root + site.url(of: page.source.path, in: locale)).htmlEscaped)</loc>\n"
                if site.locales.count > 1 {
                    for other in site.locales where pages[other.code]?.contains(where: { $0.source.path == page.source.path }) == true {
                        let href = (root + site.url(of: page.source.path, in: other)).htmlEscaped
                        xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(other.lang.htmlEscaped)\" href=\"\(href)\"/>\n"
                    }
                }
                xml += "  </url>\n"
            }
        }
        return xml + "</urlset>\n"
    }
}
