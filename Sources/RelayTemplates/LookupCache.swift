/// Values of names that one run of a body looks up more than once.
///
/// While a body runs, the context stack below it does not change (sections inside it push and
/// pop), so a name's first part finds the same value every time: the first lookup keeps it in a
/// slot (assigned when compiling, see ``Instruction/cache``) and later ones read it back.
struct LookupCache {
    /// How many slots a body has.
    static let capacity = 4

    private var filled: UInt8 = 0
    private var slot0 = TemplateValue.null
    private var slot1 = TemplateValue.null
    private var slot2 = TemplateValue.null
    private var slot3 = TemplateValue.null

    /// The value of `key` in the stack (`.null` when no object has it), looked up once for the
    /// body that owns `slot`.
    @inline(__always)
    mutating func value(of key: String, slot: Int, in stack: ContextStack) -> TemplateValue {
        if filled & (1 << slot) != 0 {
            switch slot {
            case 0: return slot0
            case 1: return slot1
            case 2: return slot2
            default: return slot3
            }
        }
        let value = stack.lookUp(key) ?? .null
        switch slot {
        case 0: slot0 = value
        case 1: slot1 = value
        case 2: slot2 = value
        default: slot3 = value
        }
        filled |= 1 << slot
        return value
    }
}
