/// GitHub alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` becomes a container of that kind.
public enum Alerts {
    public static let kinds = ["note", "tip", "important", "warning", "caution"]

    /// Turns every alert block quote, at any depth, into a container node.
    public static func apply(to tree: MarkdownTree, labels: ContainerLabels) {
        for quote in tree.document.descendants(ofKind: [.blockQuote]) {
            guard let paragraph = quote.firstChild, paragraph.kind == .paragraph else { continue }
            // libcmark splits "[!NOTE]" into several text nodes ("[", "!NOTE", "]").
            var marker = ""
            var markerNodes: [MarkdownNode] = []
            var node = paragraph.firstChild
            while let current = node, current.kind == .text, marker.count < 16 {
                marker += current.literal ?? ""
                markerNodes.append(current)
                node = current.next
                if marker.hasSuffix("]") { break }
            }
            guard marker.hasPrefix("[!"), marker.hasSuffix("]") else { continue }
            let kind = String(marker.dropFirst(2).dropLast()).lowercased()
            guard kinds.contains(kind) else { continue }
            // The marker must stand alone on its line.
            if let after = node, after.kind != .softBreak, after.kind != .lineBreak { continue }
            for markerNode in markerNodes { markerNode.remove() }
            if let lineBreak = paragraph.firstChild, lineBreak.kind == .softBreak || lineBreak.kind == .lineBreak {
                lineBreak.remove()
            }
            if paragraph.firstChild == nil { paragraph.remove() }
            let container = Containers.block(kind: kind, titleHTML: labels.title(for: kind).htmlEscaped)
            quote.insertBefore(container)
            for child in quote.children { container.append(child) }
            quote.remove()
        }
    }
}
