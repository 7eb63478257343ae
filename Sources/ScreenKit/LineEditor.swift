/// A one-line text editor (search box, decision text): text and a cursor, with insert, delete,
/// backspace, left/right, home/end, Ctrl-A/E/U/K/W.
public struct LineEditor: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable { case edited, moved, submitted, cancelled, ignored }

    public private(set) var characters: [Character]
    /// Cursor position, in characters (0...count).
    public private(set) var cursor: Int

    public init(_ text: String = "") { characters = Array(text); cursor = characters.count }

    public var text: String {
        get { String(characters) }
        set { characters = Array(newValue); cursor = characters.count }
    }

    public mutating func insert(_ s: String) { let a = Array(s); characters.insert(contentsOf: a, at: cursor); cursor += a.count }

    public mutating func handle(_ key: KeyEvent) -> Outcome {
        switch key {
        case .char(let c): insert(String(c)); return .edited
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return .ignored }
            characters.remove(at: cursor - 1); cursor -= 1; return .edited
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return .ignored }
            characters.remove(at: cursor); return .edited
        case .left, .ctrl("b"): guard cursor > 0 else { return .ignored }; cursor -= 1; return .moved
        case .right, .ctrl("f"): guard cursor < characters.count else { return .ignored }; cursor += 1; return .moved
        case .home, .ctrl("a"): cursor = 0; return .moved
        case .end, .ctrl("e"): cursor = characters.count; return .moved
        case .ctrl("u"): characters.removeFirst(cursor); cursor = 0; return .edited
        case .ctrl("k"): characters.removeLast(characters.count - cursor); return .edited
        case .ctrl("w"):
            var i = cursor
            while i > 0 && characters[i - 1] == " " { i -= 1 }
            while i > 0 && characters[i - 1] != " " { i -= 1 }
            characters.removeSubrange(i..<cursor); cursor = i; return .edited
        case .enter: return .submitted
        case .escape: return .cancelled
        default: return .ignored
        }
    }

    /// Draws `prompt` then the text, scrolled horizontally so the cursor stays visible; the cursor
    /// cell is drawn in `input.cursor`.
    public func render(into buffer: inout Buffer, area: Rect, prompt: String = "", showCursor: Bool = true) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, role: .input)
        let px = buffer.write(prompt, x: area.x, y: area.y, role: .input, maxWidth: area.width)
        let avail = area.width - px
        guard avail > 0 else { return }
        // First visible character such that the cursor (plus one cell) fits.
        var start = 0
        func width(_ from: Int, _ to: Int) -> Int { characters[from..<to].reduce(0) { $0 + DisplayWidth.of($1) } }
        while start < cursor && width(start, cursor) + 1 > avail { start += 1 }
        var x = area.x + px
        for i in start..<characters.count {
            let w = DisplayWidth.of(characters[i])
            if x + w > area.maxX { break }
            buffer.write(String(characters[i]), x: x, y: area.y, role: showCursor && i == cursor ? .inputCursor : .input)
            x += w
        }
        if showCursor && cursor == characters.count && x < area.maxX {
            buffer.write(" ", x: x, y: area.y, role: .inputCursor)
        }
    }
}
