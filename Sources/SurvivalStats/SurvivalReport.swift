import Foundation

/// The statistics of one analysis in the JSON shape of formats.md (`outcomes --json`, `survival --json`).
/// Optional numbers are written as `null` (not reached, not estimable, not shown), never left out.
public struct SurvivalReport: Encodable, Equatable, Sendable {
    public struct Step: Encodable, Equatable, Sendable {
        public var time: Double, atRisk: Int, events: Int, censored: Int
        public var survival: Double, stdErr: Double?, lower: Double?, upper: Double?
        enum K: String, CodingKey { case time, atRisk, events, censored, survival, stdErr, lower, upper }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(time, forKey: .time); try c.encode(atRisk, forKey: .atRisk)
            try c.encode(events, forKey: .events); try c.encode(censored, forKey: .censored)
            try c.encode(survival, forKey: .survival); try c.encode(stdErr, forKey: .stdErr)
            try c.encode(lower, forKey: .lower); try c.encode(upper, forKey: .upper)
        }
    }

    /// Number at risk, and the survival estimate, at a chosen time (nil survival: past the follow-up).
    public struct AtRisk: Encodable, Equatable, Sendable {
        public var time: Double, atRisk: Int, survival: Double?, lower: Double?, upper: Double?
        enum K: String, CodingKey { case time, atRisk, survival, lower, upper }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(time, forKey: .time); try c.encode(atRisk, forKey: .atRisk)
            try c.encode(survival, forKey: .survival); try c.encode(lower, forKey: .lower); try c.encode(upper, forKey: .upper)
        }
    }

    public struct Group: Encodable, Equatable, Sendable {
        public var name: String, n: Int, events: Int, censored: Int, excluded: Int
        public var median: Double?, medianLower: Double?, medianUpper: Double?
        /// Times by which 25 % and 75 % have had the event (R `quantile(fit, c(.25, .75))`), null if not reached.
        public var firstQuartile: Double?, thirdQuartile: Double?
        public var steps: [Step]
        public var atRiskTable: [AtRisk]
        /// The full curve (every distinct time, censorings included) for drawing; not encoded.
        public var curve: KaplanMeierCurve
        enum K: String, CodingKey {
            case name, n, events, censored, excluded, median, medianLower, medianUpper, firstQuartile, thirdQuartile, steps, atRiskTable
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(name, forKey: .name); try c.encode(n, forKey: .n); try c.encode(events, forKey: .events)
            try c.encode(censored, forKey: .censored); try c.encode(excluded, forKey: .excluded)
            try c.encode(median, forKey: .median); try c.encode(medianLower, forKey: .medianLower)
            try c.encode(medianUpper, forKey: .medianUpper)
            try c.encode(firstQuartile, forKey: .firstQuartile); try c.encode(thirdQuartile, forKey: .thirdQuartile)
            try c.encode(steps, forKey: .steps); try c.encode(atRiskTable, forKey: .atRiskTable)
        }
    }

    public struct LogRank: Encodable, Equatable, Sendable {
        public var chiSquare: Double, df: Int
        /// nil when df is 0 or a group has fewer than 10 patients (then `note` says so).
        public var p: Double?
        public var stratified: Bool
        public var note: String?
        enum K: String, CodingKey { case chiSquare, df, p, stratified, note }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(chiSquare, forKey: .chiSquare); try c.encode(df, forKey: .df); try c.encode(p, forKey: .p)
            try c.encode(stratified, forKey: .stratified); try c.encode(note, forKey: .note)
        }
    }

    public struct HazardRatio: Encodable, Equatable, Sendable {
        public var group: String, versus: String
        public var hr: Double?, lower: Double?, upper: Double?, p: Double?
        public var note: String?
        enum K: String, CodingKey { case group, versus, hr, lower, upper, p, note }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(group, forKey: .group); try c.encode(versus, forKey: .versus); try c.encode(hr, forKey: .hr)
            try c.encode(lower, forKey: .lower); try c.encode(upper, forKey: .upper); try c.encode(p, forKey: .p)
            try c.encode(note, forKey: .note)
        }
    }

    public struct IncidenceStep: Encodable, Equatable, Sendable {
        public var time: Double, atRisk: Int, events: Int, estimate: Double, stdErr: Double
    }

    public struct Incidence: Encodable, Equatable, Sendable {
        public var name: String
        public var event: Int
        /// What the event code means (e.g. "relapse", "death without relapse"), when known.
        public var label: String?
        public var steps: [IncidenceStep]
        /// The estimate at each chosen `--at` time.
        public var atTimes: [TimedEstimate]
        enum K: String, CodingKey { case name, event, label, steps, atTimes }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(name, forKey: .name); try c.encode(event, forKey: .event); try c.encode(label, forKey: .label)
            try c.encode(steps, forKey: .steps); try c.encode(atTimes, forKey: .atTimes)
        }
    }

    public struct TimedEstimate: Encodable, Equatable, Sendable {
        public var time: Double, estimate: Double
    }

    /// Who was analysed (`outcomes` only): the `--where` expression and its tri-state counts.
    public struct Cohort: Encodable, Equatable, Sendable {
        public var `where`: String?
        public var patients: Int, met: Int, notMet: Int, unknown: Int
        public init(where w: String?, patients: Int, met: Int, notMet: Int, unknown: Int) {
            self.where = w; self.patients = patients; self.met = met; self.notMet = notMet; self.unknown = unknown
        }
    }

    /// A patient of the cohort left out of the analysis, with the reason (`outcomes` only).
    public struct Exclusion: Encodable, Equatable, Sendable {
        public var id: String
        public var group: String?
        public var reason: String
        public init(id: String, group: String?, reason: String) { self.id = id; self.group = group; self.reason = reason }
    }

    public var endpoint: String
    /// The endpoint's definition with its rule set (`outcomes` only).
    public var definition: String?
    public var cohort: Cohort?
    public var excludedPatients: [Exclusion]?
    public var unit: String?
    public var confType: String
    public var ties: String
    public var groups: [Group]
    public var logRank: LogRank?
    public var hazardRatios: [HazardRatio]
    public var cumulativeIncidence: [Incidence]
    public var notes: [String]

    enum K: String, CodingKey {
        case endpoint, definition, unit, confType, ties, groups, logRank, hazardRatios, cumulativeIncidence, notes, cohort, excluded, excludedPatients
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: K.self)
        try c.encode(endpoint, forKey: .endpoint); try c.encode(unit, forKey: .unit)
        try c.encode(confType, forKey: .confType); try c.encode(ties, forKey: .ties)
        try c.encode(groups, forKey: .groups); try c.encode(logRank, forKey: .logRank)
        try c.encode(hazardRatios, forKey: .hazardRatios); try c.encode(cumulativeIncidence, forKey: .cumulativeIncidence)
        try c.encode(notes, forKey: .notes)
        try c.encodeIfPresent(definition, forKey: .definition)
        try c.encodeIfPresent(cohort, forKey: .cohort)
        if let e = excludedPatients {
            try c.encode(e.count, forKey: .excluded)
            try c.encode(e, forKey: .excludedPatients)
        }
    }

    /// Pretty-printed JSON with sorted keys off (the order above).
    public func jsonData() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return try e.encode(self)
    }
}
