/// Byte searches over highlighted HTML, for the callers that render code once with a placeholder
/// value and put other values where it stood (the snippet API's answers for every key, the site's
/// model pages for every model id): they must know that the placeholder sits only where the
/// highlighter looks at no character of it.
public enum HighlightedText {
    /// Where `needle` (not empty) first occurs in `bytes` at or after `start`.
    public static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= bytes.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// `bytes` cut at every occurrence of `needle` (not empty): the pieces around them, one more
    /// than there are occurrences.
    public static func cut(_ bytes: [UInt8], at needle: [UInt8]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var start = 0
        while let found = find(needle, in: bytes, from: start) {
            pieces.append(Array(bytes[start..<found]))
            start = found + needle.count
        }
        pieces.append(Array(bytes[start...]))
        return pieces
    }

    /// The texts between `pieces` (what ``cut(_:at:)`` made of a render with a placeholder) in
    /// another render of the same code: what stood in each place of the placeholder there; nil
    /// when `bytes` is not made of the pieces in order.
    public static func gaps(between pieces: [[UInt8]], in bytes: [UInt8]) -> [String]? {
        guard let first = pieces.first, bytes.starts(with: first) else { return nil }
        var position = first.count
        var gaps: [String] = []
        for (number, piece) in pieces.enumerated().dropFirst() {
            // A gap runs to the next piece; the last piece ends the bytes.
            let end: Int?
            if number == pieces.count - 1 {
                end =
                    bytes.count >= position + piece.count && bytes.suffix(piece.count).elementsEqual(piece)
                    ? bytes.count - piece.count : nil
            } else {
                end = piece.isEmpty ? nil : find(piece, in: bytes, from: position)
            }
            guard let end, end >= position else { return nil }
            gaps.append(String(decoding: bytes[position..<end], as: UTF8.self))
            position = end + piece.count
        }
        return gaps
    }

    /// Whether every occurrence of `text` in highlighted HTML lies inside a string or comment
    /// token (the innermost open span is `hl-string` or `hl-comment`).
    public static func isOnlyInStringsOrComments(_ text: String, in html: String) -> Bool {
        let bytes = Array(html.utf8)
        let needle = Array(text.utf8)
        let open = Array("<span class=\"".utf8)
        let close = Array("</span>".utf8)
        var spans: [Substring] = []
        var index = 0
        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count
                && bytes[position..<(position + pattern.count)].elementsEqual(pattern)
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), matches(open, at: index) {
                let classStart = index + open.count
                guard let quote = bytes[classStart...].firstIndex(of: UInt8(ascii: "\"")) else { return false }
                spans.append(Substring(String(decoding: bytes[classStart..<quote], as: UTF8.self)))
                index = quote
            } else if bytes[index] == UInt8(ascii: "<"), matches(close, at: index) {
                _ = spans.popLast()
                index += close.count
            } else if matches(needle, at: index) {
                guard spans.last == "hl-string" || spans.last == "hl-comment" else { return false }
                index += needle.count
            } else {
                index += 1
            }
        }
        return true
    }
}
