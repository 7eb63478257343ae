import CaseModel
@testable import CaseStore
import XCTest

final class ScreeningWorkflowTests: XCTestCase {
    func d(_ s: String) -> LocalDate { TestFixtures.date(s) }

    func testFullPathKeepsHistoryWithDatesWhoAndReasons() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db, user: "coord.a")
        let steps: [(ScreeningStatus, String)] = [(.identified, "2026-11-02"), (.preScreened, "2026-11-05"), (.approached, "2026-11-10"),
                                                  (.consented, "2026-11-12"), (.enrolled, "2026-11-20")]
        for (status, date) in steps {
            try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "SL-AML-0001", status: status, date: d(date),
                                                     reason: "step \(status.rawValue)", source: "engine", arm: "A"))
        }
        let r = try XCTUnwrap(db.screeningRecords(trial: "SL-T-AML-001", patient: "SL-AML-0001").first)
        XCTAssertEqual(r.status, .enrolled)
        XCTAssertEqual(r.source, "engine")
        XCTAssertEqual(r.arm, "A")
        XCTAssertEqual(r.history.map(\.status), steps.map(\.0))
        XCTAssertEqual(r.history.map(\.date), steps.map { d($0.1) })
        XCTAssertEqual(Set(r.history.map(\.who)), ["coord.a"])
        XCTAssertEqual(r.history[2].reason, "step approached")
        // enrolled is final.
        XCTAssertTrue(WorkflowTestSupport.message {
            try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "SL-AML-0001", status: .declined, reason: "x"))
        }.contains("from enrolled to declined: enrolled is a final status"))
        XCTAssertEqual(try WorkflowTestSupport.count(db, "screeningEvent"), 5)
    }

    func testInvalidTransitionsAndMissingFieldsAreRefusedWithClearMessages() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        func set(_ status: ScreeningStatus, patient: String = "SL-AML-0001", trial: String = "SL-T-AML-001", date: String? = nil,
                 reason: String? = nil, criterion: String? = nil, recheck: String? = nil) -> String {
            WorkflowTestSupport.message {
                try s.setScreeningStatus(ScreeningChange(trial: trial, patient: patient, status: status, date: date.map(d),
                                                         reason: reason, criterion: criterion, recheck: recheck.map(d)))
            }
        }
        XCTAssertEqual(set(.enrolled), "cannot move patient SL-AML-0001 on trial SL-T-AML-001 from (not in the log) to enrolled: "
                       + "enrolled requires consented first (allowed next: identified, pre-screened, pre-screen-failed, deferred, declined).")
        XCTAssertEqual(set(.identified, date: "2026-11-20"), "")
        XCTAssertEqual(set(.identified), "cannot move patient SL-AML-0001 on trial SL-T-AML-001 from identified to identified: the patient is already identified.")
        XCTAssertTrue(set(.consented).contains("consented requires approached first"))
        XCTAssertTrue(set(.screenFailed, criterion: "x").contains("screen-failed applies only after consent"))
        XCTAssertEqual(set(.preScreenFailed), "screening status pre-screen-failed for patient SL-AML-0001 on trial SL-T-AML-001 requires the failed criterion (--criterion).")
        XCTAssertEqual(set(.declined), "screening status declined for patient SL-AML-0001 on trial SL-T-AML-001 requires a reason (--reason).")
        XCTAssertEqual(set(.deferred), "screening status deferred for patient SL-AML-0001 on trial SL-T-AML-001 requires a recheck date (--recheck).")
        XCTAssertEqual(set(.deferred, recheck: "2026-11-29"), "the recheck date 2026-11-29 must be after the date of the change (2026-11-29).")
        XCTAssertEqual(set(.preScreened, date: "2026-11-19"), "the date 2026-11-19 is before the last change of this record (2026-11-20); history is kept in order.")
        XCTAssertEqual(set(.identified, trial: "NCT-NOPE"), WorkflowError.unknownTrial(id: "NCT-NOPE").description)
        XCTAssertThrowsError(try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "NOPE", status: .identified))) {
            XCTAssertEqual($0 as? StoreError, .unknownPatient(id: "NOPE"))
        }
        XCTAssertEqual(set(.identified, patient: "SL-AML-0002", trial: "SL-T-AML-001", reason: nil).isEmpty, true)
        XCTAssertTrue(WorkflowTestSupport.message {
            try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-002", patient: "SL-AML-0001", status: .identified, source: "gossip"))
        }.contains("unknown screening source \"gossip\""))
        // Only the two valid changes were written.
        XCTAssertEqual(try WorkflowTestSupport.count(db, "screeningEvent"), 2)
        XCTAssertEqual(try s.sessionChanges().count, 2)
        // Screen failure after consent needs its criterion and is final.
        for (st, day) in [(ScreeningStatus.preScreened, "2026-11-21"), (.approached, "2026-11-22"), (.consented, "2026-11-23")] {
            XCTAssertEqual(set(st, date: day), "")
        }
        XCTAssertEqual(set(.screenFailed, date: "2026-11-24", criterion: "LVEF < 50 %"), "")
        XCTAssertTrue(set(.enrolled).contains("screen-failed is a final status"))
        XCTAssertEqual(try db.screeningRecords(patient: "SL-AML-0001").first?.history.last?.criterion, "LVEF < 50 %")
    }

    func testDeferredCreatesARecheckTaskThatClosesWhenTheStatusMovesOn() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-002", patient: "SL-AML-0002", status: .identified, date: d("2026-11-01")))
        try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-002", patient: "SL-AML-0002", status: .deferred, date: d("2026-11-10"),
                                                 reason: "active infection", recheck: d("2026-12-05")))
        let p = try db.patient(id: "SL-AML-0002")
        let task = try XCTUnwrap(try s.tasks(for: p).first { $0.id == "SL-AML-0002:screening-recheck-SL-T-AML-002" })
        XCTAssertEqual(task.due, d("2026-12-05"))
        XCTAssertEqual(task.kind, "trial pre-screening recheck")
        XCTAssertEqual(task.status, .dueSoon)
        XCTAssertEqual(try db.screeningRecords(trial: "SL-T-AML-002").first?.history.last?.recheck, d("2026-12-05"))
        try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-002", patient: "SL-AML-0002", status: .preScreened, date: d("2026-11-28")))
        XCTAssertNil(try s.tasks(for: p).first { $0.id.contains("screening-recheck") }, "the recheck task is closed")
    }

    func testTransitionTable() {
        XCTAssertEqual(ScreeningTransitions.allowed(after: .approached), [.consented, .deferred, .declined])
        for f in ScreeningTransitions.final { XCTAssertEqual(ScreeningTransitions.allowed(after: f), []) }
        XCTAssertNil(ScreeningTransitions.refusal(from: .consented, to: .enrolled))
        XCTAssertNotNil(ScreeningTransitions.refusal(from: .approached, to: .enrolled))
        XCTAssertNotNil(ScreeningTransitions.refusal(from: .preScreened, to: .consented))
        XCTAssertNil(ScreeningTransitions.refusal(from: .deferred, to: .approached))
    }
}
