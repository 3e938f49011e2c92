import RelayCatalog

/// The catalog as plain-text tables for a terminal.
struct CatalogTables {
    let catalog: Catalog
    let locale: String

    var text: String {
        var out = "\(catalog.relay.name) at \(catalog.relay.origin)\n\n"
        out += "Providers\n"
        out += Self.table(
            header: ["provider", "original base URL", "relay base URL", "note"],
            rows: catalog.providers.map { provider in
                [
                    provider.name, provider.originalBaseURL, catalog.relayBaseURL(of: provider),
                    provider.note.text(for: locale),
                ]
            })
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

    /// Left-aligned columns separated by two spaces; wide (CJK) characters count as two columns.
    static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[column] - displayWidth(cell) + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    static func displayWidth(_ text: String) -> Int {
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
