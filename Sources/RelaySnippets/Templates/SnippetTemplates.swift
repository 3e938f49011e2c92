import Foundation
import RelayCatalog
import RelayTemplates
import RelayYAML

/// The snippet templates and what they are written for, read from a folder laid out like the
/// project's `templates/snippets/`:
///
/// - `languages/<language>/language.yaml` describes a language (``LanguageDefinition``); the
///   `.mustache` files beside it are partials its templates share, such as a client set-up.
/// - `recipes/<recipe>/recipe.yaml` describes a recipe (``Recipe``); beside it, one template per
///   language and protocol: `recipes/<recipe>/<language>/<protocol>.mustache`.
///
/// - `clients/<client>/client.yaml` describes a client (``ClientDefinition``): a coding agent,
///   app, framework or SDK set up to use the relay; beside it, the templates of the files it
///   writes (`<name>.mustache`) and what `relaydocs verify` needs to run it.
///
/// Templates are plain text: no HTML escaping happens, and every user value must pass through
/// an escaper of the template's language (see ``LanguageDefinition/escapers``) or of the
/// format of the client's file (see ``ClientFormat/escaperNames``).
public struct SnippetTemplates: Sendable {
    /// Where the templates came from, for messages: a folder, or "built-in templates".
    public let origin: String
    /// Changes whenever any template's text does (within one process).
    public let fingerprint: Int
    /// The languages, in tab order.
    public let languages: [LanguageDefinition]
    /// The recipes, in their order.
    public let recipes: [Recipe]
    /// The clients, in their order.
    public let clients: [ClientDefinition]
    /// The files of each client's folder that are not templates (replay scripts,
    /// `requirements.txt`), by client id and file name.
    public let clientFiles: [String: [String: String]]
    private let library: TemplateLibrary
    let clientLibrary: TemplateLibrary

