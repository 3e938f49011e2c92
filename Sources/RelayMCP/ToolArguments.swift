import MCP
import RelaySnippets

/// The arguments of one tool call, read with the checks a command line would make: no argument
/// the tool does not take, and each of the type its schema gives. JSON `null` counts as absent.
public struct ToolArguments: Sendable {
    let values: [String: Value]

    /// Reads a call's arguments, refusing names the tool does not take.
    public init(_ values: [String: Value]?, allowed: [String]) throws(ToolArgumentError) {
        self.values = (values ?? [:]).filter { !$0.value.isNull }
        for name in self.values.keys.sorted() where !allowed.contains(name) {
            throw ToolArgumentError(
                "unknown argument \(name.debugDescription); expected \(allowed.isEmpty ? "none" : allowed.joined(separator: ", "))"
            )
        }
    }

    /// A text argument, or nil when it is absent.
    public func string(_ name: String) throws(ToolArgumentError) -> String? {
        guard let value = values[name] else { return nil }
        switch value {
        case .string(let text): return text
        // The SDK reads strings that look like data URLs (`data:…;base64,…`) as data: give the text back.
        case .data(let mimeType, let data): return data.dataURLEncoded(mimeType: mimeType)
        default: throw ToolArgumentError("\(name) must be a string")
        }
    }

    /// A text argument that must be given.
    public func requiredString(_ name: String) throws(ToolArgumentError) -> String {
        guard let text = try string(name) else { throw ToolArgumentError("\(name) is required") }
        return text
    }

    /// A true-or-false argument, or nil when it is absent.
    public func bool(_ name: String) throws(ToolArgumentError) -> Bool? {
        guard let value = values[name] else { return nil }
        guard case .bool(let flag) = value else { throw ToolArgumentError("\(name) must be true or false") }
        return flag
    }

    /// A whole-number argument, or nil when it is absent (`2048.0` counts as 2048).
    public func int(_ name: String) throws(ToolArgumentError) -> Int? {
        guard let value = values[name] else { return nil }
        switch value {
        case .int(let number): return number
        case .double(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number)
        default: throw ToolArgumentError("\(name) must be a whole number")
        }
    }
}

/// An argument a tool cannot take, worded like the command line's errors. It never holds an
/// argument's value, so a key passed by mistake in the wrong place is not repeated.
public struct ToolArgumentError: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    /// What the tool answers: the message as an error line.
    public var output: CommandOutput { CommandOutput(standardError: "error: \(message)\n", failed: true) }
}
