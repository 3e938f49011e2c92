/// A value as templates see it.
///
/// A context is a tree of these: `.object` values hold the names that tags look up, `.list`
/// values are what sections iterate, and the scalars are what variable tags write.
///
/// How `{{value}}` renders each case:
/// - ``string(_:)``: the string (HTML-escaped in an HTML template);
/// - ``int(_:)``: its decimal digits;
/// - ``bool(_:)``: `true` or `false`;
/// - ``null``: nothing;
/// - ``custom(_:)``: its ``CustomTemplateValue/text`` (HTML-escaped in an HTML template);
/// - ``list(_:)`` and ``object(_:)``: nothing (iterate or enter them with a section instead).
///
/// In sections (`{{#value}}…{{/value}}`), `false`, ``null`` and empty lists are falsey and skip
/// the body; a list renders the body once per element; any other value (including `true`, `""`,
/// `0` and empty objects) renders the body once with the value pushed onto the context stack.
public enum TemplateValue: Sendable {
    /// No value: renders nothing and is falsey.
    case null
    /// A Boolean: renders `true` or `false`; `false` is falsey.
    case bool(Bool)
    /// An integer: renders in decimal.
    case int(Int)
    /// Text: renders as is, HTML-escaped in an HTML template.
    case string(String)
    /// Elements that a section renders its body for, one at a time; renders nothing in a variable tag.
    case list([TemplateValue])
    /// Named values for tags to look up; renders nothing in a variable tag.
    case object([String: TemplateValue])
    /// A value with its own text and transforms, such as untrusted text that must be escaped.
    case custom(any CustomTemplateValue)
}

/// A value with its own text and transforms, e.g. an untrusted string that must be escaped with
/// `{{python(key)}}`.
///
/// Transforms are the only way a template reaches anything but the value's ``text``: in
/// `{{python(key)}}`, the value found under `key` is asked for its transform named `python`, and
/// the result is rendered as any other ``TemplateValue``. Nested calls (`{{shell(json(prompt))}}`)
/// apply the innermost transform first.
public protocol CustomTemplateValue: Sendable {
    /// What `{{value}}` writes (HTML-escaped in an HTML template, as is with `{{{value}}}` or in a
    /// text template).
    var text: String { get }

    /// `{{name(value)}}`: the value the transform named `name` makes; nil when it has none
    /// (renders nothing).
    func transform(_ name: String) -> TemplateValue?
}

extension TemplateValue: ExpressibleByStringLiteral {
    /// A ``string(_:)`` value from a string literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// A ``bool(_:)`` value from `true` or `false`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// An ``int(_:)`` value from an integer literal.
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// A ``list(_:)`` value from an array literal.
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// An ``object(_:)`` value from a dictionary literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var object: [String: TemplateValue] = [:]
        object.reserveCapacity(elements.count)
        for (key, value) in elements {
            object[key] = value
        }
        self = .object(object)
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    /// ``null`` from `nil`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension TemplateValue {
    /// Whether a section skips this value and an inverted section renders for it: `false`,
    /// ``null`` and empty lists.
    var isFalsey: Bool {
        switch self {
        case .null: true
        case .bool(let value): !value
        case .list(let elements): elements.isEmpty
        case .int, .string, .object, .custom: false
        }
    }
}
