/// A colour in a theme file: the terminal default, a palette index 0–255, or #rrggbb (mapped to the
/// nearest 256- or 16-colour entry by the backend).
public enum ThemeColor: Equatable, Hashable, Sendable {
    case `default`
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    public static let names: [String] = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, a colour name (`red`, `bright-red`, `gray`), `0`–`255` or `#rrggbb`.
    public init?(parsing s: String) {
        let t = s.lowercased()
        if t == "default" || t == "none" { self = .default; return }
        if let i = ThemeColor.names.firstIndex(of: t) { self = .indexed(i); return }
        if t.hasPrefix("bright-"), let i = ThemeColor.names.firstIndex(of: String(t.dropFirst(7))) { self = .indexed(8 + i); return }
        if t == "gray" || t == "grey" { self = .indexed(8); return }
        if let n = Int(t), (0...255).contains(n) { self = .indexed(n); return }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)); return
        }
        return nil
    }

    /// The standard xterm RGB of palette entry `i`.
    public static func rgbOf(index i: Int) -> (Int, Int, Int) {
        let base16: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if i < 16 { return base16[max(0, i)] }
        if i < 232 {
            let c = i - 16, steps = [0, 95, 135, 175, 215, 255]
            return (steps[c / 36], steps[(c / 6) % 6], steps[c % 6])
        }
        let g = 8 + (min(i, 255) - 232) * 10
        return (g, g, g)
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }

    /// The palette index for a terminal with `colors` colours (256, 16 or 8); nil for the default colour.
    public func index(forColors colors: Int) -> Int? {
        switch self {
        case .default: return nil
        case .indexed(let i):
            if i < colors { return i }
            return ThemeColor.nearest(ThemeColor.rgbOf(index: i), in: 0..<max(1, min(colors, 16)))
        case .rgb(let r, let g, let b):
            // On 256-colour terminals use the fixed cube and greys (entries 0-15 are often re-defined).
            if colors >= 256 { return ThemeColor.nearest((Int(r), Int(g), Int(b)), in: 16..<256) }
            return ThemeColor.nearest((Int(r), Int(g), Int(b)), in: 0..<max(1, min(colors, 16)))
        }
    }

    private static func nearest(_ c: (Int, Int, Int), in range: Range<Int>) -> Int {
        var best = range.lowerBound, bestD = Int.max
        for i in range {
            let d = distance(c, rgbOf(index: i))
            if d < bestD { bestD = d; best = i }
        }
        return best
    }
}
