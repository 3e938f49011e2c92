import Yams

/// The interface strings of one locale, from `templates/site/strings.yaml`.
public struct SiteStrings: Sendable {
    /// The locale code the strings are for ("" when the site has no locales).
    public var locale: String
    /// Every string by dotted key, such as `onThisPage` or `catalog.provider`.
    public var values: [String: String]

    public init(locale: String, values: [String: String]) {
        self.locale = locale
        self.values = values
    }

    /// The string for a key, or the fallback.
    public subscript(key: String, fallback: String) -> String { values[key] ?? fallback }

    /// The strings as a nested dictionary, for templates (`{{strings.catalog.provider}}`).
    public var context: [String: Any] {
        var root: [String: Any] = [:]
        for (key, value) in values {
            let parts = key.split(separator: ".").map(String.init)
            if parts.count == 1 {
                root[key] = value
            } else {
                var group = root[parts[0]] as? [String: String] ?? [:]
                group[parts.dropFirst().joined(separator: ".")] = value
                root[parts[0]] = group
            }
        }
        return root
    }

    /// Reads strings.yaml: locale → key → text (one level of nesting for groups such as `labels`).
    /// A locale it lacks gets English, then the first locale.
    public static func load(yaml: String, locale: String) -> SiteStrings {
        guard let node = try? Yams.compose(yaml: yaml, .default, .default, .utf8), let mapping = node.mapping else {
            return SiteStrings(locale: locale, values: [:])
        }
        let chosen = mapping[locale] ?? mapping["en"] ?? mapping.first?.value
        var values: [String: String] = [:]
        for (key, value) in chosen?.mapping ?? Node.Mapping([]) {
            guard let name = key.string else { continue }
            if let text = value.string, value.scalar != nil {
                values[name] = text
            } else if let group = value.mapping {
                for (innerKey, innerValue) in group {
                    if let inner = innerKey.string, let text = innerValue.string { values["\(name).\(inner)"] = text }
                }
            }
        }
        return SiteStrings(locale: locale, values: values)
    }
}
