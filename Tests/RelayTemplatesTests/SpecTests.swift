import Foundation
import RelayTemplates
import Testing

/// The Mustache spec's required suites (`Spec/*.json`, see `Spec/README.md`): interpolation,
/// sections, inverted, comments, partials and delimiters.
///
/// Skipped cases: none. Every case of these six files runs and must pass. (The optional suites,
/// `~lambdas`, `~inheritance`, `~dynamic-names`, are not included: lambdas cannot exist in
/// ``TemplateValue``, and inheritance and dynamic names are refused with a syntax error.)
///
/// JSON numbers with a fraction (the "Decimal" cases) become ``TemplateValue/string(_:)`` values
/// holding the number as Swift prints it (`1.21`), since templates have no floating-point values.
@Suite("Mustache spec")
struct SpecTests {
    /// Cases named in this table would be skipped, with the reason; it is empty.
    static let skipped: [String: String] = [:]

    static let files = ["interpolation", "sections", "inverted", "comments", "partials", "delimiters"]

    static let cases: [SpecCase] = files.flatMap { file in
        (try? SpecCase.load(file)) ?? []
    }

    @Test("Every file loads, with the number of cases the spec has")
    func filesLoad() throws {
        var counts: [String: Int] = [:]
        for file in Self.files {
            counts[file] = try SpecCase.load(file).count
        }
        #expect(
            counts == [
                "interpolation": 42, "sections": 33, "inverted": 21, "comments": 12, "partials": 12, "delimiters": 14,
            ])
        #expect(Self.cases.count == 134)
    }

    @Test("Spec case", arguments: cases.filter { skipped[$0.id] == nil })
    func specCase(_ spec: SpecCase) throws {
        var library = TemplateLibrary()
        for (name, text) in spec.partials {
            try library.register(text, named: name)
        }
        let name = "spec test template"
        try library.register(spec.template, named: name)
        #expect(library.render(name, spec.data) == spec.expected, "\(spec.description)")

        var appended = "prefix|"
        #expect(library.render(name, spec.data, into: &appended))
        #expect(appended == "prefix|" + spec.expected)
    }
}

/// One test of a spec file.
struct SpecCase: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    var file: String
    var name: String
    var desc: String
    var data: TemplateValue
    var template: String
    var partials: [String: String]
    var expected: String

    var id: String { "\(file): \(name)" }
    var testDescription: String { id }
    var description: String { "\(id) — \(desc)\ntemplate: \(template.debugDescription)" }

    static func load(_ file: String) throws -> [SpecCase] {
        let url = try #require(Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Spec"))
        let decoded = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        return decoded.tests.map { test in
            SpecCase(
                file: file, name: test.name, desc: test.desc, data: test.data.templateValue, template: test.template,
                partials: test.partials ?? [:], expected: test.expected)
        }
    }
}

private struct SpecFile: Decodable {
    struct Test: Decodable {
        var name: String
        var desc: String
        var data: JSONValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }
    var tests: [Test]
}

/// Any JSON value.
private enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var templateValue: TemplateValue {
        switch self {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .int(let int): .int(int)
        case .double(let double): .string("\(double)")
        case .string(let string): .string(string)
        case .array(let array): .list(array.map(\.templateValue))
        case .object(let object): .object(object.mapValues(\.templateValue))
        }
    }
}
