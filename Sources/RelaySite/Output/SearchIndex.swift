import Foundation

/// The search index of one locale: every page's URL, title, headings and text, as JSON that
/// the site's script searches in the browser.
enum SearchIndex {
    /// Written by hand: JSONSerialization was a tenth of a 2,000-page build, and the shape is
    /// fixed. Keys are in a fixed order, so builds are identical.
    static func json(pages: [RenderedPage], site: SiteModel, locale: SiteModel.LocaleInfo) -> String {
        var json = "{\"pages\":["
        for (index, page) in pages.enumerated() {
            if index > 0 { json += "," }
            json += "{\"headings\":["
            var first = true
            for heading in page.headings where heading.level >= 2 && heading.level <= 3 {
                if !first { json += "," }
                first = false
                json += "{\"id\":" + JSONText.string(heading.id) + ",\"text\":" + JSONText.string(heading.text) + "}"
            }
            json += "],\"text\":" + JSONText.string(page.text)
            json += ",\"title\":" + JSONText.string(page.title)
            json += ",\"url\":" + JSONText.string(site.url(of: page.source.path, in: locale)) + "}"
        }
        return json + "]}"
    }
}

/// `sitemap.xml` with every page of every locale, and its language versions.
enum Sitemap {
    static func xml(site: SiteModel, pages: [String: [RenderedPage]]) -> String {
        let root = site.configuration.url ?? ""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml +=
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for locale in site.locales {
            for page in pages[locale.code] ?? [] {
                xml += "  <url>\n    <loc>\((root + site.url(of: page.source.path, in: locale)).htmlEscaped)</loc>\n"
                if site.locales.count > 1 {
                    for other in site.locales
                    where pages[other.code]?.contains(where: { $0.source.path == page.source.path }) == true {
                        let href = (root + site.url(of: page.source.path, in: other)).htmlEscaped
                        xml +=
                            "    <xhtml:link rel=\"alternate\" hreflang=\"\(other.lang.htmlEscaped)\" href=\"\(href)\"/>\n"
                    }
                }
                xml += "  </url>\n"
            }
        }
        return xml + "</urlset>\n"
    }
}

/// JSON text written by hand where JSONSerialization is too slow (the search index, API answers).
public enum JSONText {
    /// A JSON string for data (not for code that people read): only what JSON requires is
    /// escaped, plus U+2028 and U+2029 for old JavaScript parsers. Works on bytes; linear.
    public static func string(_ text: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? utf8.next() : pending.removeFirst() {
            switch byte {
            case UInt8(ascii: "\""): bytes += [92, 34]
            case UInt8(ascii: "\\"): bytes += [92, 92]
            case 0x0A: bytes += [92, UInt8(ascii: "n")]
            case 0x0D: bytes += [92, UInt8(ascii: "r")]
            case 0x09: bytes += [92, UInt8(ascii: "t")]
            case 0..<0x20: bytes += [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                let second = utf8.next()
                let third = second == 0x80 ? utf8.next() : nil
                if second == 0x80, let third, third == 0xA8 || third == 0xA9 {
                    bytes += Array("\\u202".utf8) + [third == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")]
                } else {
                    bytes.append(byte)
                    if let second { bytes.append(second) }
                    if let third { pending.append(third) }
                }
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
