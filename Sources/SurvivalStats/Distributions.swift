import Foundation

/// Tail probabilities needed by the tests (chi-square and standard normal).
public enum Distributions {
    /// P(X ≥ x) for X ~ chi-square with `df` degrees of freedom (regularized upper incomplete gamma
    /// Q(df/2, x/2): series below a + 1, Lentz continued fraction above; Numerical Recipes §6.2).
    public static func chiSquareUpperTail(_ x: Double, df: Int) -> Double {
        guard df > 0 else { return .nan }
        if x <= 0 { return 1 }
        return upperRegularizedGamma(a: Double(df) / 2, x: x / 2)
    }

    /// Two-sided p for a standard-normal statistic z: 2·(1 − Φ(|z|)).
    public static func normalTwoSided(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }

    static func upperRegularizedGamma(a: Double, x: Double) -> Double {
        let lnGammaA = Foundation.lgamma(a) as Double
        if x < a + 1 {
            var sum = 1 / a, term = 1 / a, ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * exp(-x + a * log(x) - lnGammaA))
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - lnGammaA) * h
    }
}
