import ArgumentParser
import RelayCatalog
import RelaySnippets

/// `relaydocs clients`: the agents, apps, frameworks and SDKs `relaydocs setup` sets up.
struct ClientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients",
        abstract: "Print each client relaydocs setup knows: its id, its kind and the protocols it speaks.",
        discussion: """
            Clients are folders of templates/clients/ (client.yaml and the templates of the files \
            each writes); a new client is a new folder.
            """
    )

    @OptionGroup var sources: SourceOptions

    func run() throws {
        try reportingFailures {
            let generator = try sources.load()
            print(
                CatalogTables.table(
                    header: ["client", "kind", "protocols"],
                    rows: generator.clients.map { [$0.id, $0.kind.rawValue, $0.protocolIDs.joined(separator: ", ")] }),
                terminator: "")
        }
    }
}
