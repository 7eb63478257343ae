import Foundation

/// The k-group log-rank test (R `survdiff(rho = 0)`), optionally stratified: observed and expected
/// events per group, hypergeometric covariance summed over event times (and over strata), chi-square
/// on (number of groups with expected > 0) − 1 degrees of freedom.
public struct LogRankTest: Equatable, Sendable {
    public struct GroupTotals: Equatable, Sendable {
        public var name: String
        public var n: Int
        public var observed: Double
        public var expected: Double
    }

    /// Groups in the order of `groupOrder` (or of first appearance).
    public let groups: [GroupTotals]
    public let chiSquare: Double
    public let df: Int
    /// The p-value; nil when df is 0 (nothing to compare).
    public let p: Double?
    public let stratified: Bool

    /// Groups smaller than this get no p-value shown without a note (cBioPortal PR #3662 rule).
    public static let minimumGroupSizeForP = 10

    /// When any group has fewer than `minimumGroupSizeForP` subjects: the sentence to show instead of
    /// (or beside) the p-value. nil when every group is large enough.
    public var smallGroupNote: String? {
        let small = groups.filter { $0.n < Self.minimumGroupSizeForP }
        guard !small.isEmpty else { return nil }
        let list = small.map { "\($0.name) (n=\($0.n))" }.joined(separator: ", ")
        return "p not shown: fewer than \(Self.minimumGroupSizeForP) patients in \(list)"
    }

    /// The p-value to display: nil when a group is too small (see `smallGroupNote`) or df is 0.
    public var reportedP: Double? { smallGroupNote == nil ? p : nil }

    public static func compute(_ observations: [SurvivalObservation], groupOrder: [String]? = nil,
                               stratified: Bool = false) throws -> LogRankTest {
        guard !observations.isEmpty else { throw SurvivalError.empty("the log-rank test needs observations") }
        try SurvivalObservation.validate(observations, allowed: 0...1)
        var names: [String] = groupOrder ?? []
        for o in observations where !names.contains(o.group) { names.append(o.group) }
        let present = names.filter { g in observations.contains { $0.group == g } }
        guard present.count >= 2 else { throw SurvivalError.tooFewGroups(present.count) }
        let k = present.count
        let index = Dictionary(uniqueKeysWithValues: present.enumerated().map { ($1, $0) })
        var observed = [Double](repeating: 0, count: k)
        var expected = [Double](repeating: 0, count: k)
        var variance = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)

        let strata = stratified ? Dictionary(grouping: observations, by: \.stratum) : ["": observations]
        for (_, obs) in strata.sorted(by: { $0.key < $1.key }) {
            let sorted = obs.sorted { $0.time < $1.time }
            var atRisk = [Int](repeating: 0, count: k)
            for o in sorted { if let g = index[o.group] { atRisk[g] += 1 } }
            var i = 0
            while i < sorted.count {
                let t = sorted[i].time
                var deaths = [Int](repeating: 0, count: k)
                var leaving = [Int](repeating: 0, count: k)
                while i < sorted.count, sorted[i].time == t {
                    if let g = index[sorted[i].group] {
                        leaving[g] += 1
                        if sorted[i].status == 1 { deaths[g] += 1 }
                    }
                    i += 1
                }
                let d = Double(deaths.reduce(0, +))
                let n = Double(atRisk.reduce(0, +))
                if d > 0 {
                    for g in 0..<k {
                        observed[g] += Double(deaths[g])
                        expected[g] += d * Double(atRisk[g]) / n
                    }
                    if n > 1 {
                        let f = d * (n - d) / (n - 1)
                        for g in 0..<k {
                            for h in 0..<k {
                                let pg = Double(atRisk[g]) / n, ph = Double(atRisk[h]) / n
                                variance[g][h] += f * pg * ((g == h ? 1 : 0) - ph)
                            }
                        }
                    }
                }
                for g in 0..<k { atRisk[g] -= leaving[g] }
            }
        }
        let totals = present.enumerated().map { g, name in
            GroupTotals(name: name, n: observations.filter { $0.group == name }.count,
                        observed: observed[g], expected: expected[g])
        }
        // As survdiff: only groups with expected > 0 take part; the last of them is dropped.
        let used = (0..<k).filter { expected[$0] > 0 }
        guard used.count >= 2 else {
            return LogRankTest(groups: totals, chiSquare: 0, df: 0, p: nil, stratified: stratified)
        }
        let free = Array(used.dropLast())
        let diff = free.map { observed[$0] - expected[$0] }
        let v = free.map { g in free.map { h in variance[g][h] } }
        guard let vInv = SmallMatrix.inverse(v) else {
            // Degenerate (e.g. every event of the comparison at one time with one subject left): no test.
            return LogRankTest(groups: totals, chiSquare: 0, df: 0, p: nil, stratified: stratified)
        }
        let chi = SmallMatrix.quadratic(diff, vInv)
        let df = free.count
        return LogRankTest(groups: totals, chiSquare: chi, df: df,
                           p: Distributions.chiSquareUpperTail(chi, df: df), stratified: stratified)
    }
}
