/// A modal dialog: title, wrapped message and buttons; `←`/`→`/`Tab` choose, `Enter` confirms, `Esc` cancels.
public struct Modal: Sendable, Equatable {
    public enum Outcome: Equatable, Sendable { case chosen(Int), cancelled, moved, ignored }

    public var title: String
    public var message: String
    public var buttons: [String]
    public var selected: Int
    public var ascii: Bool
    /// Role of the message text (`warning` for a dangerous action).
    public var role: Role

    public init(title: String, message: String, buttons: [String] = ["OK"], selected: Int = 0, ascii: Bool = false, role: Role = .modal) {
        self.title = title; self.message = message; self.buttons = buttons; self.selected = selected
        self.ascii = ascii; self.role = role
    }

    public mutating func handle(_ key: KeyEvent) -> Outcome {
        guard !buttons.isEmpty else { return key == .escape || key == .enter ? .cancelled : .ignored }
        switch key {
        case .left, .backTab: selected = (selected + buttons.count - 1) % buttons.count; return .moved
        case .right, .tab: selected = (selected + 1) % buttons.count; return .moved
        case .enter: return .chosen(selected)
        case .escape: return .cancelled
        case .char(let c):
            // First letter of a button chooses it (y/n).
            if let i = buttons.firstIndex(where: { $0.lowercased().first == Character(c.lowercased()) }) { selected = i; return .chosen(i) }
            return .ignored
        default: return .ignored
        }
    }

    private var buttonsText: [String] { buttons.map { "[ \($0) ]" } }

    /// The dialog's rectangle within `area`.
    public func frame(in area: Rect) -> Rect {
        let bw = buttonsText.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * max(0, buttons.count - 1)
        let want = max(bw, DisplayWidth.of(title) + 2, min(56, DisplayWidth.of(message))) + 4
        let w = min(area.width, max(24, want))
        let lines = WrappedText.wrap(message, width: max(1, w - 4))
        return Layout.centered(area, width: w, height: lines.count + 5)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let box = frame(in: area)
        let inner = Panel(title: title, isFocused: true, ascii: ascii).render(into: &buffer, area: box)
        guard inner.height >= 3 else { return }
        buffer.fill(inner, role: .modal)
        let text = Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 3)
        WrappedText(message, role: role).render(into: &buffer, area: text)
        let bts = buttonsText
        let bw = bts.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * max(0, bts.count - 1)
        var x = inner.x + max(0, (inner.width - bw) / 2)
        let y = inner.maxY - 1
        for (i, b) in bts.enumerated() {
            x += buffer.write(b, x: x, y: y, role: i == selected ? .buttonFocused : .button, maxWidth: inner.maxX - x) + 2
        }
    }

    /// The button under a mouse click, if any.
    public func buttonAt(x: Int, y: Int, area: Rect) -> Int? {
        let box = frame(in: area), inner = box.inset(1)
        guard y == inner.maxY - 1 else { return nil }
        let bts = buttonsText
        let bw = bts.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * max(0, bts.count - 1)
        var bx = inner.x + max(0, (inner.width - bw) / 2)
        for (i, b) in bts.enumerated() {
            let w = DisplayWidth.of(b)
            if x >= bx && x < bx + w { return i }
            bx += w + 2
        }
        return nil
    }
}
