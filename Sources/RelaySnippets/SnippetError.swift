import RelayCatalog

/// Why a snippet could not be made. Each case's description says what was wrong and what is allowed.
public enum SnippetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A key, origin or prompt that cannot be used.
    case invalidValue(InvalidValue)
    /// A protocol that the catalog does not have.
    case unknownProtocol(String, known: [String])
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
    /// A template that does not parse.
    case invalidTemplate(path: String, line: Int, column: Int, message: String)
    /// A template that writes a value without escaping it for its language.
    case unsafeTemplate(path: String, message: String)

    public var description: String {
        switch self {
        case .invalidValue(let error):
            return error.message
        case .unknownProtocol(let id, let known):
            return "unknown protocol \(id.debugDescription); expected one of \(known.joined(separator: ", "))"
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
                "\(path): no such template; every protocol needs snippets/<language>/<protocol>.mustache for python, curl and swift"
        case .invalidTemplate(let path, let line, let column, let message):
            return line > 0 ? "\(path):\(line):\(column): error: \(message)" : "\(path): error: \(message)"
        case .unsafeTemplate(let path, let message):
            return "\(path): error: \(message); write values through the language's escapers, such as {{python(key)}}"
        }
    }
}
