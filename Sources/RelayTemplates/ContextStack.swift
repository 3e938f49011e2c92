/// The context stack: the values sections pushed, innermost last, and the object of each (empty
/// for values that are not objects), kept apart so that lookups read dictionaries in place.
struct ContextStack {
    /// The values, innermost last: what `{{.}}` reads.
    private(set) var values: [TemplateValue]
    /// Each value's object, or an empty one: where names are looked up.
    private var objects: [[String: TemplateValue]]

    init(_ root: TemplateValue) {
        values = [root]
        values.reserveCapacity(8)
        objects = [Self.object(of: root)]
        objects.reserveCapacity(8)
    }

    @inline(__always)
    private static func object(of value: TemplateValue) -> [String: TemplateValue] {
        if case .object(let object) = value { object } else { [:] }
    }

    @inline(__always)
    mutating func push(_ value: TemplateValue) {
        objects.append(Self.object(of: value))
        values.append(value)
    }

    @inline(__always)
    mutating func pop() {
        objects.removeLast()
        values.removeLast()
    }

    /// Writes the value of `key` in the innermost object that has it, reading it in place.
    @inline(__always)
    func write(_ key: String, escaped: Bool, to output: inout OutputBuffer) {
        objects.withUnsafeBufferPointer { objects in
            var index = objects.count - 1
            while index >= 0 {
                if let position = objects[index].index(forKey: key) {
                    TemplateRenderer.write(objects[index].values[position], escaped: escaped, to: &output)
                    return
                }
                index -= 1
            }
        }
    }

    /// The value of `key` in the innermost object that has it.
    @inline(__always)
    func lookUp(_ key: String) -> TemplateValue? {
        objects.withUnsafeBufferPointer { objects in
            var index = objects.count - 1
            while index >= 0 {
                if let member = objects[index][key] { return member }
                index -= 1
            }
            return nil
        }
    }
}
