import Foundation

/// A survival-time quantile (median, quartiles) with its 95 % confidence limits.
/// nil means "not reached": the curve (or its confidence band) never falls to 1 − p.
public struct QuantileEstimate: Equatable, Sendable {
    public var probability: Double
    public var estimate: Double?
    public var lower: Double?
    public var upper: Double?
}
