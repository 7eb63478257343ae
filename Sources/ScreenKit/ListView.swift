/// A scrollable list over virtual rows: each row is a line of spans; only visible rows are asked for.
public struct ListView {
    public var rowCount: Int
    public var row: (Int) -> [Span]
    public var isFocused: Bool
    public var ascii: Bool

    public init(rowCount: Int, isFocused: Bool = true, ascii: Bool = false, row: @escaping (Int) -> [Span]) {
        self.rowCount = rowCount; self.row = row; self.isFocused = isFocused; self.ascii = ascii
    }

    public func render(into buffer: inout Buffer, area: Rect, state: inout ListState) {
        guard !area.isEmpty else { return }
        state.clamp(rowCount: rowCount, visibleRows: area.height)
        buffer.fill(area)
        guard rowCount > 0 else { return }
        let g = Glyphs.forASCII(ascii)
        for (r, i) in (state.offset..<min(rowCount, state.offset + area.height)).enumerated() {
            let y = area.y + r
            let spans = row(i)
            let total = spans.reduce(0) { $0 + $1.width }
            if total > area.width {
                let ew = DisplayWidth.of(g.ellipsis)
                let used = buffer.write(spans: spans, x: area.x, y: y, maxWidth: max(0, area.width - ew))
                buffer.write(g.ellipsis, x: area.x + used, y: y, role: spans.last?.role ?? .normal, maxWidth: area.width - used)
            } else {
                buffer.write(spans: spans, x: area.x, y: y, maxWidth: area.width)
            }
            if i == state.selected {
                buffer.setRole(isFocused ? .selection : .selectionUnfocused, in: Rect(x: area.x, y: y, width: area.width, height: 1))
            }
        }
    }

    /// The row index under a mouse click, if any.
    public func rowAt(x: Int, y: Int, area: Rect, state: ListState) -> Int? {
        guard area.contains(x: x, y: y) else { return nil }
        let i = state.offset + (y - area.y)
        return i < rowCount ? i : nil
    }
}
