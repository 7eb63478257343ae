import CNcursesw
import ScreenKit

/// Role → (attributes, colour pair) for one theme and colour mode. Pairs are allocated on first use,
/// one per distinct (fg, bg), and initialised through the `init` closure (ncurses in the backend).
final class ColorPalette {
    struct Resolved: Equatable { var attrs: attr_t; var pair: Int16 }

    let theme: Theme
    let mode: ColorMode
    let maxPairs: Int
    private var cache: [Role: Resolved] = [:]
    private var pairs: [PairKey: Int16] = [:]
    private let initPair: (Int16, Int16, Int16) -> Void

    struct PairKey: Hashable { var fg: Int16; var bg: Int16 }

    init(theme: Theme, mode: ColorMode, maxPairs: Int, initPair: @escaping (Int16, Int16, Int16) -> Void) {
        self.theme = theme; self.mode = mode; self.maxPairs = maxPairs; self.initPair = initPair
    }

    static func cursesAttributes(_ a: TextAttributes) -> attr_t {
        var r = cb_a_normal()
        if a.contains(.bold) { r |= cb_a_bold() }
        if a.contains(.underline) { r |= cb_a_underline() }
        if a.contains(.reverse) { r |= cb_a_reverse() }
        if a.contains(.dim) { r |= cb_a_dim() }
        if a.contains(.italic) { r |= cb_a_italic() }
        if a.contains(.blink) { r |= cb_a_blink() }
        if a.contains(.standout) { r |= cb_a_standout() }
        return r
    }

    func resolve(_ role: Role) -> Resolved {
        if let r = cache[role] { return r }
        let style = theme.style(for: role)
        var attrs = style.attributes
        var pair: Int16 = 0
        if mode == .monochrome {
            // Attributes only; a coloured background (selection, banners) becomes reverse video.
            if style.background != .default && !attrs.contains(.reverse) { attrs.insert(.reverse) }
        } else {
            let fg = Int16(style.foreground.index(forColors: mode.colorCount) ?? -1)
            let bg = Int16(style.background.index(forColors: mode.colorCount) ?? -1)
            if fg != -1 || bg != -1 {
                let key = PairKey(fg: fg, bg: bg)
                if let p = pairs[key] { pair = p }
                else if pairs.count + 1 < maxPairs {
                    pair = Int16(pairs.count + 1)
                    pairs[key] = pair
                    initPair(pair, fg, bg)
                } else if style.background != .default {
                    attrs.insert(.reverse)
                }
            }
        }
        let r = Resolved(attrs: ColorPalette.cursesAttributes(attrs), pair: pair)
        cache[role] = r
        return r
    }

    /// (fg, bg) of an allocated pair, for tests.
    func colors(ofPair p: Int16) -> (Int16, Int16)? { pairs.first { $0.value == p }.map { ($0.key.fg, $0.key.bg) } }
}
