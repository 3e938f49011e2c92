import RelayHighlight
import Testing

@Test func unknownLanguagesAreNotHighlighted() {
    #expect(SyntaxHighlighter.highlight("x", language: "cobol") == nil)
}
