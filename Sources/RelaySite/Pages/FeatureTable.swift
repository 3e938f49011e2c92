import RelayCatalog

/// The capability tables of the docs: which features each protocol carries through the relay,
/// and which each model has, from the catalog.
enum FeatureTable {
    /// ```` ```catalog features ````: one row per protocol, one column per feature; reasoning
    /// names the styles the protocol sets depth with.
    static func protocols(_ catalog: Catalog, strings: SiteStrings) -> (
        header: [String], rows: [[CatalogBlocks.Cell]]
    ) {
        let yes = strings["catalog.supported", "yes"]
        let no = strings["catalog.unsupported", "—"]
        return (
            [strings["catalog.protocol", "Protocol"]]
                + Catalog.knownFeatures.map { strings["featureColumns.\($0)", name($0, strings)] },
            catalog.protocols.map { wireProtocol in
                [.code([wireProtocol.id])]
                    + Catalog.knownFeatures.map { feature -> CatalogBlocks.Cell in
                        guard wireProtocol.features.contains(feature) else { return .text(no) }
                        guard feature == "reasoning" else { return .text(yes) }
                        return .code(wireProtocol.reasoningStyles.map(\.rawValue))
                    }
            }
        )
    }

    /// A model's features as localized names, reasoning with its style and levels or budget.
    static func features(of model: Model, strings: SiteStrings) -> CatalogBlocks.Cell {
        var html: [String] = []
        var markdown: [String] = []
        for feature in model.features {
            let title = name(feature, strings)
            guard feature == "reasoning", let reasoning = model.reasoning else {
                html.append(title.htmlEscaped)
                markdown.append(title)
                continue
            }
            let depth =
                reasoning.style == .budget
                ? "\(reasoning.defaultBudget ?? 0)" : reasoning.levels.joined(separator: "/")
            html.append("\(title.htmlEscaped) (<code>\(reasoning.style.rawValue)</code> \(depth.htmlEscaped))")
            markdown.append("\(title) (\(TwinMarkdown.inlineCode(reasoning.style.rawValue)) \(depth))")
        }
        return .written(html: html.joined(separator: ", "), markdown: markdown.joined(separator: ", "))
    }

    /// A feature's name in the page's locale.
    static func name(_ feature: String, _ strings: SiteStrings) -> String {
        strings["features.\(feature)", feature]
    }
}
