import Foundation

/// The search index of one locale: every page's URL, title, headings and text, as JSON that
/// the site's script searches in the browser.
enum SearchIndex {
    static func json(pages: [RenderedPage], site: SiteModel, locale: SiteModel.LocaleInfo) -> String {
        let entries: [[String: Any]] = pages.map { page in
            [
                "url": site.url(of: page.source.path, in: locale),
                "title": page.title,
                "headings": page.headings.filter { $0.level >= 2 && $0.level <= 3 }.map { ["id": $0.id, "text": $0.text] },
                "text": page.text,
            ]
        }
        let data = (try? JSONSerialization.data(
            withJSONObject: ["pages": entries], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{\"pages\":[]}".utf8)
        return String(decoding: data, as: UTF8.self)
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
