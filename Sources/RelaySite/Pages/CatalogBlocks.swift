import Foundation
import RelayCatalog
import RelayMarkdown

/// ```` ```catalog domains ```` (the domain-replacement table) and ```` ```catalog models ````
/// (the models and their protocols), written from the catalog so the docs cannot drift from it.
enum CatalogBlocks {
    /// Replaces every catalog block; problems are returned with the block's line.
    static func apply(to tree: MarkdownTree, catalog: Catalog, strings: SiteStrings, file: String) -> [SiteDiagnostic] {
        var problems: [SiteDiagnostic] = []
        for block in tree.document.descendants where block.kind == .codeBlock {
            let words = block.fenceInfo.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard words.first == "catalog" else { continue }
            let html: String
            switch words.dropFirst().first {
            case "domains": html = domains(catalog, strings: strings)
            case "models": html = models(catalog, strings: strings)
            default:
                problems.append(
                    SiteDiagnostic(
                        file: file, line: block.startLine,
                        message:
                            "catalog block: expected `catalog domains` or `catalog models`, not `\(words.joined(separator: " "))`"
                    ))
                html = ""
            }
            block.replace(with: .customBlock(html: html))
        }
        return problems
    }

    static func domains(_ catalog: Catalog, strings: SiteStrings) -> String {
        table(
            header: [
                strings["catalog.provider", "Provider"], strings["catalog.originalBaseURL", "Original base URL"],
                strings["catalog.relayBaseURL", "Relay base URL"], strings["catalog.note", "Note"],
            ],
            rows: catalog.providers.map { provider in
                [
                    provider.name.htmlEscaped, "<code>\(breakable(provider.originalBaseURL))</code>",
                    "<code>\(breakable(catalog.relayBaseURL(of: provider)))</code>",
                    provider.note.text(for: strings.locale).htmlEscaped,
                ]
            })
    }

    static func models(_ catalog: Catalog, strings: SiteStrings) -> String {
        table(
            header: [
                strings["catalog.model", "Model"], strings["catalog.vendor", "Vendor"],
                strings["catalog.protocols", "Protocols"],
            ],
            rows: catalog.models.map { model in
                [
                    "<code>\(model.id.htmlEscaped)</code>", model.vendor.htmlEscaped,
                    model.protocolIDs.map { id in
                        "<code>\(id.htmlEscaped)</code>"
                    }.joined(separator: ", "),
                ]
            })
    }

    /// A URL as HTML that may wrap after a `/` or `.` of its host and path (never inside a word).
    static func breakable(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url.htmlEscaped }
        let scheme = String(url[..<schemeEnd.upperBound])
        let rest = String(url[schemeEnd.upperBound...]).htmlEscaped
        return scheme + rest.replacingOccurrences(of: "/", with: "/<wbr>").replacingOccurrences(of: ".", with: ".<wbr>")
    }

    /// `header` is plain text; `rows` are HTML.
    static func table(header: [String], rows: [[String]]) -> String {
        var html = "<table class=\"catalog-table\">\n<thead>\n<tr>\n"
        for cell in header { html += "<th>\(cell.htmlEscaped)</th>\n" }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>\n" + row.map { "<td>\($0)</td>\n" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
