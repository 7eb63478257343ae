import ScreenKit

/// A bordered panel showing styled lines from a scroll offset, with "first–last/total" on the border
/// when the lines do not fit. Lines wider than the panel are cut with an ellipsis.
struct LinesPanel {
    var title: String
    var lines: [[Span]]
    var isFocused: Bool
    var ascii: Bool

    /// Draws the panel; returns the scroll offset actually used (clamped).
    @discardableResult
    func render(into buffer: inout Buffer, area: Rect, scroll: Int) -> Int {
        let innerH = max(0, area.height - 2)
        let start = min(max(0, scroll), max(0, lines.count - innerH))
        let right = lines.count > innerH ? "\(start + 1)-\(min(lines.count, start + innerH))/\(lines.count)" : ""
        let inner = Panel(title: title, isFocused: isFocused, ascii: ascii, rightTitle: right).render(into: &buffer, area: area)
        guard !inner.isEmpty else { return start }
        let content = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 1), height: inner.height)
        LinesPanel.draw(lines, from: start, into: &buffer, area: content, ascii: ascii)
        return start
    }

    static func draw(_ lines: [[Span]], from start: Int, into buffer: inout Buffer, area: Rect, ascii: Bool) {
        let ellipsis = ascii ? "~" : "…"
        for (r, spans) in lines.dropFirst(start).prefix(area.height).enumerated() {
            let y = area.y + r
            let total = spans.reduce(0) { $0 + $1.width }
            if total > area.width {
                let used = buffer.write(spans: spans, x: area.x, y: y, maxWidth: max(0, area.width - 1))
                buffer.write(ellipsis, x: area.x + used, y: y, role: .muted, maxWidth: 1)
            } else {
                buffer.write(spans: spans, x: area.x, y: y, maxWidth: area.width)
            }
        }
    }

    /// Wraps a plain text into lines of one role, with an indent on continuation lines.
    static func wrapped(_ text: String, width: Int, role: Role = .normal, indent: Int = 0, first: [Span] = []) -> [[Span]] {
        let firstW = first.reduce(0) { $0 + $1.width }
        let avail = max(10, width - max(firstW, indent))
        let parts = WrappedText.wrap(text, width: avail)
        var out: [[Span]] = []
        for (i, p) in parts.enumerated() {
            if i == 0 { out.append(first + [Span(p, role: role)]) }
            else { out.append([Span(String(repeating: " ", count: max(firstW, indent))), Span(p, role: role)]) }
        }
        return out.isEmpty ? [first] : out
    }
}
