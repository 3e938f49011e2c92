import ArgumentParser
import Foundation
import RelayMarkdown

/// `relaydocs markdown`: one Markdown document to HTML, with the Markdown extensions.
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Print the HTML of one Markdown document (CommonMark with GFM tables, containers and alerts).",
        discussion:
            "Reads FILE, or standard input without it. Heading ids, snippet and catalog blocks and link rewriting belong to `relaydocs build`."
    )

    @Flag(help: "Let raw HTML and dangerous URLs through, as `cmark --unsafe` does.")
    var unsafe = false

    @Argument(help: "The Markdown file (default: standard input).")
    var file: String?

    func run() throws {
        let data: Data
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                printError("error: cannot read \(file)")
                throw ExitCode.failure
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let renderer = MarkdownRenderer(allowsRawHTML: unsafe)
        let parsed = renderer.parse(String(decoding: data, as: UTF8.self))
        for diagnostic in parsed.diagnostics {
            printError("\(file ?? "<stdin>"):\(diagnostic.line): warning: \(diagnostic.message)")
        }
        FileHandle.standardOutput.write(Data(parsed.tree.html(options: renderer.options).utf8))
    }
}
