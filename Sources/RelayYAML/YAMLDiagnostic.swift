/// One problem found in a YAML file, with the place it was found.
public struct YAMLDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var path: String
    /// The 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// The 1-based column, or 0 when unknown.
    public var column: Int
    /// What is wrong and what was expected.
    public var message: String

    /// Creates a diagnostic.
    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: error: message`, the form editors and terminals link to.
    public var description: String {
        switch (line, column) {
        case (0, _): "\(path): error: \(message)"
        case (_, 0): "\(path):\(line): error: \(message)"
        default: "\(path):\(line):\(column): error: \(message)"
        }
    }
}

/// A YAML file that could not be read, with every problem found in it.
public struct YAMLFileError: Error, Sendable, CustomStringConvertible {
    /// All problems, in the order of the file.
    public var diagnostics: [YAMLDiagnostic]

    /// Creates the error.
    public init(diagnostics: [YAMLDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
