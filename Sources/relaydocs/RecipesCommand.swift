import ArgumentParser
import RelayCatalog
import RelaySnippets

/// `relaydocs recipes`: each recipe id with one line of description.
struct RecipesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipes",
        abstract: "List the recipes: what snippets can show, such as a first request or a tool call round trip."
    )

    @Option(help: "The locale of the descriptions: zh or en.")
    var locale = "en"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder laid out like templates/ (with snippets/) to use instead of the built-in templates.",
            valueName: "dir"))
    var templates: String?

    func run() throws {
        try reportingFailures {
            let recipes = try loadTemplateSet(folder: templates).snippets.recipes
            let width = recipes.map(\.id.count).max() ?? 0
            for recipe in recipes {
                print(
                    recipe.id + String(repeating: " ", count: width - recipe.id.count + 2)
                        + recipe.summary.text(for: locale))
            }
        }
    }
}
