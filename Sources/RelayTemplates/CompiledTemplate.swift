/// One step of a compiled template: plain data, so running it retains nothing.
struct Instruction: Sendable {
    enum Operation: UInt8, Sendable {
        /// Write `extent` bytes of the template's text from offset `operand`.
        case text
        /// A line of the template begins: write the indentation in force (indented partials).
        case lineStart
        /// Write the value of key `operand` (a name of one part, without transforms) as is.
        case key
        /// Write the value of key `operand`, HTML-escaped.
        case escapedKey
        /// Write the value of name `operand` as is.
        case variable
        /// Write the value of name `operand`, HTML-escaped.
        case escapedVariable
        /// Run the instructions up to `extent` (the end of the body) for the value of name
        /// `operand`; continue at `extent`.
        case section
        /// Run the instructions up to `extent` when the value of name `operand` is falsey.
        case invertedSection
        /// An inverted section right after a section of the same name: run the instructions up
        /// to `extent` when that section's value was falsey.
        case otherwise
        /// Render partial `operand` of the template.
        case partial
    }

    var operation: Operation
    var operand: Int
    var extent: Int
    /// For sections whose name has one part and no transforms: the index of that key, else -1.
    var key = -1
    /// For names whose first part the same body looks up again: the ``LookupCache`` slot that
    /// keeps its value for the body, else -1.
    var cache = -1
}

/// A partial tag of a compiled template.
struct PartialReference: Sendable {
    var name: String
    var line: Int
    /// The indentation of a standalone tag (added to the indentation in force).
    var indentation: [UInt8]
    var standalone: Bool
}

/// A template ready to render: instructions over one buffer of literal text, with the names and
/// partials they refer to by index. Immutable, so libraries share it.
final class CompiledTemplate: Sendable {
    let instructions: [Instruction]
    /// All literal text of the template, as UTF-8.
    let text: [UInt8]
    let names: [TemplateName]
    /// The names of one part and no transforms, by themselves (the most common).
    let keys: [String]
    let partials: [PartialReference]
    /// A guess at the size of a rendering, in UTF-8 bytes.
    let sizeHint: Int

    init(_ nodes: [TemplateNode]) {
        var lowering = Lowering()
        lowering.lower(nodes)
        instructions = lowering.instructions
        text = lowering.text
        names = lowering.names
        keys = lowering.keys
        partials = lowering.partials
        sizeHint = lowering.text.count + lowering.text.count / 2 + 256
    }

    /// Flattens nodes: sections become a jump over their body, text one buffer.
    private struct Lowering {
        var instructions: [Instruction] = []
        var text: [UInt8] = []
        var names: [TemplateName] = []
        var keys: [String] = []
        var partials: [PartialReference] = []
        /// Whether the last instruction is text that more text may extend (not across the end of
        /// a section's body).
        var extendsText = false

        mutating func lower(_ nodes: [TemplateNode]) {
            let slots = Self.cacheSlots(for: nodes)
            func slot(of name: TemplateName) -> Int {
                name.components.first.flatMap { slots[$0] } ?? -1
            }
            for (offset, node) in nodes.enumerated() {
                switch node {
                case .text(let string, let lineStarts):
                    // Each line of the text gets its own instruction, after a line start.
                    let bytes = Array(string.utf8)
                    var start = 0
                    for lineStart in lineStarts {
                        appendText(bytes[start..<lineStart])
                        append(Instruction(operation: .lineStart, operand: 0, extent: 0))
                        start = lineStart
                    }
                    appendText(bytes[start...])
                case .lineStart:
                    append(Instruction(operation: .lineStart, operand: 0, extent: 0))
                case .variable(let name, let escaped) where name.components.count == 1 && name.transforms.isEmpty:
                    append(
                        Instruction(
                            operation: escaped ? .escapedKey : .key, operand: index(ofKey: name.components[0]),
                            extent: 0, cache: slot(of: name)))
                case .variable(let name, let escaped):
                    append(
                        Instruction(
                            operation: escaped ? .escapedVariable : .variable, operand: index(of: name), extent: 0,
                            cache: slot(of: name)))
                case .section(let name, let body, let inverted):
                    let position = instructions.count
                    var instruction = Instruction(
                        operation: inverted ? .invertedSection : .section, operand: index(of: name), extent: 0)
                    // `{{#x}}…{{/x}}{{^x}}…{{/x}}`: the inverted section reuses the value of the other.
                    if inverted, offset > 0, case .section(name, _, false) = nodes[offset - 1] {
                        instruction.operation = .otherwise
                    }
                    if name.components.count == 1 && name.transforms.isEmpty {
                        instruction.key = index(ofKey: name.components[0])
                    }
                    instruction.cache = slot(of: name)
                    append(instruction)
                    lower(body)
                    instructions[position].extent = instructions.count
                    extendsText = false
                case .partial(let name, let indentation, let standalone, let line):
                    partials.append(
                        PartialReference(
                            name: name, line: line, indentation: Array(indentation.utf8), standalone: standalone))
                    append(Instruction(operation: .partial, operand: partials.count - 1, extent: 0))
                }
            }
        }

        /// Cache slots for the first parts of names that a body looks up more than once (at
        /// most ``LookupCache/capacity``, the most used first).
        static func cacheSlots(for nodes: [TemplateNode]) -> [String: Int] {
            var uses: [(first: String, count: Int)] = []
            for (offset, node) in nodes.enumerated() {
                let name: TemplateName
                switch node {
                case .variable(let variable, _):
                    name = variable
                case .section(let section, _, let inverted):
                    // An inverted section right after one of the same name looks nothing up.
                    if inverted, offset > 0, case .section(section, _, false) = nodes[offset - 1] { continue }
                    name = section
                case .text, .lineStart, .partial:
                    continue
                }
                guard let first = name.components.first else { continue }
                if let index = uses.firstIndex(where: { $0.first == first }) {
                    uses[index].count += 1
                } else {
                    uses.append((first, 1))
                }
            }
            let repeated = uses.enumerated().filter { $0.element.count > 1 }
                .sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }
                .prefix(LookupCache.capacity)
            var slots: [String: Int] = [:]
            for (slot, use) in repeated.enumerated() {
                slots[use.element.first] = slot
            }
            return slots
        }

        mutating func appendText(_ bytes: ArraySlice<UInt8>) {
            guard !bytes.isEmpty else { return }
            if extendsText {
                instructions[instructions.count - 1].extent += bytes.count
            } else {
                instructions.append(Instruction(operation: .text, operand: text.count, extent: bytes.count))
                extendsText = true
            }
            text.append(contentsOf: bytes)
        }

        mutating func append(_ instruction: Instruction) {
            instructions.append(instruction)
            extendsText = false
        }

        mutating func index(ofKey key: String) -> Int {
            if let index = keys.firstIndex(of: key) { return index }
            keys.append(key)
            return keys.count - 1
        }

        mutating func index(of name: TemplateName) -> Int {
            if let index = names.firstIndex(of: name) { return index }
            names.append(name)
            return names.count - 1
        }
    }
}
