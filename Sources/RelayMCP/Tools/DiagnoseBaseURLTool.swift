import MCP
import RelaySnippets

/// `diagnose_base_url`: the doctor's answer, as `relaydocs doctor --format json` prints it.
struct DiagnoseBaseURLTool: RelayTool {
    let generator: SnippetGenerator

    let name = "diagnose_base_url"
    var description: String {
        """
        For a client (a coding agent, app, framework or SDK) and the base URL a user gave it: the request URL \
        the client will really send, whether \(generator.catalog.relay.name) serves it, and when not the base \
        URL to use instead and why. A JSON object {"client", "baseURL", "requestURL", "served", \
        "suggestedBaseURL", "reason"} (the last two null when served); an answer that is not served is still an \
        answer, not an error. Errors (an unknown client, a URL that is not one) are the relaydocs command line's.
        """
    }
    let argumentNames = ["client", "baseURL", "protocol", "model", "sdkVersion", "locale"]
    var inputSchema: Value {
        let rules = generator.templates.doctor
        let sdks = rules?.sdkIDs.filter { generator.catalog.sdk(id: $0) != nil } ?? []
        return Schema.object(
            [
                (
                    "client",
                    Schema.string(
                        "The client id or catalog SDK id.", choices: generator.clients.map(\.id) + sdks)
                ),
                ("baseURL", Schema.string("The base URL the user gave the client.")),
                (
                    "protocol",
                    Schema.string(
                        "The protocol; default: the one the base URL points at.",
                        choices: generator.catalog.protocols.map(\.id))
                ),
                ("model", Schema.string("The model; default: the catalog's first of the protocol.")),
                (
                    "sdkVersion",
                    Schema.string("The SDK's release, for SDK ids; default: the newest the catalog admits.")
                ),
                ("locale", Schema.string("The language of the reason.", choices: ["en", "zh"])),
            ], required: ["client", "baseURL"])
    }

    func call(_ arguments: ToolArguments) throws(ToolArgumentError) -> CommandOutput {
        var output = generator.doctorCommand(
            DoctorRequest(
                client: try arguments.requiredString("client"), baseURL: try arguments.requiredString("baseURL"),
                protocolID: try arguments.string("protocol"), model: try arguments.string("model"),
                sdkVersion: try arguments.string("sdkVersion"), locale: try arguments.string("locale") ?? "en"),
            json: true)
        // Not served is the command's exit status 1, but an answer: the JSON says "served": false.
        if !output.usageError { output.failed = false }
        return output
    }
}
