import CohortOutcomes
import CaseModel
import SurvivalStats

/// One patient of an analysed group (the Outcomes view lists them on Enter).
public struct OutcomesPatient: Equatable, Sendable {
    public var id: String
    public var group: String
    public var months: Double
    /// 0 censored, 1 event, 2 competing event.
    public var status: Int
    /// What ended the time ("death", "relapse", "last contact", …).
    public var outcome: String?
    public init(id: String, group: String, months: Double, status: Int, outcome: String?) {
        self.id = id; self.group = group; self.months = months; self.status = status; self.outcome = outcome
    }
}

/// The result the Outcomes view draws: the statistics (as `outcomes --json` reports them) and the patients per group.
/// Computed by an effect (the repository), never while rendering.
public struct OutcomesData: Equatable, Sendable {
    public var query: OutcomesQuery
    public var report: SurvivalReport
    public var patients: [OutcomesPatient]
    public init(query: OutcomesQuery, report: SurvivalReport, patients: [OutcomesPatient]) {
        self.query = query; self.report = report; self.patients = patients
    }

    /// Runs the analysis over `patients` (pure: CohortAnalysis), with the at-risk table every 12 months to 120.
    public static func analyse(_ patients: [Patient], query: OutcomesQuery, today: LocalDate,
                               enrolments: [String: String] = [:]) throws -> OutcomesData {
        var request = CohortAnalysis.Request(endpoint: query.endpoint, grouping: query.grouping, whereText: query.whereText,
                                             at: OutcomesData.atRiskTimes, today: today)
        request.enrolments = enrolments
        let r = try CohortAnalysis.run(patients, request)
        let ps = r.records.compactMap { g, rec -> OutcomesPatient? in
            guard let m = rec.months, let st = rec.status else { return nil }
            return OutcomesPatient(id: rec.patientId, group: g, months: m, status: st, outcome: rec.outcome)
        }
        return OutcomesData(query: query, report: r.report, patients: ps)
    }

    /// Months of the number-at-risk table (those within the axis are shown).
    public static let atRiskTimes: [Double] = stride(from: 0, through: 240, by: 6).map(Double.init)

    public func patients(of group: String) -> [OutcomesPatient] {
        patients.filter { $0.group == group }.sorted { ($0.months, $0.id) < ($1.months, $1.id) }
    }
}
