/// The context stack: the values sections pushed, innermost last, each with its object (empty
/// for values that are not objects), so that lookups read dictionaries in place.
struct ContextStack {
    private struct Frame {
        /// Where names are looked up.
        var object: [String: TemplateValue]
        /// What `{{.}}` reads.
        var value: TemplateValue
    }

    private var frames: [Frame]

    init(_ root: TemplateValue) {
        frames = []
        frames.reserveCapacity(8)
        push(root)
    }

    /// The innermost value.
    var top: TemplateValue {
        frames[frames.count - 1].value
    }

    @inline(__always)
    mutating func push(_ value: TemplateValue) {
        if case .object(let object) = value {
            frames.append(Frame(object: object, value: value))
        } else {
            frames.append(Frame(object: [:], value: value))
        }
    }

    @inline(__always)
    mutating func pop() {
        frames.removeLast()
    }

    /// Writes the value of `key` in the innermost object that has it, reading it in place.
    @inline(__always)
    func write(_ key: String, escaped: Bool, to output: inout OutputBuffer) {
        frames.withUnsafeBufferPointer { frames in
            var index = frames.count - 1
            while index >= 0 {
                if let position = frames[index].object.index(forKey: key) {
                    TemplateRenderer.write(frames[index].object.values[position], escaped: escaped, to: &output)
                    return
                }
                index -= 1
            }
        }
    }

    /// The value of `key` in the innermost object that has it.
    @inline(__always)
    func lookUp(_ key: String) -> TemplateValue? {
        frames.withUnsafeBufferPointer { frames in
            var index = frames.count - 1
            while index >= 0 {
                if let member = frames[index].object[key] { return member }
                index -= 1
            }
            return nil
        }
    }
}
