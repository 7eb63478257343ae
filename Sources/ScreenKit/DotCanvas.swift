/// A canvas of dots drawn into cells: in braille mode each cell holds 2×4 dots (U+2800…U+28FF);
/// in ASCII mode each cell is one dot drawn as `asciiDot`.
public struct DotCanvas: Sendable {
    public let width: Int, height: Int
    public let braille: Bool
    public var asciiDot: Character
    private var bits: [UInt8]
    private var roles: [Role?]

    public init(width: Int, height: Int, braille: Bool, asciiDot: Character = ".") {
        self.width = max(0, width); self.height = max(0, height); self.braille = braille; self.asciiDot = asciiDot
        bits = Array(repeating: 0, count: self.width * self.height)
        roles = Array(repeating: nil, count: self.width * self.height)
    }

    /// Dots across and down.
    public var dotsWide: Int { width * (braille ? 2 : 1) }
    public var dotsHigh: Int { height * (braille ? 4 : 1) }

    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    public mutating func set(dotX: Int, dotY: Int, role: Role) {
        guard dotX >= 0, dotY >= 0, dotX < dotsWide, dotY < dotsHigh else { return }
        let cx = braille ? dotX / 2 : dotX, cy = braille ? dotY / 4 : dotY
        let i = cy * width + cx
        bits[i] |= braille ? DotCanvas.dotBits[dotX % 2][dotY % 4] : 1
        roles[i] = role
    }

    /// A straight line of dots (Bresenham).
    public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), role: Role) {
        var x0 = a.x, y0 = a.y
        let dx = abs(b.x - x0), dy = -abs(b.y - y0)
        let sx = x0 < b.x ? 1 : -1, sy = y0 < b.y ? 1 : -1
        var err = dx + dy
        while true {
            set(dotX: x0, dotY: y0, role: role)
            if x0 == b.x && y0 == b.y { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
        }
    }

    /// True when the cell has any dot.
    public func isSet(cellX: Int, cellY: Int) -> Bool {
        guard cellX >= 0, cellY >= 0, cellX < width, cellY < height else { return false }
        return bits[cellY * width + cellX] != 0
    }

    /// The cell drawn for (cellX, cellY), nil when it has no dot.
    public func cell(cellX: Int, cellY: Int) -> Cell? {
        guard cellX >= 0, cellY >= 0, cellX < width, cellY < height else { return nil }
        let i = cellY * width + cellX
        guard bits[i] != 0, let role = roles[i] else { return nil }
        let ch: Character = braille ? Character(Unicode.Scalar(0x2800 + UInt32(bits[i])) ?? " ") : asciiDot
        return Cell(text: String(ch), role: role)
    }

    /// Draws the cells that have dots at `origin`, leaving the others untouched.
    public func render(into buffer: inout Buffer, x ox: Int, y oy: Int) {
        for cy in 0..<height {
            for cx in 0..<width {
                let i = cy * width + cx
                guard bits[i] != 0, let role = roles[i] else { continue }
                let ch: Character = braille ? Character(Unicode.Scalar(0x2800 + UInt32(bits[i])) ?? " ") : asciiDot
                buffer[ox + cx, oy + cy] = Cell(text: String(ch), role: role)
            }
        }
    }
}
