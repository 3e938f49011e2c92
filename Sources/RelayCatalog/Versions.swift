import Foundation

/// A release version such as `1.66.0`: its numeric segments, compared with zero padding
/// (`1.66` == `1.66.0`), as PEP 440 compares final releases.
public struct ReleaseVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var segments: [Int]

    /// A final release (digits and dots only); nil for pre-releases, post-releases and anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        segments = parts.compactMap { Int($0) }
    }

    public static func < (lhs: ReleaseVersion, rhs: ReleaseVersion) -> Bool {
        for index in 0..<max(lhs.segments.count, rhs.segments.count) {
            let left = index < lhs.segments.count ? lhs.segments[index] : 0
            let right = index < rhs.segments.count ? rhs.segments[index] : 0
            if left != right { return left < right }
        }
        return false
    }

    public static func == (lhs: ReleaseVersion, rhs: ReleaseVersion) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    public func hash(into hasher: inout Hasher) {
        var trimmed = segments
        while trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }

    public var description: String { segments.map(String.init).joined(separator: ".") }
}

/// A version range as the catalog writes it for a Python SDK: comma-separated clauses such as
/// `>=1.66,<4` (`>=`, `>`, `<=`, `<`, `==`, `!=` with final releases).
public struct VersionRange: Sendable, CustomStringConvertible {
    /// One clause, such as `>=1.66`.
    public struct Clause: Sendable {
        public var operation: String
        public var version: ReleaseVersion

        func admits(_ candidate: ReleaseVersion) -> Bool {
            switch operation {
            case ">=": candidate >= version
            case ">": candidate > version
            case "<=": candidate <= version
            case "<": candidate < version
            case "==": candidate == version
            default: candidate != version  // "!="
            }
        }
    }

    public var text: String
    public var clauses: [Clause]

    /// Parses a range; the error says which clause is not understood.
    public init(_ text: String) throws(InvalidValue) {
        self.text = text
        var clauses: [Clause] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let operation = [">=", "<=", "==", "!=", ">", "<"].first(where: { part.hasPrefix($0) }),
                let version = ReleaseVersion(
                    String(part.dropFirst(operation.count)).trimmingCharacters(in: .whitespaces))
            else {
                throw InvalidValue(
                    "the version range \(text.debugDescription) has the clause \(part.debugDescription); expected clauses such as >=1.66 or <4, separated by commas"
                )
            }
            clauses.append(Clause(operation: operation, version: version))
        }
        guard clauses.contains(where: { [">=", ">", "=="].contains($0.operation) }) else {
            throw InvalidValue(
                "the version range \(text.debugDescription) has no lower end (>=, > or ==), so it has no lowest version to verify"
            )
        }
        self.clauses = clauses
    }

    /// Whether a release is in the range.
    public func admits(_ version: ReleaseVersion) -> Bool { clauses.allSatisfy { $0.admits(version) } }

    public var description: String { text }
}