    /// Parses templates given as text, keyed by their path below the templates folder
    /// (such as `snippets/recipes/hello/python/openai-chat.mustache`). Files outside `snippets/`
    /// are ignored.
    ///
    /// - Throws: ``SnippetError/invalidTemplate(path:line:column:message:)`` for the first
    ///   template that does not parse, ``SnippetError/invalidDefinitions(_:)`` for every problem
    ///   of the `language.yaml` and `recipe.yaml` files.
    public init(files: [String: String], origin: String) throws(SnippetError) {
        var hasher = Hasher()
        for (path, text) in files.sorted(by: { $0.key < $1.key })
        where path.hasPrefix("snippets/") || path.hasPrefix("clients/") {
            hasher.combine(path)
            hasher.combine(text)
        }
        // Snippets are code, not HTML: no HTML escaping; values pass the language's escapers.
        let (library, problems) = TemplateLibrary.folder("snippets", of: files, escaping: .none)
        if let problem = problems.first {
            throw .invalidTemplate(
                path: "\(origin)/\(problem.template)", line: problem.line, column: problem.column,
                message: problem.message)
        }
        var languages: [LanguageDefinition] = []
        var recipes: [Recipe] = []
        var diagnostics: [YAMLDiagnostic] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 4, parts[0] == "snippets" else { continue }
            do throws(YAMLFileError) {
                switch (parts[1], parts[3]) {
                case ("languages", "language.yaml"):
                    languages.append(
                        try LanguageDefinition.parse(
                            text, id: Language(rawValue: parts[2]), path: "\(origin)/\(path)"))
                case ("recipes", "recipe.yaml"):
                    recipes.append(try Recipe.parse(text, id: parts[2], path: "\(origin)/\(path)"))
                default: continue
                }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        // Clients: client.yaml, the templates beside it and the files verify needs.
        let clientFolder = TemplateLibrary.folder("clients", of: files, escaping: .none)
        var clientLibrary = clientFolder.library
        let clientProblems = clientFolder.problems
        if let problem = clientProblems.first {
            throw .invalidTemplate(
                path: "\(origin)/\(problem.template)", line: problem.line, column: problem.column,
                message: problem.message)
        }
        var clients: [ClientDefinition] = []
        var clientFiles: [String: [String: String]] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 3, parts[0] == "clients" else { continue }
            guard parts[2] == "client.yaml" else {
                if !parts[2].hasSuffix(".mustache") { clientFiles[parts[1], default: [:]][parts[2]] = text }
                continue
            }
            let id = parts[1]
            do throws(YAMLFileError) {
                let (definition, inline) = try ClientDefinition.parse(
                    text, id: id, path: "\(origin)/\(path)",
                    templateExists: { clientLibrary.contains(ClientDefinition.templateName(client: id, $0)) })
                for template in inline {
                    do {
                        try clientLibrary.register(template.text, named: template.name, escaping: .none)
                    } catch {
                        diagnostics.append(
                            YAMLDiagnostic(
                                path: "\(origin)/\(path)", line: template.line, column: 0,
                                message:
                                    "the template \(template.text.debugDescription) does not parse: \(error.message)"))
                    }
                }
                clients.append(definition)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw .invalidDefinitions(diagnostics) }
        self.clients = clients.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        self.clientFiles = clientFiles
        self.clientLibrary = clientLibrary
        self.origin = origin
        self.library = library
        self.languages = languages.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        self.recipes = recipes.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        self.fingerprint = hasher.finalize()
    }

    /// The definition of a language, if the templates have it.
    public func language(_ id: Language) -> LanguageDefinition? { languages.first { $0.id == id } }

    /// A client by id, if the templates have it.
    public func client(id: String) -> ClientDefinition? { clients.first { $0.id == id } }

    /// Renders a client's template with a context and checks that every value went through a
    /// final escaper.
    func renderClient(_ name: String, context: TemplateValue) throws(SnippetError) -> String {
        guard let output = clientLibrary.render(name, context) else {
            throw .missingTemplate(path: "\(origin)/clients/\(name).mustache")
        }
        if let mistake = TemplateMarker.firstError(in: output) {
            throw .unsafeTemplate(path: "\(origin)/clients/\(name)", message: mistake)
        }
        return output
    }

    /// A recipe by id, if the templates have it.
    public func recipe(id: String) -> Recipe? { recipes.first { $0.id == id } }

    /// The name of the template of a recipe, language and protocol.
    static func templateName(recipe: String, language: Language, protocolID: String) -> String {
        "recipes/\(recipe)/\(language.rawValue)/\(protocolID)"
    }

    /// The path of that template below the templates folder, for messages.
    public func templatePath(recipe: String, language: Language, protocolID: String) -> String {
        "\(origin)/snippets/\(Self.templateName(recipe: recipe, language: language, protocolID: protocolID)).mustache"
    }

    /// Reads the snippet templates of a folder laid out like the project's `templates/`.
    public init(folder: String) throws(SnippetError) {
        try self.init(files: try Self.readFolder(folder), origin: folder)
    }

    /// Every file below a folder laid out like `templates/` (it must hold `snippets/`), keyed by
    /// its path below the folder, as ``init(files:origin:)`` and the site builder take them.
    public static func readFolder(_ folder: String) throws(SnippetError) -> [String: String] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var isFolder: ObjCBool = false
        guard
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent("snippets").path, isDirectory: &isFolder),
            isFolder.boolValue
        else { throw .templatesNotFound(folder: folder) }
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            do {
                files[relative] = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw .invalidTemplate(
                    path: url.path, line: 0, column: 0, message: "cannot read: \(error.localizedDescription)")
            }
        }
        return files
    }

    /// Whether a template exists for a recipe, language and protocol.
    public func hasTemplate(recipe: String, language: Language, protocolID: String) -> Bool {
        library.contains(Self.templateName(recipe: recipe, language: language, protocolID: protocolID))
    }

    /// Renders the template of a recipe, language and protocol with a context and checks that
    /// every value went through a final escaper.
    func render(recipe: String, language: Language, protocolID: String, context: TemplateValue) throws(SnippetError)
        -> String
    {
        let name = Self.templateName(recipe: recipe, language: language, protocolID: protocolID)
        guard let output = library.render(name, context) else {
            throw .missingTemplate(path: "\(origin)/snippets/\(name).mustache")
        }
        if let mistake = TemplateMarker.firstError(in: output) {
            throw .unsafeTemplate(path: "\(origin)/snippets/\(name).mustache", message: mistake)
        }
        return output
    }
}
