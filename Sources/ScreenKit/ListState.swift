/// Selection and scroll offset of a list or table over virtual rows.
public struct ListState: Equatable, Sendable {
    /// Index of the selected row (0 when the list is empty).
    public var selected: Int
    /// Index of the first visible row.
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) { self.selected = selected; self.offset = offset }

    /// Keeps `selected` within `rowCount` and visible in a window of `visibleRows`.
    public mutating func clamp(rowCount: Int, visibleRows: Int) {
        guard rowCount > 0 else { selected = 0; offset = 0; return }
        selected = min(max(0, selected), rowCount - 1)
        let v = max(1, visibleRows)
        if selected < offset { offset = selected }
        if selected >= offset + v { offset = selected - v + 1 }
        offset = min(max(0, offset), max(0, rowCount - v))
    }

    public mutating func move(by delta: Int, rowCount: Int, visibleRows: Int) {
        selected += delta; clamp(rowCount: rowCount, visibleRows: visibleRows)
    }
    public mutating func pageDown(rowCount: Int, visibleRows: Int) {
        let v = max(1, visibleRows)
        selected += v; offset += v; clamp(rowCount: rowCount, visibleRows: v)
    }
    public mutating func pageUp(rowCount: Int, visibleRows: Int) {
        let v = max(1, visibleRows)
        selected -= v; offset = max(0, offset - v); clamp(rowCount: rowCount, visibleRows: v)
    }
    /// `g`: first row.
    public mutating func top(rowCount: Int, visibleRows: Int) {
        selected = 0; offset = 0; clamp(rowCount: rowCount, visibleRows: visibleRows)
    }
    /// `G`: last row.
    public mutating func bottom(rowCount: Int, visibleRows: Int) {
        selected = rowCount - 1; clamp(rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Applies a navigation key (↑/↓, j/k, PgUp/PgDn, g/G, Home/End, wheel). Returns true when handled.
    @discardableResult
    public mutating func handle(_ key: KeyEvent, rowCount: Int, visibleRows: Int) -> Bool {
        switch key {
        case .up, .char("k"): move(by: -1, rowCount: rowCount, visibleRows: visibleRows)
        case .down, .char("j"): move(by: 1, rowCount: rowCount, visibleRows: visibleRows)
        case .pageUp: pageUp(rowCount: rowCount, visibleRows: visibleRows)
        case .pageDown: pageDown(rowCount: rowCount, visibleRows: visibleRows)
        case .home, .char("g"): top(rowCount: rowCount, visibleRows: visibleRows)
        case .end, .char("G"): bottom(rowCount: rowCount, visibleRows: visibleRows)
        case .mouse(_, _, 4): move(by: -3, rowCount: rowCount, visibleRows: visibleRows)
        case .mouse(_, _, 5): move(by: 3, rowCount: rowCount, visibleRows: visibleRows)
        default: return false
        }
        return true
    }
}
