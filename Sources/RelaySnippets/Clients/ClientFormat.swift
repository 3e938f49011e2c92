/// The format of a file, command or field a client's set-up writes, which decides the escapers
/// its template may call and how `relaydocs verify` parses what it wrote.
public enum ClientFormat: String, Sendable, Equatable, CaseIterable, Codable {
    /// A JSON document, such as `~/.claude/settings.json`.
    case json
    /// A TOML document, such as `~/.codex/config.toml`.
    case toml
    /// A `.env` file of `NAME=value` lines.
    case dotenv
    /// Lines for a POSIX shell: `export NAME=value`, `pip install …`.
    case shell
    /// A Python program.
    case python
    /// Text a person types into an app's field.
    case text
    /// A URL, such as an app's deep link.
    case url

    /// The escapers templates of this format may call (see ``Escapers``).
    public var escaperNames: [String] {
        switch self {
        case .json: ["jsonString"]
        case .toml: ["toml", "tomlKey", "comment"]
        case .dotenv: ["dotenv", "comment"]
        case .shell: ["shell", "shellWord", "comment"]
        case .python: ["python", "comment"]
        case .text: ["text"]
        case .url: ["urlComponent", "base64"]
        }
    }

    /// The escapers by name.
    var escapers: [String: Escaper] {
        Dictionary(uniqueKeysWithValues: escaperNames.compactMap { name in Escapers.all[name].map { (name, $0) } })
    }

    /// The fence language of a code block that shows it.
    public var fence: String {
        switch self {
        case .json: "json"
        case .toml: "toml"
        case .dotenv: "dotenv"
        case .shell: "bash"
        case .python: "python"
        case .text, .url: "text"
        }
    }
}
