import RelayTemplates
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

    /// The strings as a nested value, for templates (`{{strings.catalog.provider}}`).
    public var templateValue: TemplateValue {
        var root: [String: TemplateValue] = [:]
        var groups: [String: [String: TemplateValue]] = [:]
        for (key, value) in values {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 1 {
                root[key] = .string(value)
            } else {
                groups[parts[0], default: [:]][parts[1]] = .string(value)
            }
        }
        for (name, group) in groups { root[name] = .object(group) }
        return .object(root)
    }

    /// Reads strings.yaml once for every locale: locale → key → text (one level of nesting for
    /// groups such as `labels`). A locale it lacks gets English, then the first locale.
    public static func load(yaml: String, locales: [String]) -> [String: SiteStrings] {
        let mapping = (try? Yams.compose(yaml: yaml, .default, .default, .utf8))?.mapping
        var result: [String: SiteStrings] = [:]
        for locale in locales {
            let chosen = mapping.flatMap { $0[locale] ?? $0["en"] ?? $0.first?.value }
            var values: [String: String] = [:]
            for (key, value) in chosen?.mapping ?? Node.Mapping([]) {
                guard let name = key.string else { continue }
                if let text = value.string, value.scalar != nil {
                    values[name] = text
                } else if let group = value.mapping {
                    for (innerKey, innerValue) in group {
                        if let inner = innerKey.string, let text = innerValue.string {
                            values["\(name).\(inner)"] = text
                        }
                    }
                }
            }
            result[locale] = SiteStrings(locale: locale, values: values)
        }
        return result
    }
}
