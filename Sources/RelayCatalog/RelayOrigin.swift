import Foundation

/// Where a relay is served: an `http` or `https` URL with a host and at most a path prefix,
/// without a trailing slash, such as `https://api.openai-proxy.org`.
public struct RelayOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The origin as it appears at the start of every relay base URL.
    public let text: String

    /// Validates an origin.
    ///
    /// - Throws: ``InvalidValue`` saying what is wrong and what is expected.
    public init(_ text: String) throws(InvalidValue) {
        let expected = "an http or https URL such as https://api.example.com, with an optional path and no query"
        guard !text.isEmpty else { throw InvalidValue("the origin is empty; expected \(expected)") }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw InvalidValue(
                "the origin \(text.debugDescription) has spaces, control or non-ASCII characters; expected \(expected)")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { throw InvalidValue("the origin \(text.debugDescription) is not a URL; expected \(expected)") }
        guard let host = components.host, !host.isEmpty else {
            throw InvalidValue("the origin \(text.debugDescription) has no host; expected \(expected)")
        }
        guard components.query == nil, components.fragment == nil, components.user == nil,
            components.password == nil
        else {
            throw InvalidValue(
                "the origin \(text.debugDescription) has a query, fragment or user; expected \(expected)")
        }
        let afterScheme = text.drop { $0 != ":" }.dropFirst(3)
        guard afterScheme.unicodeScalars.allSatisfy({ Self.allowed.contains($0) }) else {
            throw InvalidValue(
                "the origin \(text.debugDescription) has characters other than letters, digits and - . _ ~ / % : @ after the scheme; expected \(expected)"
            )
        }
        var normalized = text
        while normalized.hasSuffix("/") { normalized.removeLast() }
        self.text = normalized
    }

    public var description: String { text }

    private static let allowed = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/%:@".unicodeScalars)
}

/// An API key as it goes into an HTTP header: one or more visible ASCII characters (0x21–0x7E).
///
/// Nothing else can travel in a header, so a key with a space, tab, newline or non-ASCII
/// character is refused before any code is written with it.
public struct APIKey: Sendable, Hashable, CustomStringConvertible {
    /// The key itself.
    public let value: String

    /// Validates a key.
    ///
    /// - Throws: ``InvalidValue`` naming the first character that cannot be in a key.
    public init(_ value: String) throws(InvalidValue) {
        guard !value.isEmpty else { throw InvalidValue("the API key is empty; expected visible ASCII characters") }
        for (offset, scalar) in value.unicodeScalars.enumerated() where !(0x21...0x7E).contains(scalar.value) {
            let name =
                switch scalar {
                case " ": "a space"
                case "\t": "a tab"
                case "\n": "a newline"
                case "\r": "a carriage return"
                default: String(format: "U+%04X", scalar.value)
                }
            throw InvalidValue(
                "the API key has \(name) at character \(offset + 1); a key must be visible ASCII (0x21-0x7E), since no HTTP header can carry anything else"
            )
        }
        self.value = value
    }

    /// The key with all but its first three and last two characters masked, for messages and logs.
    public var masked: String { Self.mask(value) }

    /// Any secret with all but its first three and last two characters masked (all of it when
    /// it is eight characters or shorter).
    public static func mask(_ secret: String) -> String {
        let characters = Array(secret)
        guard characters.count > 8 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 5)
            + String(characters.suffix(2))
    }

    /// The masked key: a key printed by accident shows no secret.
    public var description: String { masked }
}

/// A value that was refused, with a message saying what is wrong and what is expected.
public struct InvalidValue: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Percent-encoding of one URL path segment.
public enum PathSegment {
    /// Encodes every byte but the unreserved characters of RFC 3986 (`A-Z a-z 0-9 - . _ ~`) and
    /// `@` (which a segment may hold as it is, and Vertex model ids such as
    /// `claude-sonnet-4@20250514` do), so the result can never add a segment, a query or a fragment.
    /// A segment that is all dots (`.` or `..`) has them encoded too, so it cannot move up the path.
    public static func encode(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0 == "." }) {
            return String(repeating: "%2E", count: text.count)
        }
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "@"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}
