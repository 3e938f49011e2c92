/// HTML escaping of variable values in HTML templates.
///
/// Exactly five characters are replaced, as swift-mustache does (so outputs match it byte for
/// byte): `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`. Everything else,
/// including every non-ASCII character, is copied unchanged.
///
/// ``OutputBuffer/appendEscapingHTML(_:)-(UnsafeBufferPointer<UInt8>)`` scans the UTF-8 bytes (the
/// five are ASCII, and no byte of a multi-byte character is ASCII) and copies each unchanged run
/// in one piece.
enum HTMLEscaping {
    /// Whether a byte can be one of the five: all are at most `>` (0x3E).
    @inline(__always)
    static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        byte <= UInt8(ascii: ">")
    }

    /// The entity that replaces a byte, or nil when it stays.
    @inline(__always)
    static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
