import CaseModel
import XCTest
@testable import CohortOutcomes

/// `outcomes --by trial-arm` (issue #14 item 4): the group is the trial and arm of the patient's enrolment in the
/// pre-screening log (formats.md: status `enrolled`); never-enrolled patients are excluded with the reason.
final class TrialArmGroupingTests: XCTestCase {
    static let today = LocalDate(year: 2026, month: 11, day: 29)!
    func d(_ s: String) -> LocalDate { LocalDate(s)! }

    func record(_ patient: String, _ trial: String, arm: String?, _ steps: [(String, ScreeningStatus)]) -> ScreeningRecord {
        ScreeningRecord(patient: patient, trial: trial, arm: arm, source: "RCP",
                        history: steps.map { ScreeningEvent(date: d($0.0), status: $0.1, who: "crc") })
    }

    func testEnrolmentGroupsFirstEnrolmentWins() {
        let log = [
            record("P1", "T-B", arm: "A", [("2026-01-01", .identified), ("2026-01-20", .consented), ("2026-02-01", .enrolled)]),
            record("P1", "T-A", arm: "B", [("2026-03-01", .identified), ("2026-03-10", .consented), ("2026-03-15", .enrolled)]),
            record("P2", "T-A", arm: nil, [("2026-01-05", .consented), ("2026-01-06", .enrolled)]),
            record("P3", "T-A", arm: "B", [("2026-01-05", .identified), ("2026-01-06", .declined)]),
        ]
        XCTAssertEqual(TrialEnrolment.groups(log), ["P1": "T-B arm A", "P2": "T-A (arm not recorded)"])
    }

    func testByTrialArmOnTheDemoCohort() throws {
        let patients = try CohortAnalysisTests.demoPatients()
        let osPatients = patients.filter { $0.lastContact != nil || $0.death != nil }.prefix(40).map(\.id)
        XCTAssertEqual(osPatients.count, 40, "the demo has outcome data")
        var enrolments: [String: String] = [:]
        for (i, id) in osPatients.enumerated() { enrolments[id] = i % 2 == 0 ? "DEMO-1 arm A" : "DEMO-1 arm B" }
        var request = CohortAnalysis.Request(endpoint: .os, grouping: .trialArm, today: Self.today)
        request.enrolments = enrolments
        let r = try CohortAnalysis.run(patients, request)
        XCTAssertEqual(r.report.groups.map(\.name), ["DEMO-1 arm A", "DEMO-1 arm B"])
        XCTAssertEqual(r.report.groups.map(\.n).reduce(0, +) + r.excluded.filter { $0.group != nil }.count, 40)
        XCTAssertEqual(r.excluded.filter { $0.reason.hasPrefix("not enrolled in a trial") }.count, patients.count - 40)
        XCTAssertEqual(CohortGrouping(rawValue: "trial-arm"), .trialArm)
    }
}
