import Foundation

/// Kaplan–Meier product-limit estimate of one group, computed as R's `survfit(Surv(time, status) ~ 1)`:
/// events before censorings at tied times, Greenwood variance, log (default) or log-log 95 % intervals,
/// events at time 0 kept (the curve may start below 1).
public struct KaplanMeierCurve: Equatable, Sendable {
    /// One step per distinct time (event or censoring), ascending.
    public let steps: [KaplanMeierStep]
    public let confidenceType: ConfidenceType
    /// Number of subjects, of events, of censored subjects.
    public let n: Int
    public let events: Int
    public let censored: Int

    /// Fits the curve. `status`: 0 censored, 1 event (anything else is refused with the index).
    public static func fit(_ observations: [SurvivalObservation], confidenceType: ConfidenceType = .log) throws -> KaplanMeierCurve {
        guard !observations.isEmpty else { throw SurvivalError.empty("Kaplan–Meier needs at least one observation") }
        try SurvivalObservation.validate(observations, allowed: 0...1)
        let sorted = observations.map { ($0.time, $0.status) }.sorted { $0.0 < $1.0 }
        var steps: [KaplanMeierStep] = []
        var atRisk = sorted.count
        var s = 1.0
        var greenwood = 0.0
        var greenwoodFinite = true
        var i = 0
        while i < sorted.count {
            let t = sorted[i].0
            var d = 0, c = 0
            while i < sorted.count, sorted[i].0 == t {
                if sorted[i].1 == 1 { d += 1 } else { c += 1 }
                i += 1
            }
            if d > 0 {
                s *= Double(atRisk - d) / Double(atRisk)
                if atRisk > d { greenwood += Double(d) / (Double(atRisk) * Double(atRisk - d)) } else { greenwoodFinite = false }
            }
            let seLog: Double? = greenwoodFinite && s > 0 ? greenwood.squareRoot() : nil
            let ci = confidenceType.interval(survival: s, seLog: seLog)
            steps.append(KaplanMeierStep(time: t, atRisk: atRisk, events: d, censored: c, survival: s,
                                         stdErr: seLog.map { s * $0 }, stdErrLog: seLog,
                                         lower: ci?.lower, upper: ci?.upper))
            atRisk -= d + c
        }
        let events = steps.reduce(0) { $0 + $1.events }
        return KaplanMeierCurve(steps: steps, confidenceType: confidenceType, n: observations.count,
                                events: events, censored: observations.count - events)
    }

    /// The steps at event times only (what R's `summary(survfit)` lists).
    public var eventSteps: [KaplanMeierStep] { steps.filter { $0.events > 0 } }

    /// Number at risk at `time`: subjects whose follow-up time is ≥ `time` (R `summary(fit, times=)`).
    public func atRisk(at time: Double) -> Int {
        guard let first = steps.firstIndex(where: { $0.time >= time }) else { return 0 }
        return steps[first].atRisk
    }

    /// S(time) with its interval, or nil past the last observation while the curve is still above 0
    /// (not estimable there, as R's `summary(times=)` without `extend`).
    public func estimate(at time: Double) -> KaplanMeierStep? {
        guard let last = steps.last else { return nil }
        if time > last.time && last.survival > 0 { return nil }
        guard let idx = steps.lastIndex(where: { $0.time <= time }) else {
            return KaplanMeierStep(time: time, atRisk: n, events: 0, censored: 0, survival: 1, stdErr: 0, stdErrLog: 0,
                                   lower: confidenceType == .log ? 1 : nil, upper: confidenceType == .log ? 1 : nil)
        }
        var step = steps[idx]
        step.time = time
        step.atRisk = atRisk(at: time)
        return step
    }

    /// The median (p = 0.5).
    public var median: QuantileEstimate { quantile(0.5) }

    /// The time by which a proportion `p` has had the event, with its CI, as R's `quantile.survfit`:
    /// the first time S ≤ 1 − p; where S equals 1 − p exactly over an interval, the midpoint of that
    /// interval (to the next time S drops; the start of the interval if it never drops). The limits
    /// are the same rule applied to the lower and the upper confidence curves.
    public func quantile(_ p: Double) -> QuantileEstimate {
        let times = steps.map(\.time)
        return QuantileEstimate(probability: p,
                                estimate: Self.crossing(times: times, values: steps.map { $0.survival }, target: 1 - p),
                                lower: Self.crossing(times: times, values: steps.map { $0.lower }, target: 1 - p),
                                upper: Self.crossing(times: times, values: steps.map { $0.upper }, target: 1 - p))
    }

    static let tolerance = Double.ulpOfOne.squareRoot()

    static func crossing(times: [Double], values: [Double?], target: Double) -> Double? {
        guard let i1 = values.firstIndex(where: { v in v.map { $0 <= target + tolerance } ?? false }),
              let v1 = values[i1] else { return nil }
        if abs(v1 - target) > tolerance { return times[i1] }
        if let i2 = values.firstIndex(where: { v in v.map { $0 < target - tolerance } ?? false }) {
            return (times[i1] + times[i2]) / 2
        }
        return times[i1]
    }
}
