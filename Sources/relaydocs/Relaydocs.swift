import ArgumentParser

/// The `relaydocs` command.
@main
struct Relaydocs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relaydocs",
        abstract: "Quick-start code and docs for an LLM API relay, made from one catalog.",
        subcommands: [
            InitCommand.self, SnippetCommand.self, SnippetsCommand.self, RecipesCommand.self, ModelsCommand.self,
            ClientsCommand.self, SetupCommand.self,
            DomainsCommand.self, CatalogCommand.self, VerifyCommand.self,
            StandInCommand.self,
            MarkdownCommand.self,
            BuildCommand.self, ServeCommand.self, MCPCommand.self, BenchmarkCommand.self,
        ]
    )
}
