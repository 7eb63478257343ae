import Foundation // log10 only

/// Conversions and logarithms that are total on any `Double`: the rules never trap
/// on overflow, infinity or NaN, whatever a case file or a damaged database holds.
public enum TotalArithmetic {
    /// `Int(d)` when `d` is finite and representable, else nil (NaN, ±infinity, beyond ±9.2e18).
    public static func int(_ d: Double) -> Int? {
        guard d.isFinite, d > -9.0e18, d < 9.0e18 else { return nil }
        return Int(d)
    }

    /// A count (copies, cells) as whole-number text: "32000"; beyond Int range or not finite: Swift's own text ("1e+20", "inf").
    public static func countText(_ d: Double) -> String {
        int(d.rounded()).map(String.init) ?? "\(d)"
    }

    /// log10(a / b), finite for any two positive finite numbers (the ratio of a subnormal and a normal value
    /// overflows; the difference of their logarithms does not); clamped to ±1000 for infinite or NaN input.
    public static func log10Ratio(_ a: Double, _ b: Double) -> Double {
        let r = a / b
        let l = (r.isFinite && r > 0 && r.isNormal) ? log10(r) : log10(a) - log10(b)
        if l.isNaN { return 0 }
        return min(1000, max(-1000, l))
    }
}
