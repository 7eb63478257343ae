import Foundation

/// The Kaplan–Meier curve at one distinct observed time (R `survfit` row).
public struct KaplanMeierStep: Equatable, Sendable {
    public var time: Double
    /// Subjects still under observation just before `time` (those with an event or censored at
    /// `time` are counted: events come before censorings at a tie, as R does).
    public var atRisk: Int
    public var events: Int
    public var censored: Int
    /// S(time), the product-limit estimate just after `time`.
    public var survival: Double
    /// Greenwood standard error of S(time); nil once S reaches 0 (R prints NaN).
    public var stdErr: Double?
    /// Standard error of log S(time) (Greenwood's sum, square-rooted); nil once S reaches 0.
    public var stdErrLog: Double?
    /// Pointwise 95 % confidence interval; nil where the chosen transform is undefined.
    public var lower: Double?
    public var upper: Double?
}
