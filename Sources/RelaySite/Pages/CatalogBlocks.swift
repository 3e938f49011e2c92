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

    /// A cell: plain text, code (a URL, a model id, a list of protocol ids), or text written
    /// both ways already.
    enum Cell {
        case text(String)
        case code([String])
        case written(html: String, markdown: String)
    }

    /// The table a block's arguments (`domains` or `models`) ask for, as HTML and as Markdown
    /// (for the page's twin).
    static func render(_ arguments: [String], catalog: Catalog, strings: SiteStrings) throws -> (
        html: String, markdown: String
    ) {
        let table: (header: [String], rows: [[Cell]])
        switch arguments.first {
        case "domains": table = domains(catalog, strings: strings)
        case "models": table = models(catalog, strings: strings)
        case "features": table = FeatureTable.protocols(catalog, strings: strings)
        default:
            throw Problem(
                description:
                    "expected `catalog domains`, `catalog models` or `catalog features`, not `\((["catalog"] + arguments).joined(separator: " "))`"
            )
        }
        return (html(header: table.header, rows: table.rows), markdown(header: table.header, rows: table.rows))
    }

    static func domains(_ catalog: Catalog, strings: SiteStrings) -> (header: [String], rows: [[Cell]]) {
        (
            [
                strings["catalog.provider", "Provider"], strings["catalog.originalBaseURL", "Original base URL"],
                strings["catalog.relayBaseURL", "Relay base URL"], strings["catalog.note", "Note"],
            ],
            catalog.providers.map { provider in
                [
                    .text(provider.name), .code([provider.originalBaseURL]),
                    .code([catalog.relayBaseURL(of: provider)]),
                    .text(provider.note.text(for: strings.locale)),
                ]
            }
        )
    }

    static func models(_ catalog: Catalog, strings: SiteStrings) -> (header: [String], rows: [[Cell]]) {
        (
            [
                strings["catalog.model", "Model"], strings["catalog.vendor", "Vendor"],
                strings["catalog.protocols", "Protocols"], strings["catalog.features", "Features"],
            ],
            catalog.models.map { model in
                [
                    .code([model.id]), .text(model.vendor), .code(model.protocolIDs),
                    FeatureTable.features(of: model, strings: strings),
                ]
            }
        )
    }

    /// The HTML table: URLs may wrap after a `/` or `.`, code in `<code>`.
    static func html(header: [String], rows: [[Cell]]) -> String {
        table(
            header: header,
            rows: rows.map { row in
                row.map { cell in
                    switch cell {
                    case .text(let text): text.htmlEscaped
                    case .code(let items): items.map { "<code>\(breakable($0))</code>" }.joined(separator: ", ")
                    case .written(let html, _): html
                    }
                }
            })
    }

    /// The Markdown table.
    static func markdown(header: [String], rows: [[Cell]]) -> String {
        TwinMarkdown.table(
            header: header,
            rows: rows.map { row in
                row.map { cell in
                    switch cell {
                    case .text(let text): text
                    case .code(let items): items.map(TwinMarkdown.inlineCode).joined(separator: ", ")
                    case .written(_, let markdown): markdown
                    }
                }
            })
    }

    /// A URL as HTML that may wrap after a `/` or `.` of its host and path (never inside a word).
    static func breakable(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url.htmlEscaped }
        let scheme = String(url[..<schemeEnd.upperBound])
        let rest = String(url[schemeEnd.upperBound...]).htmlEscaped
        return scheme + rest.replacingOccurrences(of: "/", with: "/<wbr>").replacingOccurrences(of: ".", with: ".<wbr>")
    }

    /// `header` is plain text; `rows` are HTML. Each cell carries its column's name
    /// (`data-label`), which narrow screens show above the cell when each row becomes a card.
    static func table(header: [String], rows: [[String]]) -> String {
        var html = "<table class=\"catalog-table\">\n<thead>\n<tr>\n"
        for cell in header { html += "<th>\(cell.htmlEscaped)</th>\n" }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>\n"
            for (index, cell) in row.enumerated() {
                let label = index < header.count ? " data-label=\"\(header[index].htmlEscaped)\"" : ""
                html += "<td\(label)>\(cell)</td>\n"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
