/// A bordered box with a title. The border is drawn in `border.focused` when focused.
public struct Panel: Sendable {
    public var title: String
    public var isFocused: Bool
    public var ascii: Bool
    /// Text at the right of the top border (e.g. "3/120").
    public var rightTitle: String

    public init(title: String = "", isFocused: Bool = false, ascii: Bool = false, rightTitle: String = "") {
        self.title = title; self.isFocused = isFocused; self.ascii = ascii; self.rightTitle = rightTitle
    }

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect { area.inset(1) }

    /// Draws the panel (clearing its inside) and returns the inner area.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let g = Glyphs.forASCII(ascii)
        let role: Role = isFocused ? .borderFocused : .border
        buffer.fill(area.inset(1))
        let h = String(g.horizontal), v = String(g.vertical)
        for x in area.x + 1..<area.maxX - 1 {
            buffer.write(h, x: x, y: area.y, role: role)
            buffer.write(h, x: x, y: area.maxY - 1, role: role)
        }
        for y in area.y + 1..<area.maxY - 1 {
            buffer.write(v, x: area.x, y: y, role: role)
            buffer.write(v, x: area.maxX - 1, y: y, role: role)
        }
        buffer.write(String(g.topLeft), x: area.x, y: area.y, role: role)
        buffer.write(String(g.topRight), x: area.maxX - 1, y: area.y, role: role)
        buffer.write(String(g.bottomLeft), x: area.x, y: area.maxY - 1, role: role)
        buffer.write(String(g.bottomRight), x: area.maxX - 1, y: area.maxY - 1, role: role)
        var rightUsed = 0
        if !rightTitle.isEmpty, area.width >= 8 {
            let t = TextFit.truncate(rightTitle, to: (area.width - 4) / 2, ellipsis: g.ellipsis)
            rightUsed = DisplayWidth.of(t) + 2
            buffer.write(" " + t + " ", x: area.maxX - 1 - rightUsed, y: area.y, role: role)
        }
        if !title.isEmpty, area.width > 4 {
            let t = TextFit.truncate(title, to: area.width - 4 - rightUsed, ellipsis: g.ellipsis)
            if !t.isEmpty { buffer.write(" " + t + " ", x: area.x + 1, y: area.y, role: isFocused ? .title : role) }
        }
        return area.inset(1)
    }
}
