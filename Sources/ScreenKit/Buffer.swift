/// A grid of cells that screens render into; backends draw it (the curses backend draws only the
/// cells that changed since the previous frame).
public struct Buffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { (x >= 0 && x < width && y >= 0 && y < height) ? cells[y * width + x] : .blank }
        set { if x >= 0 && x < width && y >= 0 && y < height { cells[y * width + x] = newValue } }
    }

    /// Writes `text` from (x, y) with `role`, clipped to `maxWidth` columns (and the buffer).
    /// Returns the number of columns written. A wide glyph that would straddle the clip edge is not drawn.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0 && y < height else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // Combining mark or control: attach to the previous cell when it is a mark.
                if col > x, col - 1 < width, !ch.unicodeScalars.allSatisfy({ $0.value < 0x20 }) {
                    var prev = self[col - 1, y]; prev.text.append(ch); self[col - 1, y] = prev
                }
                continue
            }
            if col + w > limit { break }
            if col >= 0 {
                self[col, y] = Cell(text: String(ch), role: role)
                if w == 2 { self[col + 1, y] = Cell(text: "", role: role, isContinuation: true) }
            }
            col += w
        }
        return col - x
    }

    /// Fills `rect` with `char` in `role`.
    public mutating func fill(_ rect: Rect, char: Character = " ", role: Role = .normal) {
        for yy in max(0, rect.y)..<min(height, rect.maxY) {
            for xx in max(0, rect.x)..<min(width, rect.maxX) { self[xx, yy] = Cell(text: String(char), role: role) }
        }
    }

    /// Changes the role of every cell in `rect`, keeping the text (selection highlight).
    public mutating func setRole(_ role: Role, in rect: Rect) {
        for yy in max(0, rect.y)..<min(height, rect.maxY) {
            for xx in max(0, rect.x)..<min(width, rect.maxX) { self[xx, yy].role = role }
        }
    }

    /// The text of row `y` (continuation cells omitted).
    public func rowText(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { let c = self[x, y]; if !c.isContinuation { s += c.text } }
        return s
    }

    /// All rows as text.
    public var text: String { (0..<height).map(rowText).joined(separator: "\n") }
}
