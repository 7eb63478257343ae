/// The footer: "q Quit  ? Help  / Search", generated from the bindings marked `inFooter` of the
/// given key maps. Items that do not fit are dropped from the end.
public struct HintBar: Sendable {
    public var maps: [KeyMap]
    public var ascii: Bool

    public init(maps: [KeyMap], ascii: Bool = false) { self.maps = maps; self.ascii = ascii }

    /// The key label of a binding ("j/↓"); arrows spelled out in ASCII mode.
    public static func keysLabel(_ keys: [KeyEvent], ascii: Bool) -> String {
        keys.map { k -> String in
            guard ascii else { return k.label }
            switch k {
            case .up: return "Up"
            case .down: return "Down"
            case .left: return "Left"
            case .right: return "Right"
            default: return k.label
            }
        }.joined(separator: "/")
    }

    /// The (keys, help) items shown, in order, without duplicate actions.
    public var items: [(keys: String, help: String)] {
        var seen = Set<String>()
        var out: [(String, String)] = []
        for m in maps {
            for b in m.bindings where b.inFooter && !seen.contains(b.action) {
                seen.insert(b.action)
                out.append((HintBar.keysLabel(b.keys, ascii: ascii), b.help))
            }
        }
        return out
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, role: .footer)
        var x = area.x + 1
        for item in items {
            let w = DisplayWidth.of(item.keys) + 1 + DisplayWidth.of(item.help)
            if x + w > area.maxX { break }
            x += buffer.write(item.keys, x: x, y: area.y, role: .hintKey)
            x += buffer.write(" " + item.help, x: x, y: area.y, role: .footer)
            x += 2
        }
    }
}
