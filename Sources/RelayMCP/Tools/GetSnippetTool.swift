import MCP
import RelayCatalog
import RelaySnippets

/// `get_snippet`: one snippet, as `relaydocs snippet` prints it for the same options.
struct GetSnippetTool: RelayTool {
    let generator: SnippetGenerator

    let name = "get_snippet"
    var description: String {
        """
        Quick-start code for \(generator.catalog.relay.name): a complete program in the given language that \
        calls the model through the relay (base URL, endpoint, headers and SDK already right) and prints the \
        reply. Every snippet of the catalog is run against a stand-in relay before it ships. Pass the user's key \
        to have it written into the code (it is not kept or logged), or leave it out for the placeholder key. \
        Errors (an unknown model, a recipe the model cannot do) are the relaydocs command line's and say what \
        is possible instead.
        """
    }
    let argumentNames = [
        "model", "language", "protocol", "recipe", "stream", "key", "prompt", "effort", "thinking", "cache", "image",
    ]
    var inputSchema: Value {
        let catalog = generator.catalog
        return Schema.object(
            [
                (
                    "model",
                    Schema.string(
                        "The model id (list_models lists them), such as \(catalog.models.first?.id ?? "gpt-4o").")
                ),
                ("language", Schema.string("The language of the code.", choices: generator.languages.map(\.rawValue))),
                (
                    "protocol",
                    Schema.string(
                        "The wire protocol (default: the model's native one; list_models gives the ones it accepts).",
                        choices: catalog.protocols.map(\.id))
                ),
                (
                    "recipe",
                    Schema.string(
                        "What the code shows (list_models gives the ones a model can do through each protocol).",
                        choices: generator.templates.recipes.map(\.id), default: Recipe.defaultID)
                ),
                ("stream", Schema.boolean("Stream the reply as it is generated.")),
                (
                    "key",
                    Schema.string(
                        "The user's API key to write into the code (visible ASCII); the placeholder key without it.")
                ),
                ("prompt", Schema.string("The prompt the code sends (default: the recipe's or the catalog's).")),
                (
                    "effort",
                    Schema.string("The reasoning depth of recipe reasoning, one of the model's levels (list_models).")
                ),
                (
                    "thinking",
                    Schema.integer(
                        "A thinking budget in tokens: Anthropic extended thinking, or the budget of recipe reasoning.",
                        minimum: SnippetGenerator.minimumThinkingBudget, maximum: SnippetGenerator.maximumThinkingBudget
                    )
                ),
                ("cache", Schema.boolean("Anthropic prompt caching: mark the prompt with cache_control.")),
                (
                    "image",
                    Schema.string("The image of recipe vision: a file path or an http(s) URL (default: the recipe's).")
                ),
            ], required: ["model", "language"])
    }

    func call(_ arguments: ToolArguments) throws(ToolArgumentError) -> CommandOutput {
        generator.snippetCommand(
            SnippetRequest(
                model: try arguments.requiredString("model"),
                language: Language(rawValue: try arguments.requiredString("language")),
                protocolID: try arguments.string("protocol"),
                recipe: try arguments.string("recipe") ?? Recipe.defaultID,
                prompt: try arguments.string("prompt"), stream: try arguments.bool("stream") ?? false,
                thinkingBudget: try arguments.int("thinking"), cache: try arguments.bool("cache") ?? false,
                effort: try arguments.string("effort"), image: try arguments.string("image")),
            key: try arguments.string("key"))
    }
}
