/// Runs compiled templates against a context stack, writing to one ``OutputBuffer``.
struct TemplateRenderer {
    /// How deeply partials may include partials before an inclusion renders nothing (a guard
    /// against a template that includes itself without end).
    static let maximumPartialDepth = 100

    let templates: [CompiledTemplate]
    /// For each template, the index in `templates` of each of its partials, or -1 when missing.
    let links: [[Int]]

    /// Renders template `index` with `stack` (innermost value last).
    ///
    /// - Parameters:
    ///   - indentation: written at each line start of the template (an indented standalone
    ///     partial).
    ///   - depth: how many partials enclose the template.
    func render(
        template index: Int, stack: inout ContextStack, into output: inout OutputBuffer, indentation: [UInt8],
        depth: Int
    ) {
        let template = templates[index]
        run(
            template, links: links[index], from: 0, to: template.instructions.count, stack: &stack, into: &output,
            indentation: indentation, depth: depth)
    }

    /// Runs instructions `start..<end` of a template.
    private func run(
        _ template: CompiledTemplate, links: [Int], from start: Int, to end: Int, stack: inout ContextStack,
        into output: inout OutputBuffer, indentation: [UInt8], depth: Int
    ) {
        var position = start
        // Whether the value of the last section run here was falsey (for `.otherwise`).
        var previousSectionWasFalsey = false
        var cache = LookupCache()
        while position < end {
            let instruction = template.instructions[position]
            position += 1
            switch instruction.operation {
            case .text:
                output.append(template.text, from: instruction.operand, count: instruction.extent)
            case .lineStart:
                if !indentation.isEmpty {
                    indentation.withUnsafeBufferPointer { output.append($0) }
                }
            case .key, .escapedKey:
                let escaped = instruction.operation == .escapedKey
                let key = template.keys[instruction.operand]
                if instruction.cache < 0 {
                    stack.write(key, escaped: escaped, to: &output)
                } else {
                    Self.write(cache.value(of: key, slot: instruction.cache, in: stack), escaped: escaped, to: &output)
                }
            case .variable, .escapedVariable:
                let value = resolve(instruction, of: template, cache: &cache, in: stack)
                Self.write(value, escaped: instruction.operation == .escapedVariable, to: &output)
            case .section:
                let value = resolve(instruction, of: template, cache: &cache, in: stack)
                previousSectionWasFalsey = value.isFalsey
                switch value {
                case .null, .bool(false):
                    break
                case .list(let elements):
                    for element in elements {
                        stack.push(element)
                        run(
                            template, links: links, from: position, to: instruction.extent, stack: &stack,
                            into: &output, indentation: indentation, depth: depth)
                        stack.pop()
                    }
                default:
                    stack.push(value)
                    run(
                        template, links: links, from: position, to: instruction.extent, stack: &stack, into: &output,
                        indentation: indentation, depth: depth)
                    stack.pop()
                }
                position = instruction.extent
            case .invertedSection, .otherwise:
                let falsey =
                    instruction.operation == .otherwise
                    ? previousSectionWasFalsey : resolve(instruction, of: template, cache: &cache, in: stack).isFalsey
                if falsey {
                    run(
                        template, links: links, from: position, to: instruction.extent, stack: &stack, into: &output,
                        indentation: indentation, depth: depth)
                }
                position = instruction.extent
            case .partial:
                let target = links[instruction.operand]
                guard target >= 0, depth < Self.maximumPartialDepth else { continue }
                // A standalone tag adds its indentation to the one in force; an inline one has none.
                let inner: [UInt8]
                if !template.partials[instruction.operand].standalone {
                    inner = []
                } else if template.partials[instruction.operand].indentation.isEmpty {
                    inner = indentation
                } else {
                    inner = indentation + template.partials[instruction.operand].indentation
                }
                render(template: target, stack: &stack, into: &output, indentation: inner, depth: depth + 1)
            }
        }
    }

    /// The value of the name of a variable or section instruction.
    @inline(__always)
    private func resolve(
        _ instruction: Instruction, of template: CompiledTemplate, cache: inout LookupCache, in stack: ContextStack
    ) -> TemplateValue {
        if instruction.key >= 0 {
            let key = template.keys[instruction.key]
            if instruction.cache >= 0 { return cache.value(of: key, slot: instruction.cache, in: stack) }
            return stack.lookUp(key) ?? .null
        }
        let name = template.names[instruction.operand]
        guard let first = name.components.first else {
            return Self.transform(stack.top, by: name.transforms)
        }
        let found: TemplateValue
        if instruction.cache >= 0 {
            found = cache.value(of: first, slot: instruction.cache, in: stack)
        } else {
            guard let member = stack.lookUp(first) else { return .null }
            found = member
        }
        return Self.resolve(name, found: found)
    }

    /// The value a name stands for, given what its first part found in the stack: the other
    /// parts are looked up only inside that value, then the transforms applied; `.null` when any
    /// step finds nothing.
    @inline(__always)
    static func resolve(_ name: TemplateName, found: TemplateValue) -> TemplateValue {
        if name.transforms.isEmpty {
            if name.components.count == 1 { return found }
            if name.components.count == 2 {
                guard case .object(let object) = found, let member = object[name.components[1]] else { return .null }
                return member
            }
        }
        return transform(found, at: name.components.dropFirst(), by: name.transforms)
    }

    /// The value at a path inside `value`, with transforms applied.
    private static func transform(
        _ value: TemplateValue, at path: ArraySlice<String> = [], by transforms: [String]
    ) -> TemplateValue {
        var value = value
        for component in path {
            guard case .object(let object) = value, let member = object[component] else { return .null }
            value = member
        }
        for transform in transforms {
            guard case .custom(let custom) = value, let transformed = custom.transform(transform) else {
                return .null
            }
            value = transformed
        }
        return value
    }

    /// Writes a value as a variable tag does.
    @inline(__always)
    static func write(_ value: TemplateValue, escaped: Bool, to output: inout OutputBuffer) {
        switch value {
        case .string(let string):
            if escaped {
                output.appendEscapingHTML(string)
            } else {
                output.append(string)
            }
        case .int(let int):
            output.append(decimal: int)
        case .bool(let bool):
            output.append(bool ? "true" : "false")
        case .custom(let custom):
            if escaped {
                output.appendEscapingHTML(custom.text)
            } else {
                output.append(custom.text)
            }
        case .null, .list, .object:
            break
        }
    }
}
