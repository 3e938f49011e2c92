import Foundation
import RelayCatalog

/// Snippet API answers made once per request shape and reused for every key.
///
/// An answer's expensive parts (rendering, highlighting, JSON) do not depend on the key when the
/// key is made only of letters, digits, `-`, `_` and `.` and sits inside string literals or
/// comments: every escaper (Python, Swift, shell, JSON, HTML) leaves such a key as it is, and a
/// highlighter looks inside a string or comment only for quotes, backslashes, `$`, `{` and the
/// like, none of which such a key has. So an answer is rendered once with a placeholder key, cut
/// at the placeholder, and each request's key is put into the cuts. The cache holds no user's key.
///
/// An answer is kept only when, in every snippet's highlighted HTML, each placeholder sits inside
/// a string or comment token; a template that writes the key elsewhere (as a bare shell word,
/// which could be highlighted as a number, an option or a keyword) is rendered in full for each
/// request, as are keys with any other character.
final class SnippetAnswerCache: @unchecked Sendable {
    /// An answer cut where the key goes: key, cuts[1], key, cuts[2], … after cuts[0].
    struct Cuts: Sendable {
        let pieces: [Data]
        /// The bytes of all pieces.
        let size: Int

        init(pieces: [Data]) {
            self.pieces = pieces
            size = pieces.reduce(0) { $0 + $1.count }
        }

        func joined(with key: String) -> Data {
            var key = key
            return key.withUTF8 { keyBytes in
                var bytes = [UInt8]()
                bytes.reserveCapacity(size + keyBytes.count * (pieces.count - 1))
                for (index, piece) in pieces.enumerated() {
                    if index > 0 { bytes.append(contentsOf: keyBytes) }
                    piece.withUnsafeBytes { bytes.append(contentsOf: $0) }
                }
                return Data(bytes)
            }
        }
    }

    private enum Entry {
        case cuts(Cuts)
        /// The answer depends on the key's characters: always render it.
        case uncacheable
    }

    /// The placeholder key, random per cache so no catalog or template text holds it.
    let placeholder: String
    private let capacity: Int
    private var entries: [String: Entry] = [:]
    private let lock = NSLock()
    /// Answers made from cuts (for tests).
    private(set) var hits = 0
    /// Request shapes whose answers depend on the key's characters (for tests).
    var uncacheableShapes: Int {
        lock.withLock { entries.values.filter { if case .uncacheable = $0 { true } else { false } }.count }
    }

    init(capacity: Int = 512) {
        self.capacity = capacity
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        placeholder = "relaydocsKeySlot" + String((0..<24).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// Whether a key's characters pass every escaper unchanged.
    static func isPlain(_ key: String) -> Bool {
        key.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                true
            default: false
            }
        }
    }

    /// The answer for `key`, from the cache when its shape was seen, else from `render` (called
    /// with the placeholder to fill the cache, or with the key itself when it cannot be cut).
    /// `render` also returns each snippet's highlighted HTML.
    func answer(
        shape: String, key: String, avoiding values: [String], render: (String) -> (SnippetAPI.Answer, [String])
    ) -> SnippetAPI.Answer {
        guard Self.isPlain(key), !values.contains(where: Self.mentionsPlaceholder) else {
            return render(key).0
        }
        lock.lock()
        let known = entries[shape]
        if case .cuts = known { hits += 1 }
        lock.unlock()
        switch known {
        case .cuts(let cuts): return SnippetAPI.Answer(status: 200, body: cuts.joined(with: key))
        case .uncacheable: return render(key).0
        case nil: break
        }
        let (answer, html) = render(placeholder)
        guard answer.status == 200 else { return render(key).0 }
        let cuts = Self.cut(answer.body, at: placeholder)
        let entry: Entry =
            cuts.pieces.count > 1 && html.allSatisfy { Self.isOnlyInStringsOrComments(placeholder, in: $0) }
            ? .cuts(cuts) : .uncacheable
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[shape] = entry
        lock.unlock()
        if case .cuts(let cuts) = entry { return SnippetAPI.Answer(status: 200, body: cuts.joined(with: key)) }
        return render(key).0
    }

    /// Whether a request value holds text that starts like a placeholder (then the answer is
    /// rendered in full, so no value is mistaken for the key). A byte search: Foundation's
    /// `contains` was a tenth of an answer from cuts.
    static func mentionsPlaceholder(_ value: String) -> Bool {
        let needle = Array("relaydocsKeySlot".utf8)
        let bytes = Array(value.utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Whether every occurrence of `text` in highlighted HTML lies inside a string or comment
    /// token (the innermost open span is `hl-string` or `hl-comment`).
    static func isOnlyInStringsOrComments(_ text: String, in html: String) -> Bool {
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

    /// Cuts `data` at every occurrence of `placeholder`.
    static func cut(_ data: Data, at placeholder: String) -> Cuts {
        let needle = Array(placeholder.utf8)
        let bytes = [UInt8](data)
        var pieces: [Data] = []
        var start = 0
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                pieces.append(Data(bytes[start..<index]))
                index += needle.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(Data(bytes[start...]))
        return Cuts(pieces: pieces)
    }
}
