import ArgumentParser
import RelayCatalog
import RelaySnippets

/// `relaydocs doctor`: the request URL a client sends with a base URL, and the fix when the
/// relay does not serve it.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Print the request URL a client sends with a base URL, whether the relay serves it, and the fix.",
        discussion: """
            ID is a client id (relaydocs clients) or an SDK id of the catalog (openai, anthropic, \
            google-genai). The rules come from templates/doctor/sdks.yaml and each client's join.yaml. \
            The relay is taken to be at the base URL's scheme and host. Without --protocol, the \
            protocol whose relay path the base URL starts with, else the client's first; without \
            --model, the catalog's first model of that protocol; without --sdk-version, the newest \
            part of the catalog's range. --format json prints {"client", "baseURL", "requestURL", \
            "served", "suggestedBaseURL", "reason"} (the last two null when served). Exit status 0 \
            when the relay serves the request, 1 when it does not, 64 for bad input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Option(
        help: ArgumentHelp(
            "The client, such as claude-code, or an SDK id of the catalog, such as openai.", valueName: "id"))
    var client: String

    @Option(
        name: .customLong("base-url"), help: ArgumentHelp("The base URL the user gave the client.", valueName: "url"))
    var baseURL: String

    @Option(name: .customLong("protocol"), help: "The protocol (default: the one the base URL points at).")
    var protocolID: String?

    @Option(help: "The model (default: the catalog's first of the protocol).")
    var model: String?

    @Option(
        name: .customLong("sdk-version"),
        help: "The SDK's release, for SDK ids (default: the newest the catalog admits).")
    var sdkVersion: String?

    @Option(help: "The language of the reason: en or zh.")
    var locale: String = "en"

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var sources: SourceOptions

    func validate() throws {
        guard ["en", "zh"].contains(locale) else { throw ValidationError("--locale: expected en or zh") }
    }

    func run() throws {
        try reportingFailures {
            let generator = try sources.load()
            try write(
                generator.doctorCommand(
                    DoctorRequest(
                        client: client, baseURL: baseURL, protocolID: protocolID, model: model, sdkVersion: sdkVersion,
                        locale: locale), json: format == .json))
        }
    }
}
