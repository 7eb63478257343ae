/// How an MRD fraction is written everywhere: scientific `6.8×10⁻⁵` and percent
/// `0.0068 %`, from the fraction itself (never a value above 1 multiplied into "58100 %").
public enum MRDValueText {
    static let superscripts: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                                       "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]

    /// `6.8×10⁻⁵` (two significant digits); `0` for zero.
    public static func scientific(_ v: Double) -> String {
        guard v > 0, v.isFinite else { return "0" }
        var e = 0
        var m = v
        while m < 1 { m *= 10; e -= 1 }
        while m >= 10 { m /= 10; e += 1 }
        var t = (m * 10).rounded()
        if t >= 100 { t = 10; e += 1 }
        let mant = Int(t) % 10 == 0 ? "\(Int(t) / 10)" : "\(Int(t) / 10).\(Int(t) % 10)"
        if e == 0 { return mant }
        let power = "10" + String(String(e).compactMap { superscripts[$0] })
        return mant == "1" ? power : "\(mant)×" + power
    }

    /// `0.0068 %` (two significant digits).
    public static func percent(_ v: Double) -> String { GeneticFindings.percentSignificant(v) }

    /// `6.8×10⁻⁵ (0.0068 %)`.
    public static func both(_ v: Double) -> String { "\(scientific(v)) (\(percent(v)))" }
}
