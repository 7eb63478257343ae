import Foundation

/// Aalen–Johansen cumulative incidence of competing events (status 0 censored, 1…K causes):
/// F_k(t) = Σ_{t_j ≤ t} S(t_j−)·d_kj/n_j with S the all-cause Kaplan–Meier curve, events before
/// censorings at ties. Standard error by the delta method (the Greenwood-type variance of
/// Marubini & Valsecchi 1995; Pintilie 2006 §4.2.2):
/// Var F_k(t) = Σ_{t_j ≤ t} [ (F_k(t)−F_k(t_j))²·d_j/(n_j(n_j−d_j)) + S(t_j−)²·d_kj(n_j−d_kj)/n_j³
///                            − 2(F_k(t)−F_k(t_j))·S(t_j−)·d_kj/n_j² ],
/// which with a single cause equals Greenwood's variance of 1 − S(t).
public struct CumulativeIncidence: Equatable, Sendable {
    public struct Step: Equatable, Sendable {
        public var time: Double
        public var atRisk: Int
        /// Events of this cause at `time`.
        public var events: Int
        public var estimate: Double
        public var stdErr: Double
    }

    public struct Curve: Equatable, Sendable {
        public var cause: Int
        /// One step per time at which this cause has an event, ascending.
        public var steps: [Step]

        /// F_k(time): the last step at or before `time` (0 before the first event).
        public func estimate(at time: Double) -> Double {
            steps.last(where: { $0.time <= time })?.estimate ?? 0
        }
    }

    public let curves: [Curve]
    public let n: Int
    public let censored: Int

    public func curve(for cause: Int) -> Curve? { curves.first { $0.cause == cause } }

    /// Fits every cause present (or the `causes` listed, which may include causes with no event).
    public static func fit(_ observations: [SurvivalObservation], causes: [Int]? = nil,
                           maximumCause: Int = 99) throws -> CumulativeIncidence {
        guard !observations.isEmpty else { throw SurvivalError.empty("the cumulative incidence needs observations") }
        try SurvivalObservation.validate(observations, allowed: 0...maximumCause)
        let causeList = causes ?? Array(Set(observations.map(\.status).filter { $0 > 0 })).sorted()
        let sorted = observations.sorted { $0.time < $1.time }
        // Per distinct time: n at risk, all-cause deaths, deaths by cause, S(t−).
        struct Row { var time: Double; var n: Int; var d: Int; var dk: [Int: Int]; var sBefore: Double }
        var rows: [Row] = []
        var atRisk = sorted.count
        var s = 1.0
        var i = 0
        while i < sorted.count {
            let t = sorted[i].time
            var dk: [Int: Int] = [:]
            var leaving = 0
            while i < sorted.count, sorted[i].time == t {
                if sorted[i].status > 0 { dk[sorted[i].status, default: 0] += 1 }
                leaving += 1
                i += 1
            }
            let d = dk.values.reduce(0, +)
            if d > 0 { rows.append(Row(time: t, n: atRisk, d: d, dk: dk, sBefore: s)) }
            s *= Double(atRisk - d) / Double(atRisk)
            atRisk -= leaving
        }
        var curves: [Curve] = []
        for k in causeList {
            // F_k just after each row.
            var f = 0.0
            var fAfter: [Double] = []
            for r in rows {
                f += r.sBefore * Double(r.dk[k] ?? 0) / Double(r.n)
                fAfter.append(f)
            }
            var steps: [Step] = []
            for (j, r) in rows.enumerated() where (r.dk[k] ?? 0) > 0 {
                let ft = fAfter[j]
                var v = 0.0
                for m in 0...j {
                    let q = rows[m]
                    let n = Double(q.n), d = Double(q.d), dk = Double(q.dk[k] ?? 0)
                    let delta = ft - fAfter[m]
                    if delta != 0, q.n > q.d { v += delta * delta * d / (n * (n - d)) }
                    v += q.sBefore * q.sBefore * dk * (n - dk) / (n * n * n)
                    v -= 2 * delta * q.sBefore * dk / (n * n)
                }
                steps.append(Step(time: r.time, atRisk: r.n, events: r.dk[k] ?? 0, estimate: ft, stdErr: max(0, v).squareRoot()))
            }
            curves.append(Curve(cause: k, steps: steps))
        }
        return CumulativeIncidence(curves: curves, n: observations.count,
                                   censored: observations.filter { $0.status == 0 }.count)
    }
}
