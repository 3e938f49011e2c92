import Foundation
import RelayCatalog
import RelaySnippets

/// ```` ```client ID PART ```` blocks: a client's set-up written from `templates/clients/ID/`
/// (with the catalog's placeholder key), so an integration page cannot drift from what
/// `relaydocs setup` prints and `relaydocs verify` checks. `PART` is `summary` (what the client
/// is and which protocol it speaks), `setup` (the files, commands and fields), `requests` (what
/// the client then sends) or `pitfalls` (the mistakes people make, and how they show).
enum ClientBlocks {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static let parts = ["summary", "setup", "requests", "pitfalls"]

    /// The HTML and the twin's Markdown of one block.
    static func render(_ arguments: [String], generator: SnippetGenerator, strings: SiteStrings) throws -> (
        html: String, markdown: String
    ) {
        guard arguments.count == 2, let client = generator.templates.client(id: arguments[0]),
            parts.contains(arguments[1])
        else {
            throw Problem(
                description:
                    "expected `client ID PART` with ID one of \(generator.clients.map(\.id).joined(separator: ", ")) and PART one of \(parts.joined(separator: ", ")), not `\((["client"] + arguments).joined(separator: " "))`"
            )
        }
        let setup: Setup
        do {
            setup = try generator.setup(for: SetupRequest(client: client.id))
        } catch {
            throw Problem(description: "\(client.id): \(error)")
        }
        var html = ""
        var markdown = ""
        switch arguments[1] {
        case "summary":
            let summary = client.summary.text(for: strings.locale)
            let facts =
                "\(strings["client.kind", "Kind"]): \(strings["client.\(client.kind.rawValue)", client.kind.rawValue]) · "
                + "\(strings["client.protocol", "Protocol"]): "
            html = "<p>\(summary.htmlEscaped)</p>\n<p>\(facts.htmlEscaped)<code>\(setup.protocol.htmlEscaped)</code>"
            markdown = "\(summary)\n\n\(facts)`\(setup.protocol)`"
            if let homepage = client.homepage {
                let label = strings["client.homepage", "Its documentation"]
                html += " · <a href=\"\(homepage.htmlEscaped)\">\(label.htmlEscaped)</a>"
                markdown += " · [\(label)](\(homepage))"
            }
            html += "</p>\n"
            markdown += "\n"
        case "setup":
            for file in setup.files {
                let fence = ClientFormat(rawValue: file.language)?.fence ?? "text"
                html +=
                    "<p><code>\(file.path.htmlEscaped)</code></p>\n"
                    + CodeBlocks.html(code: file.content, language: fence)
                markdown += TwinMarkdown.code(file.content, language: fence, label: file.path) + "\n"
            }
            if !setup.commands.isEmpty {
                let label = strings["client.run", "Run"]
                let commands = setup.commands.joined(separator: "\n") + "\n"
                html += "<p>\(label.htmlEscaped)</p>\n" + CodeBlocks.html(code: commands, language: "bash")
                markdown += TwinMarkdown.code(commands, language: "bash", label: label) + "\n"
            }
            if !setup.settings.isEmpty {
                let header = [strings["client.field", "Field"], strings["client.value", "Value"]]
                html += CatalogBlocks.html(
                    header: header, rows: setup.settings.map { [.text($0.name), .code([$0.value])] })
                markdown +=
                    CatalogBlocks.markdown(
                        header: header, rows: setup.settings.map { [.text($0.name), .code([$0.value])] }) + "\n"
            }
            let note = strings[
                "client.keyNote", "Shown with the placeholder key: put yours in its place."
            ].replacingOccurrences(of: "{client}", with: client.id)
            html += "<p>\(note.htmlEscaped)</p>\n"
            markdown += note + "\n"
        case "requests":
            let lines = setup.requests.map { "\($0.method) \($0.url)" }
            html =
                "<ul>\n" + lines.map { "<li><code>\(CatalogBlocks.breakable($0))</code></li>\n" }.joined() + "</ul>\n"
            markdown = lines.map { "- `\($0)`\n" }.joined()
        default:
            let items = client.pitfalls.map { $0.text(for: strings.locale) }
            html = "<ul>\n" + items.map { "<li>\($0.htmlEscaped)</li>\n" }.joined() + "</ul>\n"
            markdown = items.map { "- \($0)\n" }.joined()
        }
        return (html, markdown)
    }
}
