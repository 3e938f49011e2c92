import MCP
import RelaySnippets

/// One tool of `relaydocs mcp`: a name, a description and an input schema for `tools/list`, and
/// an answer for `tools/call` that is what the command line prints for the same input.
///
/// A new tool is a type conforming to this protocol, in a file of `Tools/`, and one entry in
/// ``RelayTools/all``.
public protocol RelayTool: Sendable {
    /// The name agents call it by, such as `get_snippet`.
    var name: String { get }
    /// What the tool answers and when to call it, for the agent.
    var description: String { get }
    /// The names of the arguments it takes, in schema order.
    var argumentNames: [String] { get }
    /// The JSON Schema of its arguments. Lists of choices (languages, protocols, recipes) come
    /// from the catalog and templates the server started with, never from code.
    var inputSchema: Value { get }
    /// The answer: the command line's standard output, standard error and failure for the same
    /// input.
    func call(_ arguments: ToolArguments) throws(ToolArgumentError) -> CommandOutput
}

extension RelayTool {
    /// The tool as `tools/list` describes it: read-only, the same answer for the same input, and
    /// no call leaves the machine.
    public var definition: Tool {
        Tool(
            name: name, description: description, inputSchema: inputSchema,
            annotations: .init(readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false))
    }
}

/// JSON Schema pieces for tool inputs.
enum Schema {
    /// An object of the given properties; no others are allowed.
    static func object(_ properties: [(name: String, schema: Value)], required: [String] = []) -> Value {
        var object: [String: Value] = [
            "type": "object",
            "properties": .object(Dictionary(uniqueKeysWithValues: properties.map { ($0.name, $0.schema) })),
            "additionalProperties": false,
        ]
        if !required.isEmpty { object["required"] = .array(required.map { .string($0) }) }
        return .object(object)
    }

    /// A string, one of `choices` when there are any.
    static func string(_ description: String, choices: [String] = [], default value: String? = nil) -> Value {
        var schema: [String: Value] = ["type": "string", "description": .string(description)]
        if !choices.isEmpty { schema["enum"] = .array(choices.map { .string($0) }) }
        if let value { schema["default"] = .string(value) }
        return .object(schema)
    }

    static func boolean(_ description: String) -> Value {
        ["type": "boolean", "description": .string(description), "default": false]
    }

    static func integer(_ description: String, minimum: Int, maximum: Int) -> Value {
        [
            "type": "integer", "description": .string(description), "minimum": .int(minimum),
            "maximum": .int(maximum),
        ]
    }
}
