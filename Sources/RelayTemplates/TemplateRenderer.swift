/// Renders compiled nodes against a context stack, appending to one string.
struct TemplateRenderer {
    /// How deeply partials may include partials before an inclusion renders nothing (a guard
    /// against a template that includes itself without end).
    static let maximumPartialDepth = 100

    let templates: [String: CompiledTemplate]

    /// Renders `nodes` with `stack` (innermost value last) into `output`.
    ///
    /// - Parameters:
    ///   - indentation: written at each line start of the nodes (an indented standalone partial).
    ///   - depth: how many partials enclose the nodes.
    func render(
        _ nodes: [TemplateNode], stack: inout [TemplateValue], into output: inout String, indentation: String,
        depth: Int
    ) {
        for node in nodes {
            switch node {
            case .text(let text, let lineStarts):
                if indentation.isEmpty || lineStarts.isEmpty {
                    output.append(text)
                } else {
                    Self.append(text, indentedAt: lineStarts, by: indentation, to: &output)
                }
            case .lineStart:
                if !indentation.isEmpty { output.append(indentation) }
            case .variable(let name, let escaped):
                Self.append(Self.resolve(name, in: stack), escaped: escaped, to: &output)
            case .section(let name, let body, let inverted):
                let value = Self.resolve(name, in: stack)
                if inverted {
                    if value.isFalsey {
                        render(body, stack: &stack, into: &output, indentation: indentation, depth: depth)
                    }
                    continue
                }
                switch value {
                case .null, .bool(false):
                    break
                case .list(let elements):
                    for element in elements {
                        stack.append(element)
                        render(body, stack: &stack, into: &output, indentation: indentation, depth: depth)
                        stack.removeLast()
                    }
                default:
                    stack.append(value)
                    render(body, stack: &stack, into: &output, indentation: indentation, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let ownIndentation, let standalone):
                guard depth < Self.maximumPartialDepth, let partial = templates[name] else { continue }
                render(
                    partial.nodes, stack: &stack, into: &output,
                    indentation: standalone ? indentation + ownIndentation : "", depth: depth + 1)
            }
        }
    }

    /// The value a name stands for: the first part looked up through the stack (innermost
    /// first), the other parts only inside the value found, then the transforms; `.null` when any
    /// step finds nothing.
    @inline(__always)
    static func resolve(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue {
        var value: TemplateValue
        if let first = name.components.first {
            var found: TemplateValue?
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let object) = stack[index], let member = object[first] {
                    found = member
                    break
                }
                index -= 1
            }
            guard let found else { return .null }
            value = found
            var part = 1
            while part < name.components.count {
                guard case .object(let object) = value, let member = object[name.components[part]] else {
                    return .null
                }
                value = member
                part += 1
            }
        } else {
            value = stack.last ?? .null
        }
        for transform in name.transforms {
            guard case .custom(let custom) = value, let transformed = custom.transform(transform) else {
                return .null
            }
            value = transformed
        }
        return value
    }

    /// Writes a value as a variable tag does.
    @inline(__always)
    static func append(_ value: TemplateValue, escaped: Bool, to output: inout String) {
        switch value {
        case .string(let string):
            if escaped {
                HTMLEscaping.append(string, to: &output)
            } else {
                output.append(string)
            }
        case .int(let int):
            output.append(String(int))
        case .bool(let bool):
            output.append(bool ? "true" : "false")
        case .custom(let custom):
            if escaped {
                HTMLEscaping.append(custom.text, to: &output)
            } else {
                output.append(custom.text)
            }
        case .null, .list, .object:
            break
        }
    }

    /// Appends text with `indentation` written at each of its line starts.
    static func append(_ text: String, indentedAt lineStarts: [Int], by indentation: String, to output: inout String) {
        let utf8 = text.utf8
        var lower = utf8.startIndex
        var lowerOffset = 0
        for lineStart in lineStarts {
            let upper = utf8.index(lower, offsetBy: lineStart - lowerOffset)
            if lower < upper { output.append(contentsOf: Substring(utf8[lower..<upper])) }
            output.append(indentation)
            lower = upper
            lowerOffset = lineStart
        }
        if lower < utf8.endIndex { output.append(contentsOf: Substring(utf8[lower...])) }
    }
}
