import CaseModel
@testable import CaseStore
import XCTest

final class ScreeningExportTests: XCTestCase {
    func testPseudonymisedCSVGoldenWithCounts() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db, user: "coord.a")
        func set(_ p: String, _ st: ScreeningStatus, _ date: String, reason: String? = nil, criterion: String? = nil, recheck: String? = nil) throws {
            try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: p, status: st, date: TestFixtures.date(date), reason: reason,
                                                     criterion: criterion, recheck: recheck.map(TestFixtures.date), source: "engine", arm: "A"))
        }
        try set("SL-AML-0001", .identified, "2026-11-01")
        try set("SL-AML-0001", .preScreened, "2026-11-03")
        try set("SL-AML-0001", .approached, "2026-11-05", reason: "seen in clinic")
        try set("SL-AML-0001", .consented, "2026-11-07", reason: "ICF v3.1")
        try set("SL-AML-0001", .enrolled, "2026-11-12")
        try set("SL-AML-0002", .identified, "2026-11-01")
        try set("SL-AML-0002", .preScreenFailed, "2026-11-04", criterion: "ECOG ≤ 2, \"last\" ECOG 3")
        try set("SL-ALL-0003", .deferred, "2026-11-02", reason: "active infection", recheck: "2026-12-02")
        try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-002", patient: "SL-AML-0001", status: .identified))
        let csv = ScreeningExport.csv(try db.screeningRecords(trial: "SL-T-AML-001"))
        WorkflowTestSupport.assertGolden(csv, "screening-SL-T-AML-001.csv")
        // Pseudonymised: no name, no MRN, no birth date of any fixture patient.
        for p in try db.patients() {
            XCTAssertFalse(csv.contains(p.identity?.family ?? "#"))
            XCTAssertFalse(csv.contains(p.identity?.mrn ?? "#"))
            XCTAssertFalse(csv.contains(try XCTUnwrap(p.birthDate).description))
        }
        XCTAssertFalse(csv.contains("SL-T-AML-002"), "only the trial asked for")
        let counts = Dictionary(uniqueKeysWithValues: ScreeningExport.counts(try db.screeningRecords(trial: "SL-T-AML-001")).map { ("\($0.0.0)|\($0.0.1)", $0.1) })
        XCTAssertEqual(counts["in_log|"], 3)
        XCTAssertEqual(counts["screened|"], 3)
        XCTAssertEqual(counts["eligible|"], 1, "enrolled: confirmed by protocol screening")
        XCTAssertEqual(counts["possibly_eligible|"], 1, "pre-screened (potentially eligible)")
        XCTAssertFalse(csv.contains("measure,detail,count"), "the rows file holds one table; the counts are --summary")
        WorkflowTestSupport.assertGolden(ScreeningExport.summaryCSV(try db.screeningRecords(trial: "SL-T-AML-001")),
                                         "screening-SL-T-AML-001-summary.csv")
        XCTAssertEqual(counts["consented|"], 1)
        XCTAssertEqual(counts["enrolled|"], 1)
        XCTAssertEqual(counts["deferred|"], 1)
        XCTAssertEqual(counts["failed|pre-screen-failed: ECOG ≤ 2, \"last\" ECOG 3"], 1)
    }

    func testFieldQuotingAndFormulaNeutralising() {
        XCTAssertEqual(ScreeningExport.field("a,b"), "\"a,b\"")
        XCTAssertEqual(ScreeningExport.field("say \"no\""), "\"say \"\"no\"\"\"")
        XCTAssertEqual(ScreeningExport.field("=HYPERLINK(1)"), "'=HYPERLINK(1)")
        XCTAssertEqual(ScreeningExport.field("plain"), "plain")
    }
}
