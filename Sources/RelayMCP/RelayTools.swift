import RelaySnippets

/// The tools of `relaydocs mcp`, in the order `tools/list` gives them.
///
/// Adding a tool is one entry here (and its file in `Tools/`). Tools whose capability has not
/// landed in relaydocs are not listed at all. `get_setup` is listed only when the templates have
/// clients, `diagnose_base_url` (`relaydocs doctor`) only when they have the doctor's join rules.
public enum RelayTools {
    /// Makes a tool from the catalog and templates the server started with.
    public typealias Maker = @Sendable (SnippetGenerator) -> any RelayTool

    public static let all: [Maker] = [
        { ListModelsTool(generator: $0) },
        { GetSnippetTool(generator: $0) },
        { DomainRulesTool(generator: $0) },
        { GetSetupTool(generator: $0) },
        { DiagnoseBaseURLTool(generator: $0) },
    ]
}
