import Yams

/// Where libyaml found a syntax error in a YAML text and what it says, for diagnostics of the
/// catalog, the template definitions, `site.yaml` and front matter alike.
public struct YAMLProblem: Sendable, Equatable {
    /// 1-based; 0 when the error has no position.
    public var line: Int
    public var column: Int
    /// libyaml's words, such as "did not find expected key while parsing a block mapping".
    public var message: String

    /// The position and words of a Yams error (any other error: its description, no position).
    public init(_ error: any Error) {
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            line = mark.line
            column = mark.column
            message = context.map { "\(problem) \($0.text)" } ?? problem
        default:
            line = 0
            column = 0
            message = "\(error)"
        }
    }
}
