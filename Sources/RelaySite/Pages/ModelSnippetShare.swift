import Foundation
import RelayCatalog
import RelayHighlight
import RelaySnippets

/// Snippet blocks made once per model *shape* and reused for every model of that shape.
///
/// A site with model pages has a snippet block per model and protocol, and models copied from one
/// another (the same protocols, features and reasoning) get blocks that differ only where the
/// model id is written. So, as the snippet API does for keys (`SnippetAnswerCache` in
/// RelayServer), a block is rendered once for a stand-in model of the shape whose id is a random
/// placeholder, cut where the placeholder stands, and each model's id is written into the cuts.
///
/// A shape is shared only when all of this holds, else its blocks are rendered in full:
/// - in the highlighted HTML every placeholder lies inside a string or comment token, where a
///   highlighter looks at none of the characters an id here may have;
/// - each cut's text, in a render with a second id, is that id as one way of writing it gives it
///   (an escaper chain of ``Escapers``, after the percent-encoding of URL paths or not, then HTML
///   in highlighted code), and the cuts filled that way give that render byte for byte;
/// - the first model of the shape seen, rendered in full with the real catalog, is what the cuts
///   give for its id (the stand-in model has a name and vendor of its own, so this also proves
///   that the block does not depend on them).
///
/// Ids are filled in only when they are ASCII letters, digits, `-`, `_` and `.` (starting with a
/// letter or digit), with at most a few of `:`, `@`, `/`, `+`, `~`, `=` and `,`; for each set of
/// those a shape is rendered once more with a probe id holding exactly them (alone, in every pair
/// and at the end), and ids with that set are filled in only if the cuts reproduce the probe's
/// render byte for byte. Other ids (quotes, backslashes, `$`, spaces, non-ASCII, per-protocol ids)
/// are rendered in full.
final class ModelSnippetShare: @unchecked Sendable {
    typealias Made = (html: String, markdown: String)

    /// What a block depends on apart from the model id: its other attributes, prompt and place,
    /// and the catalog's model with its id, name and vendor blanked.
    private struct Shape: Hashable {
        var words: [String]
        var prompt: String
        var group: Int
        var model: Model
    }

    /// A block rendered for the placeholder, cut where it stands (the HTML and the twin's Markdown).
    /// The pieces are strings: a block filled from them is joined from valid UTF-8 and not
    /// checked again (that check of every filled block was a fortieth of a build with 300 models).
    private struct Cuts {
        var html: [String]
        var markdown: [String]
    }

    /// The way each cut of a shape writes an id, for ids with one set of characters beyond the
    /// plain ones.
    private struct Writers {
        var html: [Writer]
        var markdown: [Writer]
    }

    private struct Entry {
        var cuts: Cuts
        /// By the set of extra characters (`""` for plain ids); nil when ids with it are rendered in full.
        var writers: [String: Writers?]
        /// Whether a model of the shape, rendered in full with the real catalog, came out as the
        /// cuts give it; until then every block of the shape is rendered in full and compared.
        var checked = false
    }

    private enum State {
        /// One model had a block of this shape, rendered in full: a shape on one page only (a
        /// recipe's page) costs nothing more.
        case seen(id: String)
        case shared(Entry)
        case unshared
    }

    /// One way a template can write an id into a cut.
    typealias Writer = CutWriter

    /// The placeholder id, random per build so no catalog or template text holds it.
    let placeholder: String
    /// A second plain id, with every kind of plain character, to find each cut's writer.
    let plainProbe: String
    private let standInName: String
    private let standInVendor: String
    /// Every way a template can write an id, in a fixed order (the first that writes a probe's
    /// text is taken).
    let candidates: [Writer]
    private var states: [Shape: State] = [:]
    private let lock = NSLock()
    /// Blocks filled in from cuts, and of those for ids beyond the plain characters (for tests).
    private(set) var hits = 0
    private(set) var extraHits = 0

    /// The characters an id may have beyond letters, digits, `-`, `_` and `.` and still be filled in.
    static let extraCharacters: Set<UInt8> = Set(":@/+~=,".utf8)
    /// At most this many different ones (the probe holds every pair of them).
    static let maximumExtraCharacters = 4
    /// What the placeholders start with: blocks whose text mentions it are rendered in full.
    static let placeholderPrefix = "relaydocsModel"

