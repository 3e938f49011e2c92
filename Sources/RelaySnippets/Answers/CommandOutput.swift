import RelayCatalog

/// What a `relaydocs` command prints: its standard output and standard error, byte for byte, and
/// whether it failed (exit status 1).
///
/// The command line writes it; `relaydocs mcp` answers a tool call with the same text, so an agent
/// gets exactly what a person at a terminal gets for the same input.
public struct CommandOutput: Sendable, Equatable {
    /// Standard output, such as the snippet's code.
    public var standardOutput: String
    /// Standard error: notes (an unlisted model) and error lines (`error: …`), each ending in a newline.
    public var standardError: String
    /// Whether the command failed.
    public var failed: Bool
    /// Whether the failure is a usage error (exit status 64), such as an unknown client.
    public var usageError = false

    /// Creates an output.
    public init(standardOutput: String = "", standardError: String = "", failed: Bool = false) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.failed = failed
    }

    /// A failure: the lines the command prints before it exits with status 1.
    public static func failure(_ error: SnippetError, after standardError: String = "") -> CommandOutput {
        CommandOutput(standardError: standardError + error.commandLineText + "\n", failed: true)
    }
}

extension SnippetError {
    /// The error as `relaydocs` prints it on standard error: `error: …`, or as it is when its
    /// lines already name their file (`path:line:column: error: …`).
    public var commandLineText: String {
        let text = description
        return text.contains(": error: ") ? text : "error: \(text)"
    }
}
