import Foundation
import RelayCatalog

/// The catalog's models with what each can do: its protocols (native first) and, through each,
/// the recipes it has snippets for in which languages. What `relaydocs models --format json`
/// prints and `relaydocs mcp`'s `list_models` answers.
public struct ModelList: Sendable, Codable, Equatable {
    /// One model.
    public struct Entry: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var vendor: String
        /// What the model can do: `reasoning`, `caching`, `tools`, `vision`, `json`.
        public var features: [String]
        /// How the model is told how hard to think; nil when it does not reason.
        public var reasoning: Reasoning?
        /// The protocols the model accepts, native first.
        public var protocols: [ProtocolEntry]
    }

    /// How a model reasons.
    public struct Reasoning: Sendable, Codable, Equatable {
        /// `effort`, `adaptive`, `budget` or `level`.
        public var style: String
        /// The depths `--effort` takes (for every style but `budget`).
        public var levels: [String]
        /// The depth snippets ask for unless told otherwise.
        public var defaultLevel: String?
        /// The budget in tokens snippets ask for unless told otherwise (`budget`).
        public var defaultBudget: Int?
    }

    /// A protocol a model is served through.
    public struct ProtocolEntry: Sendable, Codable, Equatable {
        /// The protocol id, such as `anthropic-messages`.
        public var id: String
        public var native: Bool
        /// The model id sent through this protocol (Vertex's can differ from the catalog's).
        public var model: String
        /// The recipes with snippets for the model through this protocol, in recipe order.
        public var recipes: [RecipeEntry]
    }

    /// A recipe and the languages it is written in for one model and protocol.
    public struct RecipeEntry: Sendable, Codable, Equatable {
        public var id: String
        public var languages: [String]
        /// Languages whose snippets of this recipe do not stream; nil when all do.
        public var noStream: [String]?
    }

    public var models: [Entry]

    /// The models of a generator's catalog, with the recipes its templates can write.
    public init(generator: SnippetGenerator) {
        let catalog = generator.catalog
        models = catalog.models.map { model in
            Entry(
                id: model.id, name: model.name, vendor: model.vendor, features: model.features,
                reasoning: model.reasoning.map {
                    Reasoning(
                        style: $0.style.rawValue, levels: $0.levels, defaultLevel: $0.defaultLevel,
                        defaultBudget: $0.defaultBudget)
                },
                protocols: model.protocolIDs.enumerated().map { index, protocolID in
                    var recipes: [RecipeEntry] = []
                    for recipe in generator.templates.recipes {
                        let languages = generator.languages.filter {
                            generator.unavailability(of: recipe, model: model.id, protocolID: protocolID, language: $0)
                                == nil
                        }
                        guard !languages.isEmpty else { continue }
                        let noStream = languages.filter(recipe.noStream.contains).map(\.rawValue)
                        recipes.append(
                            RecipeEntry(
                                id: recipe.id, languages: languages.map(\.rawValue),
                                noStream: noStream.isEmpty ? nil : noStream))
                    }
                    return ProtocolEntry(
                        id: protocolID, native: index == 0, model: model.id(on: protocolID), recipes: recipes)
                })
        }
    }

    /// The list as `relaydocs models --format json` prints it: pretty-printed JSON with sorted
    /// keys, ending in a newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and arrays of them only: encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The list as `relaydocs models` prints it: one line per model and protocol.
    public var text: String {
        CatalogTables.table(
            header: ["model", "protocol", "features", "recipes"],
            rows: models.flatMap { model in
                model.protocols.map { entry in
                    [
                        entry.native ? model.id : "", entry.id + (entry.native ? " (native)" : ""),
                        entry.native ? model.features.joined(separator: ", ") : "",
                        entry.recipes.map(\.id).joined(separator: ", "),
                    ]
                }
            })
    }
}
