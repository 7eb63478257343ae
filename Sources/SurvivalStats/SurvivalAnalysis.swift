import Foundation

/// Runs the whole set of statistics for grouped observations and assembles a `SurvivalReport`:
/// a Kaplan–Meier curve, median and quartiles per group, number at risk at chosen times, the
/// log-rank test and Cox hazard ratios against the first group (when there are ≥ 2 groups),
/// and, with competing events, the Aalen–Johansen cumulative incidence of each event kind.
public enum SurvivalAnalysis {
    public struct Options: Sendable {
        public var endpoint: String
        public var unit: String?
        public var confidenceType: ConfidenceType
        public var ties: CoxModel.Ties
        /// Times for the number-at-risk table and the point estimates.
        public var at: [Double]
        /// Status of the competing event; nil when there is none.
        public var competingCode: Int?
        /// Names of the event codes for the cumulative-incidence output (e.g. [1: "relapse", 2: "death"]).
        public var eventLabels: [Int: String]
        /// Patients excluded per group before the analysis (shown, never dropped silently).
        public var excluded: [String: Int]
        /// Group order (the first is the Cox reference); groups not listed follow in order of appearance.
        public var groupOrder: [String]?
        /// Log-rank stratified by the observations' `stratum` (O, E and V summed over strata).
        public var stratified: Bool = false

        public init(endpoint: String, unit: String? = nil, confidenceType: ConfidenceType = .log, ties: CoxModel.Ties = .efron,
                    at: [Double] = [], competingCode: Int? = nil, eventLabels: [Int: String] = [:],
                    excluded: [String: Int] = [:], groupOrder: [String]? = nil) {
            self.endpoint = endpoint; self.unit = unit; self.confidenceType = confidenceType; self.ties = ties
            self.at = at; self.competingCode = competingCode; self.eventLabels = eventLabels
            self.excluded = excluded; self.groupOrder = groupOrder
        }
    }

    public static func report(_ observations: [SurvivalObservation], options: Options) throws -> SurvivalReport {
        guard !observations.isEmpty else { throw SurvivalError.empty("no patient has the data this endpoint needs") }
        let maxCode = options.competingCode ?? 1
        try SurvivalObservation.validate(observations, allowed: 0...maxCode)
        if let c = options.competingCode,
           let bad = observations.firstIndex(where: { $0.status > 1 && $0.status != c }) {
            throw SurvivalError.invalidStatus(index: bad, value: observations[bad].status, allowed: "0, 1 or \(c)")
        }
        var order = (options.groupOrder ?? []).filter { g in observations.contains { $0.group == g } }
        for o in observations where !order.contains(o.group) { order.append(o.group) }
        // Kaplan–Meier, log-rank and Cox use the first event of any kind.
        let anyEvent = observations.map { o -> SurvivalObservation in
            var x = o; x.status = o.status > 0 ? 1 : 0; return x
        }
        var notes: [String] = []
        var groups: [SurvivalReport.Group] = []
        for name in order {
            let obs = anyEvent.filter { $0.group == name }
            let km = try KaplanMeierCurve.fit(obs, confidenceType: options.confidenceType)
            let med = km.median
            let table = options.at.map { t -> SurvivalReport.AtRisk in
                let e = km.estimate(at: t)
                return SurvivalReport.AtRisk(time: t, atRisk: km.atRisk(at: t), survival: e?.survival, lower: e?.lower, upper: e?.upper)
            }
            groups.append(SurvivalReport.Group(
                name: name, n: km.n, events: km.events, censored: km.censored, excluded: options.excluded[name] ?? 0,
                median: med.estimate, medianLower: med.lower, medianUpper: med.upper,
                firstQuartile: km.quantile(0.25).estimate, thirdQuartile: km.quantile(0.75).estimate,
                steps: km.eventSteps.map {
                    SurvivalReport.Step(time: $0.time, atRisk: $0.atRisk, events: $0.events, censored: $0.censored,
                                        survival: $0.survival, stdErr: $0.stdErr, lower: $0.lower, upper: $0.upper)
                },
                atRiskTable: table, curve: km))
        }
        if options.competingCode != nil {
            notes.append("Kaplan–Meier, log-rank and Cox count the first event of either kind; the cumulative incidence gives each kind (Aalen–Johansen).")
        }
        var logRank: SurvivalReport.LogRank?
        var hazardRatios: [SurvivalReport.HazardRatio] = []
        if order.count >= 2 {
            let lr = try LogRankTest.compute(anyEvent, groupOrder: order, stratified: options.stratified)
            logRank = SurvivalReport.LogRank(chiSquare: lr.chiSquare, df: lr.df, p: lr.reportedP, stratified: options.stratified,
                                             note: lr.smallGroupNote ?? (lr.df == 0 ? "no comparison: fewer than two groups with expected events" : nil))
            let cox = try CoxModel.fit(anyEvent, groupOrder: order, ties: options.ties)
            let sizes = Dictionary(uniqueKeysWithValues: groups.map { ($0.name, $0.n) })
            for c in cox.coefficients {
                let small = [c.versus, c.group].filter { (sizes[$0] ?? 0) < LogRankTest.minimumGroupSizeForP }
                let smallNote = small.isEmpty ? nil
                    : "p not shown: fewer than \(LogRankTest.minimumGroupSizeForP) patients in \(small.map { "\($0) (n=\(sizes[$0] ?? 0))" }.joined(separator: ", "))"
                hazardRatios.append(SurvivalReport.HazardRatio(group: c.group, versus: c.versus, hr: c.hazardRatio,
                                                                lower: c.lower, upper: c.upper,
                                                                p: smallNote == nil ? c.p : nil,
                                                                note: [c.note, smallNote].compactMap { $0 }.joined(separator: "; ").nilIfEmpty))
            }
        }
        var incidence: [SurvivalReport.Incidence] = []
        if let competing = options.competingCode {
            for name in order {
                let obs = observations.filter { $0.group == name }
                let ci = try CumulativeIncidence.fit(obs, causes: [1, competing], maximumCause: competing)
                for curve in ci.curves {
                    incidence.append(SurvivalReport.Incidence(
                        name: name, event: curve.cause, label: options.eventLabels[curve.cause],
                        steps: curve.steps.map { SurvivalReport.IncidenceStep(time: $0.time, atRisk: $0.atRisk, events: $0.events,
                                                                              estimate: $0.estimate, stdErr: $0.stdErr) },
                        atTimes: options.at.map { SurvivalReport.TimedEstimate(time: $0, estimate: curve.estimate(at: $0)) }))
                }
            }
        }
        return SurvivalReport(endpoint: options.endpoint, unit: options.unit, confType: options.confidenceType.rawValue,
                              ties: options.ties.rawValue, groups: groups, logRank: logRank, hazardRatios: hazardRatios,
                              cumulativeIncidence: incidence, notes: notes)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
