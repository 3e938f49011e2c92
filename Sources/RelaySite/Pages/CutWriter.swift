/// One way a template can write a value into code that was rendered once with a placeholder
/// and cut where it stood: an escaper chain, and what the chain writes around the value
/// (quotes, say), which the cuts already hold; in highlighted HTML, HTML-escaped too.
///
/// The snippet API's answers for every key (`SnippetAnswerCache` in RelayServer) and the model
/// pages' blocks for every model id (``ModelSnippetShare``) find each cut's writer among
/// ``candidates(around:chains:)`` and then fill the cuts with it.
public struct CutWriter: Sendable {
    /// Its place among the candidates, so that one fill writes each way once.
    public let number: Int
    /// The escaper chain.
    public let chain: @Sendable (String) -> String
    /// What the chain writes around the placeholder: the cuts hold it.
    public let before: String
    public let after: String
    /// In highlighted HTML (else in code).
    public let inHTML: Bool

    /// The value as a cut holds it, or nil when the chain writes it between other delimiters.
    public func write(_ value: String) -> String? {
        let escaped = chain(value)
        let (whole, head, tail) = (escaped.utf8, before.utf8, after.utf8)
        // Compared as bytes: `hasPrefix` compares characters, which is slower and, for a quote
        // before a combining mark, not what a cut holds.
        guard whole.count >= head.count + tail.count, whole.starts(with: head),
            whole.dropFirst(whole.count - tail.count).elementsEqual(tail)
        else { return nil }
        let middle = String(decoding: whole.dropFirst(head.count).dropLast(tail.count), as: UTF8.self)
        return inHTML ? SnippetHTML.escapedText(middle) : middle
    }

    /// Every chain in code, then every chain in highlighted HTML, numbered in that fixed order
    /// (so the first that writes a probe's text is the same one every run); chains that do not
    /// write the placeholder as it is are left out.
    public static func candidates(around placeholder: String, chains: [@Sendable (String) -> String]) -> [CutWriter] {
        var writers: [CutWriter] = []
        for inHTML in [false, true] {
            for chain in chains {
                let written = chain(placeholder)
                guard let range = written.range(of: placeholder) else { continue }
                writers.append(
                    CutWriter(
                        number: writers.count, chain: chain, before: String(written[..<range.lowerBound]),
                        after: String(written[range.upperBound...]), inHTML: inHTML))
            }
        }
        return writers
    }
}
