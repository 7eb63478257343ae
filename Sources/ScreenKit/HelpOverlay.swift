/// The `?` overlay: every binding of the given key maps with its help text, one section per map,
/// in a bordered box centred over the screen. Scrolls when taller than the screen.
public struct HelpOverlay: Sendable {
    public var maps: [KeyMap]
    public var title: String
    public var ascii: Bool

    public init(maps: [KeyMap], title: String = "Help - keys", ascii: Bool = false) {
        self.maps = maps; self.title = title; self.ascii = ascii
    }

    /// The overlay's lines: section headers (`isHeader`) and "keys  help" rows.
    public var lines: [(keys: String, help: String, isHeader: Bool)] {
        var out: [(String, String, Bool)] = []
        for (i, m) in maps.enumerated() {
            if i > 0 { out.append(("", "", false)) }
            out.append((m.name, "", true))
            for b in m.bindings { out.append((HintBar.keysLabel(b.keys, ascii: ascii), b.help, false)) }
        }
        return out
    }

    /// Number of content rows (for scrolling).
    public var lineCount: Int { lines.count }

    public func render(into buffer: inout Buffer, area: Rect, scroll: Int = 0) {
        let ls = lines
        let keyW = min(18, ls.filter { !$0.isHeader }.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let helpW = ls.map { $0.isHeader ? DisplayWidth.of($0.keys) : keyW + 2 + DisplayWidth.of($0.help) }.max() ?? 0
        let box = Layout.centered(area, width: max(helpW, DisplayWidth.of(title) + 2) + 4, height: ls.count + 2)
        let g = Glyphs.forASCII(ascii)
        let inner = Panel(title: title, isFocused: true, ascii: ascii,
                          rightTitle: ls.count > box.height - 2 ? "\(min(ls.count, scroll + box.height - 2))/\(ls.count)" : "")
            .render(into: &buffer, area: box)
        guard !inner.isEmpty else { return }
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let start = min(max(0, scroll), max(0, ls.count - content.height))
        for (r, l) in ls.dropFirst(start).prefix(content.height).enumerated() {
            let y = content.y + r
            if l.isHeader {
                buffer.write(l.keys, x: content.x, y: y, role: .header, maxWidth: content.width)
            } else if !l.keys.isEmpty {
                buffer.write(TextFit.fit(l.keys, width: keyW, ellipsis: g.ellipsis), x: content.x, y: y, role: .hintKey, maxWidth: content.width)
                buffer.write(TextFit.truncate(l.help, to: content.width - keyW - 2, ellipsis: g.ellipsis),
                             x: content.x + keyW + 2, y: y, maxWidth: max(0, content.width - keyW - 2))
            }
        }
    }
}
