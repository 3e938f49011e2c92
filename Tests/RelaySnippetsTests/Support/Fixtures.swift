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

    /// One entry of the snippet matrix: every recipe × protocol × language × plain/stream, plus the
    /// Anthropic thinking and cache variants of `hello`.
    struct Entry: CustomStringConvertible {
        var protocolID: String
        var request: SnippetRequest

        /// `<recipe>/<protocol>/<language>[-stream][-thinking][-cache]`
        var name: String {
            var name = "\(request.recipe)/\(protocolID)/\(request.language)"
            if request.stream { name += "-stream" }
            if request.thinkingBudget != nil { name += "-thinking" }
            if request.cache { name += "-cache" }
            return name
        }

        /// The extension of the language's file, such as `py` for `main.py`.
        var fileExtension: String {
            String(Fixtures.templates.language(request.language)?.file.split(separator: ".").last ?? "txt")
        }

        var description: String { name }
    }

    /// The matrix, with the given key and prompt (nil: the catalog's placeholder and default).
    ///
    /// Each recipe and protocol is shown with the first model that can do it, native models first.
    static func matrix(key: APIKey? = nil, prompt: String? = nil) -> [Entry] {
        var entries: [Entry] = []
        for recipe in templates.recipes {
            for wireProtocol in catalog.protocols {
                for language in generator.languages {
                    let capable = catalog.models.filter { model in
                        model.protocolIDs.contains(wireProtocol.id)
                            && generator.unavailability(
                                of: recipe, model: model.id, protocolID: wireProtocol.id, language: language) == nil
                    }
                    guard
                        let model = capable.first(where: { $0.protocolIDs.first == wireProtocol.id }) ?? capable.first
                    else { continue }
                    var variants: [(thinking: Int?, cache: Bool)] = [(nil, false)]
                    if recipe.id == Recipe.defaultID, wireProtocol.id == "anthropic-messages" {
                        variants += [(2048, false), (nil, true), (2048, true)]
                    }
                    for stream in recipe.noStream.contains(language) ? [false] : [false, true] {
                        for variant in variants {
                            entries.append(
                                Entry(
                                    protocolID: wireProtocol.id,
                                    request: SnippetRequest(
                                        model: model.id, language: language, protocolID: wireProtocol.id,
                                        recipe: recipe.id, key: key, prompt: prompt, stream: stream,
                                        thinkingBudget: variant.thinking, cache: variant.cache)))
                        }
                    }
                }
            }
        }
        return entries
    }
}
