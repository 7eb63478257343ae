import Foundation

/// How the pointwise 95 % confidence interval of S(t) is formed (R `survfit(conf.type=)`).
public enum ConfidenceType: String, Sendable, CaseIterable {
    /// exp(log S ± z·se(log S)), upper clipped at 1 — R's default.
    case log
    /// exp(−exp(log(−log S) ∓ z·se(log S)/log S)) — R's "log-log"; undefined where S is 0 or 1.
    case logLog = "log-log"

    /// The two-sided 95 % standard-normal quantile, as R's `qnorm(0.975)`.
    public static let z95 = 1.959963984540054

    /// The interval for survival `s` whose log has standard error `seLog` (nil where undefined).
    public func interval(survival s: Double, seLog: Double?) -> (lower: Double, upper: Double)? {
        guard let se = seLog, se.isFinite, s > 0 else { return nil }
        let z = Self.z95
        switch self {
        case .log:
            return (Foundation.exp(Foundation.log(s) - z * se), min(1, Foundation.exp(Foundation.log(s) + z * se)))
        case .logLog:
            guard s < 1 else { return nil }
            let ll = Foundation.log(-Foundation.log(s))
            let t = z * se / Foundation.log(s)
            return (Foundation.exp(-Foundation.exp(ll - t)), Foundation.exp(-Foundation.exp(ll + t)))
        }
    }
}