    init() {
        var generator = SystemRandomNumberGenerator()
        func letters(_ count: Int) -> String {
            let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
            return String((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
        }
        placeholder = Self.placeholderPrefix + "Slot" + letters(24)
        plainProbe = "Mq" + letters(20) + "-4_2.7z"
        standInName = Self.placeholderPrefix + "Name" + letters(12)
        standInVendor = Self.placeholderPrefix + "Vendor" + letters(12)
        candidates = Self.writers(around: placeholder)
    }

    /// Every escaper chain, alone or after the percent-encoding of URL path segments
    /// (``PathSegment``), with the id as it is first, in code and in highlighted HTML.
    static func writers(around placeholder: String) -> [Writer] {
        let chains: [@Sendable (String) -> String] = [{ $0 }] + Escapers.chains
        let encoded = chains.map { chain in { @Sendable (id: String) in chain(PathSegment.encode(id)) } }
        return CutWriter.candidates(around: placeholder, chains: chains + encoded)
    }

    /// The extra characters of an id that can be filled in, in byte order (`""` for a plain id),
    /// or nil when the id must be rendered in full.
    static func extraCharacters(of id: String) -> String? {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, isAlphanumeric(first), bytes.count <= 200 else { return nil }
        var extra = Set<UInt8>()
        for byte in bytes
        where
            !(isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "."))
        {
            guard extraCharacters.contains(byte) else { return nil }
            extra.insert(byte)
        }
        guard extra.count <= maximumExtraCharacters else { return nil }
        return String(decoding: extra.sorted(), as: UTF8.self)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A probe id with exactly the given extra characters: each alone, every ordered pair, and
    /// the last at the end.
    func probe(for extra: String) -> String {
        guard !extra.isEmpty else { return plainProbe }
        let characters = Array(extra)
        var probe = "Pr0b-e_A.9"
        for first in characters {
            probe += "a\(first)b"
            for second in characters { probe += "c\(first)\(second)d" }
        }
        return probe + String(characters)
    }

    /// The block for the model its `model=` attribute names, filled in from its shape's cuts;
    /// nil when it must be rendered in full (then nothing was rendered, or the render was not a
    /// block this can make).
    func render(_ words: [String], prompt: String, generator: SnippetGenerator, group: Int) -> Made? {
        var modelWords: [Int] = []
        var id = ""
        for (index, word) in words.enumerated() where word.hasPrefix("model=") {
            modelWords.append(index)
            // As ``SnippetBlocks/requests(_:prompt:generator:)`` reads it: the last one counts.
            id = String(word.dropFirst("model=".count)).trimmingCharacters(in: ["\"", "'"])
        }
        guard !modelWords.isEmpty, let extra = Self.extraCharacters(of: id),
            !prompt.contains(Self.placeholderPrefix), !words.contains(where: { $0.contains(Self.placeholderPrefix) }),
            let model = generator.catalog.model(id: id), model.protocolModelIDs.isEmpty
        else { return nil }
        var blank = model
        blank.id = ""
        blank.name = ""
        blank.vendor = ""
        var shapeWords = words
        for index in modelWords { shapeWords[index] = "model=" }
        let shape = Shape(words: shapeWords, prompt: prompt, group: group, model: blank)

        var entry: Entry
        switch lock.withLock({ states[shape] }) {
        case .unshared: return nil
        case nil:
            lock.withLock { states[shape] = states[shape] ?? .seen(id: id) }
            return nil
        case .seen(let first) where first == id:
            return nil
        case .shared(let known): entry = known
        case .seen:
            // The shape's first block: cut it at the placeholder and find each cut's writer.
            guard let cuts = cut(shape: shape, model: model, generator: generator),
                let plain = identify(cuts, extra: "", shape: shape, model: model, generator: generator)
            else {
                lock.withLock { states[shape] = .unshared }
                return nil
            }
            entry = Entry(cuts: cuts, writers: ["": plain])
            lock.withLock {
                if case .seen = states[shape] { states[shape] = .shared(entry) }
            }
        }
        let writers: Writers?
        if let known = entry.writers[extra] {
            writers = known
        } else {
            writers = identify(entry.cuts, extra: extra, shape: shape, model: model, generator: generator)
            update(shape) { $0.writers[extra] = .some(writers) }
        }
        let filled = writers.flatMap { Self.fill(entry.cuts, $0, with: id) }
        guard entry.checked else {
            // Proven once against the real catalog: this model in full, and what the cuts give.
            guard let full = try? SnippetBlocks.render(words, prompt: prompt, generator: generator, group: group)
            else { return nil }
            if let filled {
                if filled == full {
                    update(shape) { $0.checked = true }
                } else {
                    lock.withLock { states[shape] = .unshared }
                }
            }
            return full
        }
        guard let filled else { return nil }
        lock.withLock {
            hits += 1
            if !extra.isEmpty { extraHits += 1 }
        }
        return filled
    }

    /// Changes a shared shape's entry.
    private func update(_ shape: Shape, _ change: (inout Entry) -> Void) {
        lock.withLock {
            guard case .shared(var entry) = states[shape] else { return }
            change(&entry)
            states[shape] = .shared(entry)
        }
    }

    /// The shape's block for a stand-in model with `id`, rendered with the catalog plus that model.
    private func standIn(
        id: String, shape: Shape, model: Model, generator: SnippetGenerator
    ) -> Made? {
        var catalog = generator.catalog
        var standIn = model
        standIn.id = id
        standIn.name = standInName
        standIn.vendor = standInVendor
        catalog.models.append(standIn)
        let words = shape.words.map { $0 == "model=" ? "model=" + id : $0 }
        return try? SnippetBlocks.render(
            words, prompt: shape.prompt, generator: SnippetGenerator(catalog: catalog, templates: generator.templates),
            group: shape.group)
    }

    /// The block for the placeholder, cut where it stands; nil when a placeholder in the HTML lies
    /// outside strings and comments.
    private func cut(shape: Shape, model: Model, generator: SnippetGenerator) -> Cuts? {
        guard let made = standIn(id: placeholder, shape: shape, model: model, generator: generator),
            Self.isSafelyPlaced(placeholder, in: made.html)
        else { return nil }
        let needle = Array(placeholder.utf8)
        func pieces(_ text: String) -> [String] {
            HighlightedText.cut(Array(text.utf8), at: needle).map { String(decoding: $0, as: UTF8.self) }
        }
        return Cuts(html: pieces(made.html), markdown: pieces(made.markdown))
    }

    /// Whether every occurrence of `text` in a block's HTML lies inside a string or comment token,
    /// or, in shell code, inside a bare word outside any token with more of the word on both sides
    /// (a URL: `curl https://…/models/ID:generateContent`), where the shell highlighter marks
    /// nothing, since options, numbers and keywords start words.
    static func isSafelyPlaced(_ text: String, in html: String) -> Bool {
        let bytes = Array(html.utf8)
        let needle = Array(text.utf8)
        let span = Array("<span class=\"".utf8)
        let spanEnd = Array("</span>".utf8)
        let code = Array("<code class=\"language-".utf8)
        let codeEnd = Array("</code>".utf8)
        var spans: [Substring] = []
        var language: Substring?
        var index = 0
        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count
                && bytes[position..<(position + pattern.count)].elementsEqual(pattern)
        }
        func isInsideWord(_ byte: UInt8) -> Bool {
            guard byte > 32, byte < 127 else { return false }
            return !"|&;()<>'\"`$\\".utf8.contains(byte)
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), matches(span, at: index) || matches(code, at: index) {
                let isSpan = matches(span, at: index)
                let start = index + (isSpan ? span.count : code.count)
                guard let quote = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return false }
                let name = Substring(String(decoding: bytes[start..<quote], as: UTF8.self))
                if isSpan { spans.append(name) } else { language = name }
                index = quote
            } else if bytes[index] == UInt8(ascii: "<"), matches(spanEnd, at: index) {
                _ = spans.popLast()
                index += spanEnd.count
            } else if bytes[index] == UInt8(ascii: "<"), matches(codeEnd, at: index) {
                language = nil
                index += codeEnd.count
            } else if matches(needle, at: index) {
                let inToken = spans.last == "hl-string" || spans.last == "hl-comment"
                let inWord =
                    spans.isEmpty && language == "bash" && index > 0 && isInsideWord(bytes[index - 1])
                    && index + needle.count < bytes.count && isInsideWord(bytes[index + needle.count])
                guard inToken || inWord else { return false }
                index += needle.count
            } else {
                index += 1
            }
        }
        return true
    }

    /// Each cut's writer, found from the block rendered for the probe of `extra` (between the
    /// cuts stands the probe as each cut's writer wrote it); nil unless the cuts filled with the
    /// probe give that block byte for byte.
    private func identify(
        _ cuts: Cuts, extra: String, shape: Shape, model: Model, generator: SnippetGenerator
    ) -> Writers? {
        let probe = probe(for: extra)
        guard let made = standIn(id: probe, shape: shape, model: model, generator: generator),
            let html = writers(of: cuts.html, writing: probe, in: Array(made.html.utf8), inHTML: true),
            let markdown = writers(of: cuts.markdown, writing: probe, in: Array(made.markdown.utf8), inHTML: false)
        else { return nil }
        let writers = Writers(html: html, markdown: markdown)
        guard let filled = Self.fill(cuts, writers, with: probe), filled == made else { return nil }
        return writers
    }

    private func writers(of pieces: [String], writing probe: String, in bytes: [UInt8], inHTML: Bool) -> [Writer]? {
        guard let gaps = HighlightedText.gaps(between: pieces.map { Array($0.utf8) }, in: bytes) else { return nil }
        var found: [Writer] = []
        for written in gaps {
            guard
                let writer = candidates.first(where: { $0.inHTML == inHTML && $0.write(probe) == written })
            else { return nil }
            found.append(writer)
        }
        return found
    }

    /// The cuts with `id` written in by each cut's writer; nil when a writer cannot write it.
    private static func fill(_ cuts: Cuts, _ writers: Writers, with id: String) -> Made? {
        var written: [Int: String] = [:]
        func join(_ pieces: [String], _ writers: [Writer]) -> String? {
            var text = ""
            text.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count } + (pieces.count - 1) * (id.utf8.count + 8))
            for (index, piece) in pieces.enumerated() {
                if index > 0 {
                    let writer = writers[index - 1]
                    if written[writer.number] == nil {
                        guard let value = writer.write(id) else { return nil }
                        written[writer.number] = value
                    }
                    text += written[writer.number]!
                }
                text += piece
            }
            return text
        }
        guard let html = join(cuts.html, writers.html), let markdown = join(cuts.markdown, writers.markdown) else {
            return nil
        }
        return (html, markdown)
    }
}
