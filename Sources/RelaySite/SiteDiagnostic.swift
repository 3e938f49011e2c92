/// A problem found while building the site, with the place it was found.
public struct SiteDiagnostic: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The file, as the user would name it (for example `content/en/guide.md`).
    public var file: String
    /// The 1-based line, or 0 for the whole file.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)"
    }

    public static func < (lhs: SiteDiagnostic, rhs: SiteDiagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.message) < (rhs.file, rhs.line, rhs.message)
    }
}

/// A build that failed, with every problem found; the previous output is left as it was.
public struct SiteBuildError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [SiteDiagnostic]

    public init(_ diagnostics: [SiteDiagnostic]) { self.diagnostics = diagnostics.sorted() }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
