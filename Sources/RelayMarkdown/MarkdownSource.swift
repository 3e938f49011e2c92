/// Markdown text with its lines, as the extensions that need the raw source see it.
///
/// libcmark keeps no raw text for paragraphs, so tables read their lines from here through the
/// paragraph's source position.
public struct MarkdownSource: Sendable {
    /// The text as written.
    public let text: String
    /// The lines as UTF-8 bytes, without their line endings; line 1 is `lines[0]`.
    public let lines: [ArraySlice<UInt8>]

    /// Splits `text` into lines on `\n`, `\r\n` and `\r`, at the byte level.
    public init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(bytes[start..<index])
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append(bytes[start..<bytes.count]) }
        self.lines = lines
    }
}
