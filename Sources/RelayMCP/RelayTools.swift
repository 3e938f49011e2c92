import RelaySnippets

/// The tools of `relaydocs mcp`, in the order `tools/list` gives them.
///
/// Adding a tool is one entry here (and its file in `Tools/`). Tools whose capability has not
/// landed in relaydocs are not listed at all: `diagnose_base_url` (the doctor's answer about a
/// base URL) becomes one entry when its command does. `get_setup` is listed only when the
/// templates have clients.
public enum RelayTools {
    /// Makes a tool from the catalog and templates the server started with.
    public typealias Maker = @Sendable (SnippetGenerator) -> any RelayTool

    public static let all: [Maker] = [
        { ListModelsTool(generator: $0) },
        { GetSnippetTool(generator: $0) },
        { DomainRulesTool(generator: $0) },
        { GetSetupTool(generator: $0) },
    ]
}
