import MCP
import RelayCatalog
import RelaySnippets

/// `domain_rules`: each provider's original base URL and the relay's that replaces it; `relaydocs domains`.
struct DomainRulesTool: RelayTool {
    let generator: SnippetGenerator

    let name = "domain_rules"
    var description: String {
        """
        The domain rules of \(generator.catalog.relay.name) as a plain-text table: each provider's original \
        base URL (what SDKs and tools use by default) and the relay base URL that replaces it, with the path \
        suffix that must not be dropped (/v1 for OpenAI, /anthropic, /google). Use it to configure any tool or \
        SDK get_snippet has no code for.
        """
    }
    let argumentNames = ["locale"]
    var inputSchema: Value {
        Schema.object([
            (
                "locale",
                Schema.string(
                    "The language of the notes column.",
                    choices: CatalogTables(catalog: generator.catalog, locale: "en").noteLocales, default: "en")
            )
        ])
    }

    func call(_ arguments: ToolArguments) throws(ToolArgumentError) -> CommandOutput {
        let locale = try arguments.string("locale") ?? "en"
        return CommandOutput(standardOutput: CatalogTables(catalog: generator.catalog, locale: locale).domains)
    }
}
