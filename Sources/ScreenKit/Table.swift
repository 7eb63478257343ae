/// A scrollable table over virtual rows: only the visible rows are asked for through `row(at:)`.
/// Cells are truncated with an ellipsis to their column width; the selected row is drawn in
/// `selection` (or `selection.unfocused`).
public struct Table {
    public var columns: [TableColumn]
    public var rowCount: Int
    public var row: (Int) -> [Span]
    public var showHeader: Bool
    public var isFocused: Bool
    public var ascii: Bool
    /// Columns between cells.
    public var spacing: Int

    public init(columns: [TableColumn], rowCount: Int, showHeader: Bool = true, isFocused: Bool = true,
                ascii: Bool = false, spacing: Int = 1, row: @escaping (Int) -> [Span]) {
        self.columns = columns; self.rowCount = rowCount; self.row = row; self.showHeader = showHeader
        self.isFocused = isFocused; self.ascii = ascii; self.spacing = spacing
    }

    /// Number of data rows visible in `area`.
    public func visibleRows(in area: Rect) -> Int { max(0, area.height - (showHeader ? 1 : 0)) }

    /// Column widths for a total width.
    public func columnWidths(total: Int) -> [Int] { Layout.sizes(total: total, columns.map(\.width), spacing: spacing) }

    /// Draws the table, first clamping `state` to the rows and the visible window.
    public func render(into buffer: inout Buffer, area: Rect, state: inout ListState) {
        guard !area.isEmpty else { return }
        let g = Glyphs.forASCII(ascii)
        let widths = columnWidths(total: area.width)
        var y = area.y
        if showHeader {
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .header)
            var x = area.x
            for (c, w) in zip(columns, widths) {
                buffer.write(TextFit.fit(c.title, width: w, alignment: c.alignment, ellipsis: g.ellipsis), x: x, y: y, role: .header, maxWidth: w)
                x += w + spacing
            }
            y += 1
        }
        let visible = visibleRows(in: area)
        state.clamp(rowCount: rowCount, visibleRows: visible)
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: visible))
        guard rowCount > 0 else { return }
        for i in state.offset..<min(rowCount, state.offset + visible) {
            let cells = row(i)
            var x = area.x
            for (ci, w) in widths.enumerated() {
                let span = ci < cells.count ? cells[ci] : Span("")
                let align = ci < columns.count ? columns[ci].alignment : .left
                buffer.write(TextFit.fit(span.text, width: w, alignment: align, ellipsis: g.ellipsis), x: x, y: y, role: span.role, maxWidth: w)
                x += w + spacing
            }
            if i == state.selected {
                buffer.setRole(isFocused ? .selection : .selectionUnfocused, in: Rect(x: area.x, y: y, width: area.width, height: 1))
            }
            y += 1
        }
    }

    /// The row index under a mouse click at (x, y), if any.
    public func rowAt(x: Int, y: Int, area: Rect, state: ListState) -> Int? {
        guard area.contains(x: x, y: y) else { return nil }
        let r = y - area.y - (showHeader ? 1 : 0)
        guard r >= 0 else { return nil }
        let i = state.offset + r
        return i < rowCount ? i : nil
    }
}
