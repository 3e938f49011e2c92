import RelayCatalog
import RelayYAML
import Yams

/// What a language's folder says about it (`templates/snippets/languages/<id>/language.yaml`):
/// how it is named and highlighted, which escapers its templates may call, and how
/// `relaydocs verify` builds and runs a snippet written in it.
///
/// ```yaml
/// name: Python
/// order: 1
/// fence: python
/// file: main.py
/// escapers: [python, comment]
/// run: ["{python}", "main.py"]
/// versions: [["{python}", "--version"]]
/// ```
public struct LanguageDefinition: Sendable, Equatable {
    /// The language's id: the name of its folder.
    public var id: Language
    /// How people write its name, such as `Python`.
    public var name: String
    /// Where its tab comes among the languages (lower first).
    public var order: Int
    /// The code fence's language, which also picks the syntax highlighter, such as `bash` for curl.
    public var fence: String
    /// The file a user saves the snippet as, which verify writes it to: `main.py`.
    public var file: String
    /// The escapers its templates may call, by name (see ``Escapers``).
    public var escaperNames: [String]
    /// Commands that turn the file into something runnable, in order (a compiler); may be empty.
    public var build: [[String]]
    /// The command that runs the snippet in its folder.
    public var run: [String]
    /// More environment variables for building and running, such as `GOCACHE`. `{folder}` is the
    /// snippet's folder, `{shared}` a folder verify keeps for the language through a run.
    public var environment: [String: String]
    /// Environment variables (over ``environment``) for one run of the language's first snippet
    /// before the others, whose result verify throws away: Java's writes the classes the JVM
    /// loaded into an archive in `{shared}` that every later run maps. Empty: no such run.
    public var prepare: [String: String]
    /// Commands whose first line of output names the versions a verification ran with.
    public var versions: [[String]]
    /// A command that prints the installed version of `{package}`, for the catalog's SDKs of this
    /// language that are packages (Python's); fails when the package is missing.
    public var packageVersion: [String]?
    /// What to do when a command or package is missing.
    public var install: String
    /// What a snippet in this language prints, as verify checks it.
    public var prints: Output
    /// Modules a warm Python interpreter imports once for every run (``run`` must then be
    /// `["{python}", file]`): verify forks each run from it instead of starting Python anew.
    public var preload: [String]
    /// Code the warm interpreter runs once after the imports, such as making a client of each SDK
    /// so the lazily loaded parts are loaded before any fork.
    public var warmup: String

    /// What a snippet prints on standard output.
    public enum Output: String, Sendable, Equatable, CaseIterable {
        /// The reply text (streams: as it arrives) and a newline: the SDK and URLSession snippets.
        case reply
        /// The response bodies as the relay sent them: curl.
        case response
    }

    /// The escapers by name, as templates of this language see them.
    public var escapers: [String: Escaper] {
        Dictionary(uniqueKeysWithValues: escaperNames.compactMap { name in Escapers.all[name].map { (name, $0) } })
    }

    /// Reads a `language.yaml`.
    ///
    /// - Parameters:
    ///   - id: the folder's name.
    ///   - path: the file, for diagnostics.
    /// - Throws: every problem, each with its line.
    public static func parse(_ text: String, id: Language, path: String) throws(YAMLFileError) -> LanguageDefinition {
        var reader = YAMLReader(path: path)
        let allowed = [
            "name", "order", "fence", "file", "escapers", "build", "run", "environment", "versions",
            "packageVersion", "install", "prints", "preload", "warmup", "prepare",
        ]
        guard
            let root = reader.compose(
                text, emptyMessage: "language.yaml is empty; expected \(allowed.joined(separator: ", "))"),
            var fields = reader.mapping(root, what: "a language", allowed: allowed)
        else { throw reader.error }
        let name = fields.string("name")
        let order = fields.int("order", in: 0...1000) ?? 100
        let fence = fields.identifier("fence")
        let file = fields.string("file")
        if let file, file.contains("/") || file.hasPrefix(".") {
            fields.report(
                "file \(file.debugDescription) must be a plain file name such as main.py", at: fields.node("file"))
        }
        let escaperNames = fields.stringList("escapers", required: true) ?? []
        for unknown in escaperNames where Escapers.all[unknown] == nil {
            fields.report(
                "unknown escaper \(unknown.debugDescription); relaydocs has \(Escapers.all.keys.sorted().joined(separator: ", "))",
                at: fields.node("escapers"))
        }
        let build = Self.commands(&fields, "build") ?? []
        let run = Self.command(&fields, "run", required: true)
        let environment = Self.variables(&fields, "environment")
        let prepare = Self.variables(&fields, "prepare")
        let versions = Self.commands(&fields, "versions") ?? []
        let packageVersion = Self.command(&fields, "packageVersion", required: false)
        let install = fields.string("install", required: false) ?? "install the \(name ?? id.rawValue) toolchain"
        let preload = fields.stringList("preload") ?? []
        let warmup = fields.string("warmup", required: false) ?? ""
        if !preload.isEmpty, let run, let file, run != ["{python}", file] {
            fields.report(
                "preload needs run to be [\"{python}\", \"\(file)\"]: verify forks Python runs from a warm interpreter",
                at: fields.node("preload"))
        }
        var prints = Output.reply
        if let text = fields.string("prints", required: false) {
            if let output = Output(rawValue: text) {
                prints = output
            } else {
                fields.report(
                    "prints \(text.debugDescription) is not reply or response", at: fields.node("prints"))
            }
        }
        reader.collect(fields)
        guard let name, let fence, let file, let run, reader.diagnostics.isEmpty else { throw reader.error }
        return LanguageDefinition(
            id: id, name: name, order: order, fence: fence, file: file, escaperNames: escaperNames, build: build,
            run: run, environment: environment, prepare: prepare, versions: versions, packageVersion: packageVersion,
            install: install, prints: prints, preload: preload, warmup: warmup)
    }

    /// Environment variables: a mapping of names to texts (the last of a repeated name wins).
    static func variables(_ fields: inout YAMLFields, _ key: String) -> [String: String] {
        Dictionary((fields.stringMap(key) ?? []).map { ($0.key, $0.value) }) { $1 }
    }

    /// One command: a non-empty list of words.
    static func command(_ fields: inout YAMLFields, _ key: String, required: Bool) -> [String]? {
        guard let words = fields.stringList(key, required: required) else { return nil }
        guard !words.isEmpty else {
            fields.report("\(key) must name a program, such as [\"python3\", \"main.py\"]", at: fields.node(key))
            return nil
        }
        return words
    }

    /// A list of commands: `[[…], […]]`.
    static func commands(_ fields: inout YAMLFields, _ key: String) -> [[String]]? {
        guard let node = fields.node(key) else { return nil }
        guard node.sequence != nil else {
            fields.report("\(key) must be a list of commands, such as [[\"swiftc\", \"main.swift\"]]", at: node)
            return nil
        }
        var commands: [[String]] = []
        for item in node.array() {
            let words = item.array().compactMap { $0.scalar != nil ? $0.string : nil }
            guard item.sequence != nil, !words.isEmpty, words.count == item.array().count else {
                fields.report("each command of \(key) must be a non-empty list of words", at: item)
                return nil
            }
            commands.append(words)
        }
        return commands
    }
}
