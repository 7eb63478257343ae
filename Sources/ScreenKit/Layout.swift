/// How much of a row or column a part takes.
public enum LayoutConstraint: Sendable, Equatable {
    /// Exactly `n` cells (less when there is not room).
    case fixed(Int)
    /// `p` percent of the whole length.
    case percent(Int)
    /// A share of what is left after fixed and percent parts, by weight.
    case fill(Int)
    public static let fill = LayoutConstraint.fill(1)
}

/// Splits rectangles into rows or columns.
public enum Layout {
    /// Lengths for `constraints` within `total` cells, `spacing` cells between parts. The result always
    /// sums to at most `total`; fill parts share the remainder (earlier parts get the odd cells).
    public static func sizes(total: Int, _ constraints: [LayoutConstraint], spacing: Int = 0) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        var remaining = max(0, total - spacing * (constraints.count - 1))
        let whole = remaining
        var sizes = Array(repeating: 0, count: constraints.count)
        for (i, c) in constraints.enumerated() {
            switch c {
            case .fixed(let n): sizes[i] = min(max(0, n), remaining); remaining -= sizes[i]
            case .percent(let p): sizes[i] = min(max(0, whole * p / 100), remaining); remaining -= sizes[i]
            case .fill: break
            }
        }
        let weights = constraints.map { c -> Int in if case .fill(let w) = c { return max(0, w) } else { return 0 } }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var given = 0
            for i in sizes.indices where weights[i] > 0 {
                sizes[i] = remaining * weights[i] / totalWeight; given += sizes[i]
            }
            var extra = remaining - given
            for i in sizes.indices where weights[i] > 0 && extra > 0 { sizes[i] += 1; extra -= 1 }
        }
        return sizes
    }

    /// `rect` split top to bottom.
    public static func rows(_ rect: Rect, _ constraints: [LayoutConstraint], spacing: Int = 0) -> [Rect] {
        var y = rect.y
        return sizes(total: rect.height, constraints, spacing: spacing).map { h in
            defer { y += h + spacing }
            return Rect(x: rect.x, y: y, width: rect.width, height: h)
        }
    }

    /// `rect` split left to right.
    public static func columns(_ rect: Rect, _ constraints: [LayoutConstraint], spacing: Int = 0) -> [Rect] {
        var x = rect.x
        return sizes(total: rect.width, constraints, spacing: spacing).map { w in
            defer { x += w + spacing }
            return Rect(x: x, y: rect.y, width: w, height: rect.height)
        }
    }

    /// A rectangle of at most `width`×`height` centred in `rect`.
    public static func centered(_ rect: Rect, width: Int, height: Int) -> Rect {
        let w = min(width, rect.width), h = min(height, rect.height)
        return Rect(x: rect.x + (rect.width - w) / 2, y: rect.y + (rect.height - h) / 2, width: w, height: h)
    }
}
