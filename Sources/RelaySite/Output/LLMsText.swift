import Foundation
import RelayMarkdown

/// `llms.txt` and `llms-full.txt` at the root of each locale, as the llms.txt convention has
/// them: a title, a summary, then the pages in sidebar groups, each a link to its Markdown twin
/// with its description; the full file holds every twin, in sidebar order.
///
/// They stay out of the sitemap (it lists the pages people open; the twins are alternates of
/// those pages, linked from each page's head) and out of the search index.
enum LLMsText {
    /// The files' names, in each locale's root.
    static let names = ["llms.txt", "llms-full.txt"]

    /// The title and summary both files start with.
    private static func heading(site: SiteModel, pages: [String: PageSummary]) -> (title: String, summary: String) {
        let home = pages["index.md"]
        let title = site.configuration.title
        return (title, oneLine(home?.frontMatter.description ?? home?.title ?? title))
    }

    /// `llms.txt`: made of the sidebar, the pages' titles and descriptions, and the other locales.
    static func index(
        site: SiteModel, locale: SiteModel.LocaleInfo, navigation: Navigation, pages: [String: PageSummary],
        strings: SiteStrings
    ) -> String {
        let base = (site.configuration.url ?? "") + site.base
        let prefix = base + locale.prefix
        let (title, summary) = heading(site: site, pages: pages)
        var index = "# \(title)\n\n> \(summary)\n\n"
        let full = "[llms-full.txt](\(prefix)llms-full.txt)"
        index +=
            strings[
                "llms.notes",
                "Every page is Markdown at its own URL with .md instead of .html, as linked below; {full} holds them all in one file.",
            ].replacingOccurrences(of: "{full}", with: full) + "\n"
        for group in navigation.groups {
            let items = (group.index.map { [$0] } ?? []) + group.items + group.unlisted
            guard !items.isEmpty else { continue }
            index += "\n## \(group.title.isEmpty ? strings["llms.pages", "Pages"] : oneLine(group.title))\n\n"
            for item in items {
                index += "- [\(linkText(item.title))](\(prefix)\(MarkdownTwin.encoded(item.path)))"
                if let description = pages[item.path]?.frontMatter.description, !description.isEmpty {
                    index += ": " + oneLine(description)
                }
                index += "\n"
            }
        }
        let others = site.locales.filter { $0.code != locale.code }
        if !others.isEmpty {
            // "Optional" is the convention's name for links a reader may skip.
            index += "\n## Optional\n\n"
            for other in others { index += "- [\(linkText(other.name))](\(base)\(other.prefix)llms.txt)\n" }
        }
        return index
    }

    /// `llms-full.txt`: every twin in sidebar order (``Navigation/everything``).
    static func full(site: SiteModel, pages: [String: PageSummary], twins: [Data]) -> Data {
        // Data appended to Data is one copy each; appended to [UInt8] it went byte by byte, which
        // with a big catalog's model pages (megabytes of twins) was a tenth of a one-page rebuild.
        let header = fullHeader(site: site, pages: pages)
        var bytes = Data(capacity: twins.reduce(header.count) { $0 + $1.count + separator.count })
        bytes.append(header)
        for twin in twins {
            bytes.append(separator)
            bytes.append(twin)
        }
        return bytes
    }

    /// What `llms-full.txt` starts with, before the first ``separator`` and twin (a build to disk
    /// writes the file in pieces, as the pages are made).
    static func fullHeader(site: SiteModel, pages: [String: PageSummary]) -> Data {
        let (title, summary) = heading(site: site, pages: pages)
        return Data("# \(title)\n\n> \(summary)\n".utf8)
    }

    /// What comes before each twin in `llms-full.txt`.
    static let separator = Data("\n---\n\n".utf8)

    /// Broken links of an `llms.txt`: each must name a file the build writes (given by its path
    /// below the site root).
    static func brokenLinks(in text: String, file: String, site: SiteModel, written: Set<String>) -> [SiteDiagnostic] {
        let base = (site.configuration.url ?? "") + site.base
        let tree = MarkdownTree(parsing: text, options: [.sourcePositions])
        var problems: [SiteDiagnostic] = []
        for link in tree.document.descendants(ofKind: [.link, .image]) {
            let url = link.url
            let (path, _) = Links.split(url)
            guard path.hasPrefix(base), written.contains(String(path.dropFirst(base.count))) else {
                problems.append(
                    SiteDiagnostic(
                        file: file, line: link.sourceLine,
                        message: "broken link \(url.debugDescription): the build writes no such file"))
                continue
            }
        }
        return problems
    }

    /// Text on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Text for inside `[…]`: brackets and backslashes escaped.
    static func linkText(_ text: String) -> String {
        var result = ""
        for character in oneLine(text) {
            if character == "[" || character == "]" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
