/// HTML escaping of variable values in HTML templates.
///
/// Exactly five characters are replaced, as swift-mustache does (so outputs match it byte for
/// byte): `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`. Everything else,
/// including every non-ASCII character, is copied unchanged.
///
/// ``OutputBuffer`` escapes UTF-8 bytes one by one (the five are ASCII, and no byte of a
/// multi-byte character is ASCII), never characters.
enum HTMLEscaping {
    /// The five bytes as bits of a 64-bit mask (all five are below 64): `"` 34, `&` 38, `'` 39,
    /// `<` 60, `>` 62.
    private static var escapedBytes: UInt64 { 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62 }

    /// The entity that replaces a byte, or nil when it stays.
    @inline(__always)
    static func entity(for byte: UInt8) -> StaticString? {
        guard byte < 64, escapedBytes & (1 << byte) != 0 else { return nil }
        return switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
