import Foundation
import RelayMarkdown
import Testing

@Suite("Markdown extensions")
struct ExtensionTests {
    let safe = MarkdownRenderer()
    let unsafe = MarkdownRenderer(allowsRawHTML: true)

    /// HTML with the whitespace between tags removed.
    func compact(_ html: String) -> String {
        var text = html
        while let range = text.range(of: #">\s+<"#, options: .regularExpression) {
            text.replaceSubrange(range, with: "><")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Tables

    @Test func tableWithAlignmentAndInlineMarkdown() {
        let html = safe.html("| Name | Value |\n|:-----|------:|\n| *a* | `b\\|c` |\n")
        #expect(
            compact(html)
                == "<table><thead><tr><th align=\"left\">Name</th><th align=\"right\">Value</th></tr></thead><tbody><tr><td align=\"left\"><em>a</em></td><td align=\"right\"><code>b|c</code></td></tr></tbody></table>"
        )
    }

    @Test("a table can start after paragraph lines, and cells stay inline")
    func tableAfterParagraph() {
        let html = safe.html("Intro line\n| a | b |\n| - | - |\n| # not a heading | - not a list |\n")
        #expect(compact(html).hasPrefix("<p>Intro line</p><table>"))
        #expect(html.contains("<td># not a heading</td>"))
        #expect(html.contains("<td>- not a list</td>"))
    }

    @Test func tableInsideABlockQuote() {
        let html = safe.html("> | a | b |\n> | --- | --- |\n> | 1 | 2 |\n")
        #expect(
            compact(html)
                == "<blockquote><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></blockquote>"
        )
    }

    @Test("a pipe line without a matching delimiter row stays a paragraph")
    func notATable() {
        #expect(compact(safe.html("a | b\nc | d\n")) == "<p>a | b\nc | d</p>")
        #expect(compact(safe.html("| a | b |\n| --- |\n")).hasPrefix("<p>"))
    }

    @Test("raw HTML in a cell is omitted in safe mode")
    func tableCellsAreSafe() {
        let html = safe.html("| a |\n| - |\n| <script>x</script> |\n")
        #expect(!html.contains("<script>"))
        #expect(unsafe.html("| a |\n| - |\n| <b>x</b> |\n").contains("<b>x</b>"))
    }

    // MARK: Containers

    @Test(arguments: ["tip", "info", "warning", "danger"])
    func containerKinds(kind: String) {
        let html = safe.html("::: \(kind)\nSome *text*.\n:::\n")
        #expect(
            compact(html)
                == "<div class=\"custom-block \(kind)\"><p class=\"custom-block-title\">\(ContainerLabels().title(for: kind))</p><p>Some <em>text</em>.</p></div>"
        )
    }

    @Test func containerWithTitleAndBlocks() {
        let html = safe.html("::: warning Mind the `/v1`\n- one\n- two\n\n```python\nx = 1\n```\n:::\n\nafter\n")
        #expect(html.contains("<p class=\"custom-block-title\">Mind the <code>/v1</code></p>"))
        #expect(
            compact(html).contains(
                "<ul><li>one</li><li>two</li></ul><pre><code class=\"language-python\">x = 1\n</code></pre></div><p>after</p>"
            ))
    }

    @Test func detailsAndNesting() {
        let html = safe.html("::: details Show more\nouter\n::: tip\ninner\n:::\n:::\n")
        #expect(
            compact(html)
                == "<details class=\"custom-block details\"><summary>Show more</summary><p>outer</p><div class=\"custom-block tip\"><p class=\"custom-block-title\">TIP</p><p>inner</p></div></details>"
        )
    }

    @Test("markers inside fenced code are code")
    func markersInCode() {
        let html = safe.html("```\n::: tip\n:::\n```\n")
        #expect(compact(html) == "<pre><code>::: tip\n:::\n</code></pre>")
    }

    @Test("an unclosed container is reported with its line and left as text")
    func unclosedContainer() {
        let parsed = safe.parse("text\n\n::: tip\nnever closed\n")
        #expect(
            parsed.diagnostics == [
                MarkdownRenderer.Diagnostic(line: 3, message: "the container opened here is never closed with :::")
            ])
        #expect(parsed.tree.html().contains("::: tip"))
    }

    @Test func localizedDefaultTitles() {
        let renderer = MarkdownRenderer(labels: ContainerLabels(titles: ["tip": "提示"]))
        #expect(renderer.html("::: tip\nx\n:::\n").contains("<p class=\"custom-block-title\">提示</p>"))
    }

    // MARK: Alerts

    @Test(arguments: ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"])
    func alertKinds(kind: String) {
        let html = safe.html("> [!\(kind)]\n> Be careful\n> here.\n")
        #expect(
            compact(html)
                == "<div class=\"custom-block \(kind.lowercased())\"><p class=\"custom-block-title\">\(ContainerLabels().title(for: kind.lowercased()))</p><p>Be careful\nhere.</p></div>"
        )
    }

    @Test("a quote that merely starts with [!NOTE] text is a quote")
    func notAnAlert() {
        #expect(compact(safe.html("> [!NOTE] inline\n")) == "<blockquote><p>[!NOTE] inline</p></blockquote>")
        #expect(compact(safe.html("> [!UNKNOWN]\n> x\n")).hasPrefix("<blockquote>"))
    }

    // MARK: Safety

    @Test("authors' raw HTML is omitted by default and passes with --unsafe")
    func rawHTML() {
        #expect(safe.html("<script>alert(1)</script>\n") == "<!-- raw HTML omitted -->\n")
        #expect(safe.html("[x](javascript:alert(1))\n") == "<p><a href=\"\">x</a></p>\n")
        #expect(unsafe.html("<b>bold</b>\n") == "<p><b>bold</b></p>\n")
    }

    @Test("a container title cannot smuggle raw HTML in safe mode")
    func containerTitleIsSafe() {
        #expect(!safe.html("::: tip <img src=x onerror=alert(1)>\nx\n:::\n").contains("<img"))
    }
}

@Test("a NUL byte does not end the document; the empty document parses")
func nulBytes() {
    let html = MarkdownRenderer().html("before \u{0} after\n")
    #expect(html == "<p>before \u{FFFD} after</p>\n")
    #expect(MarkdownRenderer().html("") == "")
}
