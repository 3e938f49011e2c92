/// The catalog as plain-text tables for a terminal: what `relaydocs catalog` and `relaydocs domains`
/// print, and what `relaydocs mcp` answers with, byte for byte.
public struct CatalogTables: Sendable {
    public let catalog: Catalog
    /// The locale of the providers' notes, such as `zh` or `en`.
    public let locale: String

    /// Creates the tables of a catalog.
    public init(catalog: Catalog, locale: String) {
        self.catalog = catalog
        self.locale = locale
    }

    /// Every table: providers, protocols and models.
    public var text: String {
        var out = "\(catalog.relay.name) at \(catalog.relay.origin)\n\n"
        out += "Providers\n"
        out += domains
        out += "\nProtocols\n"
        out += Self.table(
            header: ["protocol", "name", "endpoint"] + catalog.languages.map(\.rawValue),
            rows: catalog.protocols.map { wireProtocol in
                let endpoint =
                    catalog.relayBaseURL(of: catalog.provider(of: wireProtocol))
                    + Catalog.filling(
                        wireProtocol.endpoint,
                        ["{apiVersion}": wireProtocol.apiVersion ?? ""].merging(
                            wireProtocol.values.map { ("{\($0.key)}", $0.value) }
                        ) { first, _ in first })
                return [wireProtocol.id, wireProtocol.name, endpoint]
                    + catalog.languages.map { language in
                        let sdk = catalog.sdk(for: wireProtocol, in: language)
                        return "\(sdk.package) \(sdk.versions)"
                    }
            })
        out += "\nModels\n"
        out += Self.table(
            header: ["model", "name", "vendor", "protocols (native first)"],
            rows: catalog.models.map { [$0.id, $0.name, $0.vendor, $0.protocolIDs.joined(separator: ", ")] })
        return out
    }

    /// The domain rules: each provider's original base URL and the relay base URL that replaces it.
    public var domains: String {
        Self.table(
            header: ["provider", "original base URL", "relay base URL", "note"],
            rows: catalog.providers.map { provider in
                [
                    provider.name, provider.originalBaseURL, catalog.relayBaseURL(of: provider),
                    provider.note.text(for: locale),
                ]
            })
    }

    /// The locales the providers' notes are written in, in catalog order.
    public var noteLocales: [String] {
        var locales: [String] = []
        for provider in catalog.providers {
            for translation in provider.note.translations where !locales.contains(translation.locale) {
                locales.append(translation.locale)
            }
        }
        return locales
    }

    /// Left-aligned columns separated by two spaces; wide (CJK) characters count as two columns.
    public static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[column] - displayWidth(cell) + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    /// The columns a terminal gives `text`.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let wide =
                (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
                || (0xFFE0...0xFFE6).contains(scalar.value) || (0x20000...0x3FFFD).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }
}
