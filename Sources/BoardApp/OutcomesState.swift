import ScreenKit

/// The Outcomes view: the analysis asked for, its result (loaded by an effect), the selected group and, after
/// Enter, that group's patients.
public struct OutcomesState: Equatable, Sendable {
    public var query = OutcomesQuery()
    public var data: OutcomesData?
    /// True once a load finished (with data or an error).
    public var isLoaded = false
    /// The analysis could not run (no patient has the data, a bad --where): shown in place of the chart.
    public var problem: String?
    /// The selected group (legend).
    public var groups = ListState()
    /// The group whose patients are listed (Enter), nil while the chart shows.
    public var listedGroup: String?
    public var patientList = ListState()
    public init() {}

    public var selectedGroup: String? {
        guard let g = data?.report.groups, groups.selected < g.count else { return nil }
        return g[groups.selected].name
    }

    public var listedPatients: [OutcomesPatient] { listedGroup.flatMap { g in data?.patients(of: g) } ?? [] }
}
