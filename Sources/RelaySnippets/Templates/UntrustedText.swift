import RelayTemplates

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a value may be written into code by a template: `{{python(prompt)}}`.
public struct Escaper: Sendable {
    /// Whether the escaper's output is finished code (a literal, a quoted word) or an
    /// intermediate encoding that still needs a final escaper, such as JSON inside a shell quote.
    public enum Stage: Sendable { case final, intermediate }

    public let stage: Stage
    public let apply: @Sendable (String) -> String

    /// Creates an escaper.
    public init(_ stage: Stage, _ apply: @escaping @Sendable (String) -> String) {
        self.stage = stage
        self.apply = apply
    }
}

/// A value from the user or the catalog as templates see it.
///
/// It can only reach the output through an escaper of the template's language, such as
/// `{{python(key)}}` or `{{shell(json(prompt))}}`. Written bare (`{{key}}`), or through an
/// escaper the language does not have, it renders a marker that ``SnippetTemplates`` refuses,
/// so a template cannot paste a value unescaped by mistake.
struct UntrustedText: CustomTemplateValue {
    let name: String
    /// The value itself, which only an escaper's output may carry into code.
    let value: String
    let escapers: [String: Escaper]
    /// The escapers applied so far, innermost first.
    var applied: [String] = []

    /// Written bare, the value renders a marker that ``SnippetTemplates`` refuses.
    var text: String { TemplateMarker.unescaped(name: name, applied: applied) }

    func transform(_ transformName: String) -> TemplateValue? {
        guard let escaper = escapers[transformName] else {
            return .custom(
                TemplateMarker.Text(
                    TemplateMarker.unknownEscaper(transformName, name: name, known: escapers.keys.sorted())))
        }
        let output = escaper.apply(value)
        switch escaper.stage {
        case .final: return .custom(Code(text: output))
        case .intermediate:
            return .custom(
                UntrustedText(name: name, value: output, escapers: escapers, applied: applied + [transformName]))
        }
    }
}

/// Finished code: the output of a final escaper, written as is.
struct Code: CustomTemplateValue {
    let text: String
    func transform(_ name: String) -> TemplateValue? {
        .custom(
            TemplateMarker.Text(
                "\(TemplateMarker.prefix)escaper \(name)() applied to code that is already escaped\(TemplateMarker.suffix)"
            ))
    }
}

/// Markers that a rendered template must not contain; each explains the template mistake.
enum TemplateMarker {
    static let prefix = "\u{FFFF}relaydocs-template-error: "
    static let suffix = "\u{FFFF}"

    /// A marker's text; any escaper applied to it keeps it, so the mistake is still reported.
    struct Text: CustomTemplateValue {
        let text: String
        init(_ text: String) { self.text = text }
        func transform(_ name: String) -> TemplateValue? { .custom(self) }
    }

    static func unescaped(name: String, applied: [String]) -> String {
        let form =
            applied.isEmpty
            ? "{{\(name)}}"
            : "\(applied.reversed().joined(separator: "(") )(\(name)" + String(repeating: ")", count: applied.count)
        return "\(prefix)\(form) writes a value without a final escaper\(suffix)"
    }

    static func unknownEscaper(_ escaper: String, name: String, known: [String]) -> String {
        "\(prefix)\(escaper)(\(name)): this language has no escaper \(escaper.debugDescription); it has \(known.joined(separator: ", "))\(suffix)"
    }

    /// The first template mistake in rendered output, if any.
    static func firstError(in output: String) -> String? {
        // U+FFFF is EF BF BF in UTF-8 and never appears in escaped output: a byte scan finds it
        // (Foundation's range(of:) was most of a snippet's rendering time).
        var text = output
        let start: Int? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var index = 0
            while index + 2 < bytes.count {
                // memchr finds each 0xEF (rare in code) without looking at every byte in Swift.
                guard let found = memchr(base + index, 0xEF, bytes.count - index - 2) else { return nil }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[at + 1] == 0xBF, bytes[at + 2] == 0xBF { return at }
                index = at + 1
            }
            return nil
        }
        guard let start else { return nil }
        let marker = String(decoding: Array(output.utf8)[start...], as: UTF8.self)
        guard marker.hasPrefix(prefix) else { return "a value renders U+FFFF" }
        return String(marker.dropFirst(prefix.count).prefix { $0 != "\u{FFFF}" })
    }
}
