import RelayCatalog
import RelayYAML

/// Why a snippet could not be made. Each case's description says what was wrong and what is allowed.
public enum SnippetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A key, origin or prompt that cannot be used.
    case invalidValue(InvalidValue)
    /// A protocol that the catalog does not have.
    case unknownProtocol(String, known: [String])
    /// A language the templates do not have.
    case unknownLanguage(String, known: [String])
    /// A recipe the templates do not have.
    case unknownRecipe(String, known: [String])
    /// A recipe the model, protocol or language cannot do, with why and what it can do instead.
    case recipeNotAvailable(recipe: String, model: String, protocolID: String, reason: String, available: [String])
    /// A protocol the model does not accept.
    case protocolNotAccepted(model: String, protocolID: String, accepted: [String])
    /// An option that needs another protocol, such as `--thinking` outside Anthropic Messages.
    case optionNeedsProtocol(option: String, protocolID: String, required: String)
    /// A thinking budget outside what the API accepts.
    case invalidThinkingBudget(Int, reason: String)
    /// The templates folder has no `snippets/` folder.
    case templatesNotFound(folder: String)
    /// No template for a language and protocol.
    case missingTemplate(path: String)
    /// `language.yaml` or `recipe.yaml` files with problems, each with its line.
    case invalidDefinitions([YAMLDiagnostic])
    /// The catalog and the templates do not fit together, such as a language without templates.
    case catalogMismatch([String])
    /// A template that does not parse.
    case invalidTemplate(path: String, line: Int, column: Int, message: String)
    /// A template that writes a value without escaping it for its language.
    case unsafeTemplate(path: String, message: String)
    /// A client the templates do not have.
    case unknownClient(String, known: [String])
    /// A model served through none of the protocols a client speaks.
    case clientCannotUse(client: String, model: String, spoken: [String], served: [String], fitting: [String])

    public var description: String {
        switch self {
        case .invalidValue(let error):
            return error.message
        case .unknownProtocol(let id, let known):
            return "unknown protocol \(id.debugDescription); expected one of \(known.joined(separator: ", "))"
        case .unknownLanguage(let id, let known):
            return "unknown language \(id.debugDescription); expected one of \(known.joined(separator: ", "))"
        case .unknownRecipe(let id, let known):
            return
                "unknown recipe \(id.debugDescription); expected one of \(known.joined(separator: ", ")) (relaydocs recipes lists them)"
        case .recipeNotAvailable(let recipe, let model, let protocolID, let reason, let available):
            return
                "the \(recipe) recipe is not available for \(model) through \(protocolID): \(reason); it can do \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        case .invalidDefinitions(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .catalogMismatch(let problems):
            return problems.joined(separator: "\n")
        case .protocolNotAccepted(let model, let id, let accepted):
            return "model \(model) does not accept protocol \(id); it accepts \(accepted.joined(separator: ", "))"
        case .optionNeedsProtocol(let option, let id, let required):
            return "\(option) needs the \(required) protocol, but the snippet uses \(id); add --protocol \(required)"
        case .invalidThinkingBudget(let budget, let reason):
            return "invalid thinking budget \(budget): \(reason)"
        case .templatesNotFound(let folder):
            return
                "\(folder) has no snippets/ folder; expected a folder laid out like templates/, with snippets/<language>/<protocol>.mustache"
        case .missingTemplate(let path):
            return
                "\(path): no such template; every protocol needs snippets/recipes/hello/<language>/<protocol>.mustache in every language"
        case .invalidTemplate(let path, let line, let column, let message):
            return line > 0 ? "\(path):\(line):\(column): error: \(message)" : "\(path): error: \(message)"
        case .unknownClient(let id, let known):
            guard !known.isEmpty else {
                return
                    "unknown client \(id.debugDescription): these templates have no clients (templates/clients/<client>/client.yaml)"
            }
            return
                "unknown client \(id.debugDescription); expected one of \(known.joined(separator: ", ")) (relaydocs clients lists them)"
        case .clientCannotUse(let client, let model, let spoken, let served, let fitting):
            return
                "\(client) speaks \(spoken.joined(separator: ", ")), but \(model) is served through \(served.joined(separator: ", ")); models it can use: \(fitting.isEmpty ? "none" : fitting.joined(separator: ", "))"
        case .unsafeTemplate(let path, let message):
            return "\(path): error: \(message); write values through the language's escapers, such as {{python(key)}}"
        }
    }
}
