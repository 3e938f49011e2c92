import RelayCatalog

/// The capability tables of the docs: which features each protocol carries through the relay,
/// and which each model has, from the catalog.
enum FeatureTable {
    /// ```` ```catalog features ````: one row per protocol, one column per feature; reasoning
    /// names the styles the protocol sets depth with.
    static func protocols(_ catalog: Catalog, strings: SiteStrings) -> String {
        let yes = strings["catalog.supported", "yes"]
        let no = strings["catalog.unsupported", "—"]
        return CatalogBlocks.table(
            header: [strings["catalog.protocol", "Protocol"]]
                + Catalog.knownFeatures.map { strings["featureColumns.\($0)", name($0, strings)] },
            rows: catalog.protocols.map { wireProtocol in
                ["<code>\(wireProtocol.id.htmlEscaped)</code>"]
                    + Catalog.knownFeatures.map { feature in
                        guard wireProtocol.features.contains(feature) else { return no.htmlEscaped }
                        guard feature == "reasoning" else { return yes.htmlEscaped }
                        return wireProtocol.reasoningStyles.map { "<code>\($0.rawValue)</code>" }.joined(
                            separator: ", ")
                    }
            })
    }

    /// A model's features as localized names, reasoning with its style and levels or budget.
    static func features(of model: Model, strings: SiteStrings) -> String {
        model.features.map { feature in
            var text = name(feature, strings).htmlEscaped
            if feature == "reasoning", let reasoning = model.reasoning {
                let depth =
                    reasoning.style == .budget
                    ? "\(reasoning.defaultBudget ?? 0)" : reasoning.levels.joined(separator: "/")
                text += " (<code>\(reasoning.style.rawValue)</code> \(depth.htmlEscaped))"
            }
            return text
        }.joined(separator: ", ")
    }

    /// A feature's name in the page's locale.
    static func name(_ feature: String, _ strings: SiteStrings) -> String {
        strings["features.\(feature)", feature]
    }
}
