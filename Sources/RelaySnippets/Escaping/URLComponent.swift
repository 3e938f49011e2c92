import Foundation

/// Pieces of URLs, for deep links such as `cherrystudio://providers/api-keys?v=1&data=…`.
public enum URLComponent {
    /// The text percent-encoded as UTF-8, every byte but the unreserved characters of RFC 3986
    /// (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `.`, `_`, `~`) written as `%XX`: safe in a path segment,
    /// a query name or a query value, where `+`, `&`, `=` and `#` would otherwise mean something.
    public static func encoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = String(byte, radix: 16, uppercase: true)
                result += "%" + (digits.count == 1 ? "0" : "") + digits
            }
        }
        return result
    }

    /// The text's UTF-8 bytes in standard base64 (RFC 4648, with `+`, `/` and `=` padding), as
    /// `atob` and Python's `base64.b64decode` read it: an intermediate encoding that must still
    /// pass a final escaper, as in `{{urlComponent(base64(parts.config))}}`.
    public static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
