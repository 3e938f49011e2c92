import Foundation

/// The search index of one locale: every page's URL, title, headings and text, as JSON that
/// the site's script searches in the browser.
enum SearchIndex {
    /// The index of the pages' entries (``entry(headings:text:title:url:)``), in order.
    ///
    /// Written by hand: JSONSerialization was a tenth of a 2,000-page build, and the shape is
    /// fixed. Keys are in a fixed order, so builds are identical.
    static func json(entries: [String]) -> Data {
        // One buffer of the final size, filled with memcpy: the entries are most of the bytes.
        let size =
            head.count + tail.count + entries.reduce(0) { $0 + $1.utf8.count } + max(entries.count - 1, 0)
        // Not Data(count:): zeroing ten megabytes that are written over at once was most of it.
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 1)
        let buffer = UnsafeMutableRawBufferPointer(start: memory, count: size)
        var offset = 0
        func put(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count > 0 else { return }
            buffer.baseAddress!.advanced(by: offset).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            offset += bytes.count
        }
        head.withUnsafeBytes(put)
        for (index, entry) in entries.enumerated() {
            if index > 0 {
                buffer[offset] = UInt8(ascii: ",")
                offset += 1
            }
            var entry = entry
            entry.withUTF8 { put(UnsafeRawBufferPointer($0)) }
        }
        tail.withUnsafeBytes(put)
        precondition(offset == size)
        let data = Data(bytesNoCopy: memory, count: size, deallocator: .custom { pointer, _ in pointer.deallocate() })
        return data
    }

    /// What the index starts and ends with, around its entries, which are separated by a comma
    /// (a build to disk writes the index in pieces, as the pages are made).
    static let head = Data("{\"pages\":[".utf8)
    static let tail = Data("]}".utf8)

    /// One page's entry; made when the page is rendered, so a rebuild redoes only changed pages.
    static func entry(headings: [HeadingAnchors.Entry], text: String, title: String, url: String) -> String {
        // One buffer for the whole entry: it is mostly the page's text.
        var json: [UInt8] = []
        json.reserveCapacity(text.utf8.count + title.utf8.count + url.utf8.count + 64 * headings.count + 64)
        func put(_ literal: StaticString) { literal.withUTF8Buffer { json.append(contentsOf: $0) } }
        put("{\"headings\":[")
        var first = true
        for heading in headings where heading.level >= 2 && heading.level <= 3 {
            if !first { put(",") }
            first = false
            put("{\"id\":")
            JSONText.append(heading.id, to: &json)
            put(",\"text\":")
            JSONText.append(heading.text, to: &json)
            put("}")
        }
        put("],\"text\":")
        JSONText.append(text, to: &json)
        put(",\"title\":")
        JSONText.append(title, to: &json)
        put(",\"url\":")
        JSONText.append(url, to: &json)
        put("}")
        return String(decoding: json, as: UTF8.self)
    }
}

/// `sitemap.xml` with every page of every locale, and its language versions.
enum Sitemap {
    /// - Parameter paths: each locale's page paths, in order.
    static func xml(site: SiteModel, paths: [String: [String]]) -> String {
        let root = site.configuration.url ?? ""
        let present = paths.mapValues(Set.init)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml +=
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for locale in site.locales {
            for path in paths[locale.code] ?? [] {
                xml += "  <url>\n    <loc>\((root + site.url(of: path, in: locale)).htmlEscaped)</loc>\n"
                if site.locales.count > 1 {
                    for other in site.locales where present[other.code]?.contains(path) == true {
                        let href = (root + site.url(of: path, in: other)).htmlEscaped
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
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends ``string(_:)`` of `text` to `output`.
    public static func append(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// Appends what goes between the quotes of ``string(_:)`` of `text` to `output`.
    public static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { input in
            var runStart = 0
            var index = 0
            let count = input.count
            while index < count {
                let byte = input[index]
                // Most bytes need nothing: one comparison chain, and on to the next.
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2 {
                    index += 1
                    continue
                }
                var escape: StaticString? = nil
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0..<0x20:
                    if runStart < index { output.append(contentsOf: input[runStart..<index]) }
                    let hex = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                    index += 1
                    runStart = index
                    continue
                case 0xE2
                where index + 2 < count && input[index + 1] == 0x80
                    && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9):
                    // U+2028 and U+2029, which old JavaScript parsers take for line ends.
                    escape = input[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    break
                }
                if let escape {
                    if runStart < index { output.append(contentsOf: input[runStart..<index]) }
                    escape.withUTF8Buffer { output.append(contentsOf: $0) }
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            if runStart < count { output.append(contentsOf: input[runStart..<count]) }
        }
    }
}
