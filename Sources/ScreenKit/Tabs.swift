/// A row of tabs (" 1 Cases │ 2 Trials "), with hit-testing for mouse clicks.
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int
    public var ascii: Bool

    public init(titles: [String], selected: Int = 0, ascii: Bool = false) {
        self.titles = titles; self.selected = selected; self.ascii = ascii
    }

    /// The columns every tab and separator takes when all fit.
    public var width: Int { titles.reduce(0) { $0 + DisplayWidth.of($1) + 2 } + max(0, titles.count - 1) }

    /// The cells each tab occupies when drawn in `area` (empty rects for tabs that do not fit).
    public func tabRects(in area: Rect) -> [Rect] {
        var x = area.x
        var out: [Rect] = []
        for t in titles {
            let w = DisplayWidth.of(t) + 2
            if x + w <= area.maxX { out.append(Rect(x: x, y: area.y, width: w, height: 1)) }
            else { out.append(Rect(x: x, y: area.y, width: 0, height: 0)) }
            x += w + 1
        }
        return out
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), role: .tabInactive)
        let sep = Glyphs.forASCII(ascii).tabSeparator
        for (i, r) in tabRects(in: area).enumerated() where !r.isEmpty {
            buffer.write(" " + titles[i] + " ", x: r.x, y: r.y, role: i == selected ? .tabActive : .tabInactive)
            if i + 1 < titles.count, r.maxX < area.maxX { buffer.write(sep, x: r.maxX, y: r.y, role: .tabInactive) }
        }
    }

    /// The tab under (x, y), if any.
    public func hitTest(x: Int, y: Int, area: Rect) -> Int? {
        tabRects(in: area).firstIndex { !$0.isEmpty && $0.contains(x: x, y: y) }
    }
}
