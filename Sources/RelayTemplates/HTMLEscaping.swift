/// HTML escaping of variable values in HTML templates.
///
/// Exactly five characters are replaced, as swift-mustache does (so outputs match it byte for
/// byte): `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`. Everything else,
/// including every non-ASCII character, is copied unchanged.
enum HTMLEscaping {
    /// Appends `text` to `output` with the five characters replaced.
    ///
    /// Scans UTF-8 bytes (the five are ASCII, and no byte of a multi-byte character is ASCII)
    /// and copies each unchanged run in one append.
    static func append(_ text: String, to output: inout String) {
        let utf8 = text.utf8
        let handled: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                // `>` (0x3E) is the largest of the five.
                guard byte <= UInt8(ascii: ">"), let replacement = replacement(for: byte) else { continue }
                if runStart < index {
                    appendRun(of: text, from: runStart, to: index, to: &output)
                }
                output.append(replacement)
                runStart = index + 1
            }
            if runStart == 0 {
                output.append(text)
            } else if runStart < bytes.count {
                appendRun(of: text, from: runStart, to: bytes.count, to: &output)
            }
        }
        if handled == nil {
            // Not stored as contiguous UTF-8 (a bridged string): escape a native copy.
            var copy = text
            copy.makeContiguousUTF8()
            append(copy, to: &output)
        }
    }

    /// `text` with the five characters replaced.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        append(text, to: &output)
        return output
    }

    @inline(__always)
    private static func replacement(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// Appends the UTF-8 bytes `start..<end` of `text` (boundaries at ASCII bytes, so whole
    /// characters' scalars) without decoding them again.
    @inline(__always)
    private static func appendRun(of text: String, from start: Int, to end: Int, to output: inout String) {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(lower, offsetBy: end - start)
        output.append(contentsOf: Substring(utf8[lower..<upper]))
    }
}
