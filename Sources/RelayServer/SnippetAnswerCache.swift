import Foundation
import RelayCatalog
import RelayHighlight
import RelaySite
import RelaySnippets

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
/// request.
///
/// A key with other characters (quotes, backslashes, `$`) is escaped differently at each cut: by
/// the escaper its template called there (``Escapers``), then for the HTML and the JSON of the
/// answer. When a shape is first seen, its answer is also rendered with a probe key holding every
/// visible ASCII punctuation character and the sequences escapers treat specially; each cut's
/// text is matched to the one escaper chain that writes it, and the cuts are used for such keys
/// only if, filled that way, they give the probe's answer byte for byte. Otherwise those keys are
/// rendered in full, as before.
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

    /// How a key that needs escaping is written at each cut of a shape: the escaper chain the
    /// template applied there, then HTML (in highlighted code) and JSON, as one function that
    /// returns nil when the chain would write the key between other delimiters than the
    /// placeholder's (a quote chosen by content, say): then the key is rendered in full.
    struct KeyWriters: Sendable {
        let writers: [Writer]
        /// One more than the largest writer number: a slot for each writer's text.
        private let slots: Int

        init(writers: [Writer]) {
            self.writers = writers
            slots = (writers.map(\.number).max() ?? -1) + 1
        }

        func joined(_ cuts: Cuts, with key: String) -> Data? {
            // Most cuts share a writer (the key in each snippet's code, and in its HTML): each
            // writer writes the key once.
            var written = [[UInt8]?](repeating: nil, count: slots)
            var bytes = [UInt8]()
            bytes.reserveCapacity(cuts.size + key.utf8.count * 2 * writers.count)
            for (index, piece) in cuts.pieces.enumerated() {
                if index > 0 {
                    let writer = writers[index - 1]
                    if written[writer.number] == nil {
                        guard let text = writer.writeInJSON(key) else { return nil }
                        written[writer.number] = text
                    }
                    bytes.append(contentsOf: written[writer.number]!)
                }
                piece.withUnsafeBytes { bytes.append(contentsOf: $0) }
            }
            return Data(bytes)
        }
    }

    /// One way a template can write a key into a cut (``CutWriter``).
    typealias Writer = CutWriter

    private enum Entry {
        /// The answer's cuts; `writers` when keys that need escaping can be written into them.
        case cuts(Cuts, writers: KeyWriters?)
        /// The answer depends on the key's characters: always render it.
        case uncacheable
    }

    /// The probe key: every visible ASCII punctuation character, and sequences that escapers of
    /// some language treat apart (interpolation, comment and script ends, triple quotes).
    static let probe = ##"sk-Probe0!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~${x}\(y)#{z}*/</script>{{w}}'''"""\u\n%s"##

    /// Every way a template can write a key: each final escaper, alone or after an intermediate
    /// one, in code or in highlighted HTML; in a fixed order, so the first that writes the probe's
    /// text is the same one every run.
    let candidateWriters: [Writer]

    static func writers(around placeholder: String) -> [Writer] {
        CutWriter.candidates(around: placeholder, chains: Escapers.chains)
    }

    /// The placeholder key, random per cache so no catalog or template text holds it.
    let placeholder: String
    /// Another plain key, to check that the cuts give what a render gives.
    private let otherPlaceholder: String
    private let capacity: Int
    private var entries: [String: Entry] = [:]
    private let lock = NSLock()
    /// Answers made from cuts (for tests).
    private(set) var hits = 0
    /// Of those, answers for keys that needed escaping (for tests).
    private(set) var escapedHits = 0
    /// Request shapes whose answers depend on the key's characters (for tests).
    var uncacheableShapes: Int {
        lock.withLock { entries.values.filter { if case .uncacheable = $0 { true } else { false } }.count }
    }

    init(capacity: Int = 512) {
        self.capacity = capacity
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        placeholder = "relaydocsKeySlot" + String((0..<24).map { _ in alphabet.randomElement(using: &generator)! })
        otherPlaceholder = "sk-" + String((0..<37).map { _ in alphabet.randomElement(using: &generator)! })
        candidateWriters = Self.writers(around: placeholder)
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
        guard !values.contains(where: Self.mentionsPlaceholder) else { return render(key).0 }
        let plain = Self.isPlain(key)
        lock.lock()
        let known = entries[shape]
        if case .cuts = known, plain { hits += 1 }
        lock.unlock()
        switch known {
        case .cuts(let cuts, let writers):
            if plain { return SnippetAPI.Answer(status: 200, body: cuts.joined(with: key)) }
            if let body = writers?.joined(cuts, with: key) {
                lock.withLock {
                    hits += 1
                    escapedHits += 1
                }
                return SnippetAPI.Answer(status: 200, body: body)
            }
            return render(key).0
        case .uncacheable: return render(key).0
        case nil: break
        }
        let (answer, html) = render(placeholder)
        guard answer.status == 200 else { return render(key).0 }
        let cuts = Self.cut(answer.body, at: placeholder)
        var entry = Entry.uncacheable
        // A second plain key must come out of the cuts exactly as rendered: a template that
        // transforms the key (a base64 deep link) holds it where no cut is.
        if cuts.pieces.count > 1 && html.allSatisfy({ Self.isOnlyInStringsOrComments(placeholder, in: $0) })
            && render(otherPlaceholder).0.body == cuts.joined(with: otherPlaceholder)
        {
            let probed = render(Self.probe).0
            let writers = probed.status == 200 ? writers(for: cuts, writing: Self.probe, as: probed.body) : nil
            entry = .cuts(cuts, writers: writers)
        }
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[shape] = entry
        lock.unlock()
        switch entry {
        case .cuts(let cuts, _) where plain: return SnippetAPI.Answer(status: 200, body: cuts.joined(with: key))
        case .cuts(let cuts, let writers?):
            if let body = writers.joined(cuts, with: key) { return SnippetAPI.Answer(status: 200, body: body) }
            return render(key).0
        default: return render(key).0
        }
    }

    /// The writer of each cut, found from the answer rendered with `probe` (the text between the
    /// cuts is the probe as each cut's escaper chain wrote it); nil unless exactly that answer
    /// comes back when the cuts are filled with them.
    func writers(for cuts: Cuts, writing probe: String, as answer: Data) -> KeyWriters? {
        guard let gaps = HighlightedText.gaps(between: cuts.pieces.map { [UInt8]($0) }, in: [UInt8](answer)) else {
            return nil
        }
        var writers: [Writer] = []
        for written in gaps {
            guard let writer = candidateWriters.first(where: { $0.writeInJSON(probe) == Array(written.utf8) }) else {
                return nil
            }
            writers.append(writer)
        }
        let found = KeyWriters(writers: writers)
        return found.joined(cuts, with: probe) == answer ? found : nil
    }

    /// Where `needle` (not empty) first occurs in `bytes` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        HighlightedText.find(needle, in: bytes, from: start)
    }

    /// Whether a request value holds text that starts like a placeholder (then the answer is
    /// rendered in full, so no value is mistaken for the key). A byte search: Foundation's
    /// `contains` was a tenth of an answer from cuts.
    static func mentionsPlaceholder(_ value: String) -> Bool {
        find(Array("relaydocsKeySlot".utf8), in: Array(value.utf8), from: 0) != nil
    }

    /// Whether every occurrence of `text` in highlighted HTML lies inside a string or comment token.
    static func isOnlyInStringsOrComments(_ text: String, in html: String) -> Bool {
        HighlightedText.isOnlyInStringsOrComments(text, in: html)
    }

    /// Cuts `data` at every occurrence of `placeholder`.
    static func cut(_ data: Data, at placeholder: String) -> Cuts {
        let needle = Array(placeholder.utf8)
        let bytes = [UInt8](data)
        var pieces: [Data] = []
        var start = 0
        while let found = find(needle, in: bytes, from: start) {
            pieces.append(Data(bytes[start..<found]))
            start = found + needle.count
        }
        pieces.append(Data(bytes[start...]))
        return Cuts(pieces: pieces)
    }
}

extension CutWriter {
    /// The key as a cut of a JSON answer holds it: inside a JSON string, as bytes.
    fileprivate func writeInJSON(_ key: String) -> [UInt8]? {
        guard let text = write(key) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 8)
        JSONText.appendEscaped(text, to: &output)
        return output
    }
}
