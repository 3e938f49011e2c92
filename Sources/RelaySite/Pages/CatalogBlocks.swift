import Foundation
import RelayCatalog
import RelayMarkdown

/// ```` ```catalog domains ```` (the domain-replacement table), ```` ```catalog models ```` (the
/// models, their protocols and features) and ```` ```catalog features ```` (what each protocol
/// carries), written from the catalog so the docs cannot drift from it.
enum CatalogBlocks {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// The table a block's arguments (`domains` or `models`) ask for.
    static func render(_ arguments: [String], catalog: Catalog, strings: SiteStrings) throws -> String {
        switch arguments.first {
        case "domains": return domains(catalog, strings: strings)
        case "models": return models(catalog, strings: strings)
        case "features": return FeatureTable.protocols(catalog, strings: strings)
        default:
            throw Problem(
                description:
                    "expected `catalog domains`, `catalog models` or `catalog features`, not `\((["catalog"] + arguments).joined(separator: " "))`"
            )
        }
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
                strings["catalog.protocols", "Protocols"], strings["catalog.features", "Features"],
            ],
            rows: catalog.models.map { model in
                [
                    "<code>\(model.id.htmlEscaped)</code>", model.vendor.htmlEscaped,
                    model.protocolIDs.map { id in
                        "<code>\(id.htmlEscaped)</code>"
                    }.joined(separator: ", "),
                    FeatureTable.features(of: model, strings: strings),
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
