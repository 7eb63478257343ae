import CaseModel
@testable import CaseStore
import Foundation
import XCTest

final class AuditUndoTests: XCTestCase {
    func json(_ text: String?) throws -> [[String: Any]] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(text).utf8)) as? [[String: Any]])
    }

    func testEveryWriteIsAuditedWithWhoWhenWhatAndRowsBeforeAfter() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db, user: "coord.z")
        try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "SL-AML-0001", status: .identified, date: TestFixtures.date("2026-11-01")))
        try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "SL-AML-0001", status: .preScreened))
        let entries = try s.sessionChanges()
        XCTAssertEqual(entries.map(\.action), ["screening.pre-screened", "screening.identified"])
        let e = entries[0]
        XCTAssertEqual(e.who, "coord.z")
        XCTAssertEqual(e.at, WorkflowTestSupport.now)
        XCTAssertEqual(e.entity, "screening/SL-T-AML-001/SL-AML-0001")
        let before = try json(e.before), after = try json(e.after)
        XCTAssertEqual(before.map { $0["table"] as? String }, ["screening", "screeningEvent"])
        XCTAssertEqual((before[0]["row"] as? [String: Any])?["status"] as? String, "identified")
        XCTAssertEqual((after[0]["row"] as? [String: Any])?["status"] as? String, "pre-screened")
        XCTAssertTrue(before[1]["row"] is NSNull, "the event row did not exist before")
        XCTAssertEqual((after[1]["row"] as? [String: Any])?["who"] as? String, "coord.z")
    }

    func testUndoRevertsTheLastChangeOfTheSessionAndIsAudited() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        let m = try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP")
        try s.addToAgenda(meetingId: m.id, patientId: "SL-AML-0001", question: "Q")
        let board = [Participant(name: "A", specialty: "haematology"), Participant(name: "B", specialty: "pathology"),
                     Participant(name: "C", specialty: "radiology")]
        try s.recordDecision(meetingId: m.id, patientId: "SL-AML-0001", decision: BoardDecision(
            participants: board, proposal: "P", followsGuideline: true, trialProposed: "SL-T-AML-001",
            nextReview: TestFixtures.date("2027-01-01")))
        XCTAssertEqual(try WorkflowTestSupport.count(db, "screening"), 1)
        // u: the decision, its screening entry and its review task go; the agenda item stays.
        let undo = try s.undoLastChange()
        XCTAssertEqual(undo.action, "undo")
        XCTAssertEqual(undo.entity, "meeting/\(m.id)/SL-AML-0001")
        XCTAssertNil(try db.meeting(id: m.id).agenda[0].decision)
        XCTAssertEqual(try db.meeting(id: m.id).agenda.count, 1)
        XCTAssertEqual(try WorkflowTestSupport.count(db, "screening"), 0)
        XCTAssertEqual(try WorkflowTestSupport.count(db, "screeningEvent"), 0)
        XCTAssertEqual(try WorkflowTestSupport.count(db, "workflowTask"), 0)
        // u again: the agenda item; then the meeting; then nothing left.
        try s.undoLastChange()
        XCTAssertEqual(try db.meeting(id: m.id).agenda.count, 0)
        try s.undoLastChange()
        XCTAssertThrowsError(try db.meeting(id: m.id))
        WorkflowTestSupport.assertThrows(.nothingToUndo) { try s.undoLastChange() }
        // All six entries are in the log; the three originals point at their undo.
        let log = try s.sessionChanges()
        XCTAssertEqual(log.map(\.action), ["undo", "undo", "undo", "meeting.decision", "meeting.agenda.add", "meeting.create"])
        XCTAssertEqual(log.last?.entity, "meeting/\(m.id)")
        XCTAssertEqual(log.first?.entity, "meeting/\(m.id)", "the undo names what it reverted")
        // Append-only (issue 12 item 8): the undo rows name what they undo; the originals are never updated.
        let undone = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM auditLog WHERE undoes IS NOT NULL") }
        XCTAssertEqual(undone, 3)
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM auditLog WHERE undoneBy IS NOT NULL") }, 0)
        XCTAssertTrue(try db.verifyAuditChain().intact)
    }

    func testUndoOfATaskCompletionRemovesTheNextOccurrenceToo() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        try s.completeTask(id: "SL-AML-0001:cbc", date: TestFixtures.date("2026-11-28"))
        try s.undoLastChange()
        XCTAssertEqual(try db.taskStates().count, 0)
        XCTAssertEqual(try db.appTasks().count, 0)
        XCTAssertEqual(try s.tasks(for: try db.patient(id: "SL-AML-0001")).first { $0.id == "SL-AML-0001:cbc" }?.status, .dueSoon)
    }

    func testUndoReachesOnlyThisSessionAndRefusesConflicts() throws {
        let db = try WorkflowTestSupport.database()
        let first = try WorkflowTestSupport.service(db, user: "a")
        try first.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "SL-AML-0001", status: .identified))
        // A second session (another terminal) cannot undo the first one's change.
        let second = try WorkflowTestSupport.service(db, user: "b")
        WorkflowTestSupport.assertThrows(.nothingToUndo) { try second.undoLastChange() }
        // The second session moves the same record on; the first session's undo would clobber it: refused.
        try second.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "SL-AML-0001", status: .preScreened))
        WorkflowTestSupport.assertThrows(.undoConflict(entity: "screening/SL-T-AML-001/SL-AML-0001")) { try first.undoLastChange() }
        XCTAssertEqual(try db.screeningRecords().first?.status, .preScreened)
        try second.undoLastChange()
        XCTAssertEqual(try db.screeningRecords().first?.status, .identified)
        try first.undoLastChange()
        XCTAssertEqual(try db.screeningRecords().count, 0)
    }

    func testReadOnlyDatabaseRefusesEveryWriteWithAClearMessage() throws {
        let dir = TestFixtures.tempDirectory()
        let path = dir.appendingPathComponent("ro.sqlite").path
        do {
            let rw = try AppDatabase.open(path: path, create: true)
            try rw.importPatients([TestFixtures.patient("SL-AML-0001")], who: "import")
            let s = try WorkflowTestSupport.service(rw)
            let m = try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP")
            try s.addToAgenda(meetingId: m.id, patientId: "SL-AML-0001", question: "Q")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let ro = try AppDatabase.open(path: path, readOnly: true)
        let s = try WorkflowTestSupport.service(ro)
        let writes: [(String, () throws -> Void)] = [
            ("create a board meeting", { _ = try s.createMeeting(date: TestFixtures.date("2026-11-30"), name: "X") }),
            ("record a board decision", { _ = try s.recordDecision(meetingId: "RCP-2026-11-29-1", patientId: "SL-AML-0001",
                decision: BoardDecision(participants: [], proposal: "P", followsGuideline: true)) }),
            ("change a screening status", { _ = try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "SL-AML-0001", status: .identified)) }),
            ("mark a follow-up task done", { _ = try s.completeTask(id: "SL-AML-0001:cbc") }),
            ("reschedule a follow-up task", { _ = try s.rescheduleTask(id: "SL-AML-0001:cbc", to: TestFixtures.date("2027-01-01"), reason: "r") }),
            ("add a note to a follow-up task", { _ = try s.noteTask(id: "SL-AML-0001:cbc", text: "t") }),
            ("undo the last change", { _ = try s.undoLastChange() }),
        ]
        for (what, write) in writes {
            XCTAssertThrowsError(try write(), what) { error in
                XCTAssertEqual(error as? StoreError, .readOnly(path: path, action: what))
                XCTAssertTrue("\(error)".contains("is open read-only"), "\(error)")
            }
        }
        XCTAssertEqual(try ro.meetings().count, 1, "reads still work")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "nothing was written")
    }
}
