import MCP
import RelaySnippets

/// `list_models`: the models, their protocols and what each can do; `relaydocs models --format json`.
struct ListModelsTool: RelayTool {
    let generator: SnippetGenerator

    let name = "list_models"
    var description: String {
        """
        The models \(generator.catalog.relay.name) serves, as JSON: for each, its features (reasoning, caching, \
        tools, vision, json), how it reasons (the effort levels or thinking budget it takes) and the protocols it \
        accepts (native first), each with the recipes it has code for and in which languages. Call it first to \
        pick get_snippet's model, protocol, recipe and language. A model not listed here is served through \
        \(SnippetGenerator.fallbackProtocolID).
        """
    }
    let argumentNames: [String] = []
    var inputSchema: Value { Schema.object([]) }

    func call(_ arguments: ToolArguments) throws(ToolArgumentError) -> CommandOutput {
        CommandOutput(standardOutput: ModelList(generator: generator).json)
    }
}
