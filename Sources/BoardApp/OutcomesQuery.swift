import CohortOutcomes

/// What the Outcomes view analyses: the endpoint, the grouping (`--by`) and the cohort (`--where`), as
/// `caseboard outcomes` takes them.
public struct OutcomesQuery: Equatable, Sendable {
    public var endpoint: Endpoint
    /// nil: one curve for the whole cohort.
    public var grouping: CohortGrouping?
    /// A trial-criteria expression; nil: every case.
    public var whereText: String?

    public init(endpoint: Endpoint = .os, grouping: CohortGrouping? = .eln2022, whereText: String? = nil) {
        self.endpoint = endpoint; self.grouping = grouping; self.whereText = whereText
    }

    /// The groupings the view cycles through (nil = all patients, one curve).
    public static var groupings: [CohortGrouping?] { [nil] + CohortGrouping.allCases.map { Optional($0) } }
}
