/// Why a template does not parse, and where.
///
/// ``TemplateLibrary/register(_:named:escaping:)`` throws the first error of a template. The
/// position is that of the tag at fault (its opening delimiter), or for a section that is never
/// closed, that of its opening tag.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name the template was registered under.
    public var template: String
    /// The line of the tag at fault, from 1.
    public var line: Int
    /// The column of the tag at fault, from 1, in characters.
    public var column: Int
    /// What is wrong, e.g. "section 'page' is not closed" or "expected '}}'".
    public var message: String

    /// Creates an error for a template position.
    public init(template: String, line: Int, column: Int, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    /// `template:line:column: message`, as compilers write it.
    public var description: String {
        "\(template):\(line):\(column): \(message)"
    }
}
