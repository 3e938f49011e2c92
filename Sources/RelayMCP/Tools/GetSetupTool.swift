import MCP
import RelaySnippets

/// `get_setup`: a client's set-up, as `relaydocs setup --client … --format json` prints it.
struct GetSetupTool: RelayTool {
    let generator: SnippetGenerator

    let name = "get_setup"
    var description: String {
        """
        How to point a coding agent, chat app, framework or SDK at \(generator.catalog.relay.name): a JSON object \
        with the files to write (path, format, content), the shell lines to run, the fields to type into an \
        app, and the requests the client then makes. Each set-up is checked against a stand-in relay before it \
        ships. Pass the user's key to have it written in (it is not kept or logged), or leave it out for the \
        placeholder key. Errors (an unknown client, a model the client cannot use) are the relaydocs command \
        line's and say what is possible instead.
        """
    }
    let argumentNames = ["client", "model", "key"]
    var inputSchema: Value {
        Schema.object(
            [
                ("client", Schema.string("The client to set up.", choices: generator.clients.map(\.id))),
                (
                    "model",
                    Schema.string(
                        "The model (list_models lists them); default: the first the client speaks natively.")
                ),
                (
                    "key",
                    Schema.string(
                        "The user's API key to write into the set-up (visible ASCII); the placeholder key without it.")
                ),
            ], required: ["client"])
    }

    func call(_ arguments: ToolArguments) throws(ToolArgumentError) -> CommandOutput {
        generator.setupCommand(
            client: try arguments.requiredString("client"), model: try arguments.string("model"),
            key: try arguments.string("key"), json: true)
    }
}
