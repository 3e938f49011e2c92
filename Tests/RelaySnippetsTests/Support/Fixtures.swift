import Foundation
import RelayCatalog
import RelayDefaults
import RelaySnippets

/// What every snippet test shares: the built-in catalog and templates, the snippet matrix and
/// hostile values.
enum Fixtures {
    static let catalog: Catalog = {
        do {
            return try Catalog.load(yaml: DefaultResources.catalogYAML, path: DefaultResources.catalogPath)
        } catch {
            fatalError("the built-in catalog does not load: \(error)")
        }
    }()

    static let templates: SnippetTemplates = {
        do {
            return try SnippetTemplates(files: DefaultResources.templates, origin: "templates")
        } catch {
            fatalError("the built-in templates do not load: \(error)")
        }
    }()

    static let generator = SnippetGenerator(catalog: catalog, templates: templates)

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A key and prompt that try every way out of a string literal or a shell quote.
    static let hostileKey = "sk-'\"$(id)`id`\\(x)\\\"\"\"#{}%;|&<>!*?~"
    static let hostilePrompt =
        "Say \"hi\" and 'bye' $(touch /tmp/pwned) `id` ${HOME} \\(boom) \\\" \"\"\" #\"raw\"# \n"
        + "line two\r\n\ttabbed \u{0} nul \u{7F} del \u{202E}bidi\u{202C} \u{2028}sep 你好 🙂 %s %n {{x}} '\\''"

    /// One entry of the snippet matrix: every protocol × language × plain/stream, plus the
    /// Anthropic thinking and cache variants.
    struct Entry: CustomStringConvertible {
        var protocolID: String
        var request: SnippetRequest

        /// `<protocol>/<language>[-stream][-thinking][-cache]`
        var name: String {
            var name = "\(protocolID)/\(request.language)"
            if request.stream { name += "-stream" }
            if request.thinkingBudget != nil { name += "-thinking" }
            if request.cache { name += "-cache" }
            return name
        }

        var fileExtension: String {
            switch request.language {
            case .python: "py"
            case .curl: "sh"
            case .swift: "swift"
            }
        }

        var description: String { name }
    }

    /// The matrix, with the given key and prompt (nil: the catalog's placeholder and default).
    static func matrix(key: APIKey? = nil, prompt: String? = nil) -> [Entry] {
        var entries: [Entry] = []
        for wireProtocol in catalog.protocols {
            let model =
                catalog.models.first { $0.protocolIDs.first == wireProtocol.id }
                ?? catalog.models.first { $0.protocolIDs.contains(wireProtocol.id) }
            guard let model else { continue }
            var variants: [(thinking: Int?, cache: Bool)] = [(nil, false)]
            if wireProtocol.id == "anthropic-messages" { variants += [(2048, false), (nil, true), (2048, true)] }
            for language in Language.allCases {
                for stream in [false, true] {
                    for variant in variants {
                        entries.append(
                            Entry(
                                protocolID: wireProtocol.id,
                                request: SnippetRequest(
                                    model: model.id, language: language, protocolID: wireProtocol.id, key: key,
                                    prompt: prompt, stream: stream, thinkingBudget: variant.thinking,
                                    cache: variant.cache)))
                    }
                }
            }
        }
        return entries
    }
}
