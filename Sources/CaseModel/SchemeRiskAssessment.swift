/// One risk score of a non-AML disease group (formats.md §4 `risk`): IPSS-R, IPSS-M, ELTS, Sokal,
/// DIPSS, PV-thrombosis, ET-IPSET-thrombosis, T-ALL-GRAALL-2013, T-ALL-NGS-2024, IKZF1plus, ALL-MRD,
/// AA-severity. (`RiskAssessment` is the ELN value; this one carries the scheme's own category words.)
///
/// `complete` is false when an input was missing; `missing` then names each. `category` is the
/// category the data prove; when the missing inputs leave more than one category possible it is
/// `not-evaluable` and `possible` lists the categories still consistent with the data. Never a default.
public struct SchemeRiskAssessment: Codable, Sendable, Equatable {
    /// The word used when the data do not decide the category.
    public static let notEvaluable = "not-evaluable"

    /// One scenario of a score with imputed inputs (IPSS-M best / mean / worst, as its authors define them).
    public struct Scenario: Codable, Sendable, Equatable {
        public var score: Double
        public var category: String
        public init(score: Double, category: String) { self.score = score; self.category = category }
    }

    public var scheme: String
    public var version: String
    public var category: String
    public var score: Double?
    public var complete: Bool
    public var missing: [String]
    public var drivers: [String]
    /// Categories consistent with the data, in the scheme's order (one entry when decided).
    public var possible: [String]
    /// IPSS-M only: the scores with missing genes set to their best / average / worst values.
    public var scenarios: [String: Scenario]?

    public init(scheme: String, version: String, category: String, score: Double? = nil, complete: Bool,
                missing: [String] = [], drivers: [String] = [], possible: [String]? = nil,
                scenarios: [String: Scenario]? = nil) {
        self.scheme = scheme; self.version = version; self.category = category; self.score = score
        self.complete = complete; self.missing = missing; self.drivers = drivers
        self.possible = possible ?? (category == SchemeRiskAssessment.notEvaluable ? [] : [category])
        self.scenarios = scenarios
    }

    /// Whether the data decide the category.
    public var isDecided: Bool { category != SchemeRiskAssessment.notEvaluable }
}
