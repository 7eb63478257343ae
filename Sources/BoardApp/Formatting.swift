import CaseModel

/// Number and date formatting for the screens (locale-independent, deterministic for goldens).
enum Formatting {
    /// One decimal, e.g. 1.4, -0.5.
    static func oneDecimal(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        let neg = r < 0
        let a = abs(r)
        guard a < 1e15 else { return "\(x)" } // total: huge, infinite or NaN values are shown as is
        let whole = Int(a)
        let tenth = Int(((a - Double(whole)) * 10).rounded())
        return (neg ? "-" : "") + "\(whole).\(tenth)"
    }

    /// A signed change: +1.4, -0.6.
    static func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + oneDecimal(x) }

    /// A variant allele fraction as a percentage: 41 %, 4.5 %.
    static func vaf(_ v: Double) -> String {
        let p = v * 100
        return p >= 10 && p < 1e15 ? "\(Int(p.rounded()))%" : "\(oneDecimal(p))%"
    }

    /// An MRD fraction in scientific notation: 1.2e-3 (ASCII) or 1.2×10⁻³.
    static func fraction(_ v: Double, ascii: Bool) -> String {
        guard v > 0, v.isFinite else { return "0" }
        var e = 0
        var m = v
        while m < 1 { m *= 10; e -= 1 }
        while m >= 10 { m /= 10; e += 1 }
        if (m * 10).rounded() / 10 >= 10 { m /= 10; e += 1 }
        let mant = oneDecimal(m)
        if ascii { return "\(mant)e\(e)" }
        let sup: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
                                           "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return "\(mant)×10" + String(String(e).compactMap { sup[$0] })
    }

    /// The separator between items on a line: " · ", or " / " in ASCII.
    static func dot(_ ascii: Bool) -> String { ascii ? " / " : " · " }

    /// What stands for a value still being loaded: "…", or "..." in ASCII.
    static func ellipsis(_ ascii: Bool) -> String { ascii ? "..." : "…" }

    /// A dash for "none": "—", or "-" in ASCII.
    static func none(_ ascii: Bool) -> String { ascii ? "-" : "—" }

    /// "2026-05" for chart axes.
    static func month(_ day: Int) -> String { String(LocalDate(daysSinceEpoch: day).description.prefix(7)) }
}
