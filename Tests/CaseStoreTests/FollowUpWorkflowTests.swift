import CaseModel
@testable import CaseStore
import XCTest

final class FollowUpWorkflowTests: XCTestCase {
    func d(_ s: String) -> LocalDate { TestFixtures.date(s) }

    func testDoneOnARepeatingScheduleCreatesTheNextOccurrenceFromTheDoneDate() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db, user: "nurse.b")
        let outcome = try s.completeTask(id: "SL-AML-0001:cbc", date: d("2026-11-27"))
        XCTAssertEqual(outcome.task.status, .done)
        let next = try XCTUnwrap(outcome.next)
        XCTAssertEqual(next.id, "SL-AML-0001:cbc#2")
        XCTAssertEqual(next.due, d("2026-11-27").adding(days: 91), "the schedule moves on from the done date, not the due date")
        XCTAssertEqual(next.repeatDays, 91)
        // What the database holds: the completion (with its occurrence) and the next task.
        let states = try db.taskStates(patientId: "SL-AML-0001")
        XCTAssertEqual(states.count, 1)
        XCTAssertEqual(states[0].done, d("2026-11-27"))
        XCTAssertEqual(states[0].occurrenceDue, d("2026-12-01"))
        XCTAssertEqual(states[0].who, "nurse.b")
        XCTAssertEqual(try db.appTasks(patientId: "SL-AML-0001").map(\.id), ["SL-AML-0001:cbc#2"])
        // The worklist: the done task is gone, the next one is listed; completing it chains to #3.
        let patients = try db.patients()
        let list = try s.worklist(patients: patients).filter { $0.patient == "SL-AML-0001" }.map(\.id)
        XCTAssertFalse(list.contains("SL-AML-0001:cbc"))
        XCTAssertTrue(list.contains("SL-AML-0001:cbc#2"))
        let second = try s.completeTask(id: "SL-AML-0001:cbc#2", date: d("2026-11-29"))
        XCTAssertEqual(second.next?.id, "SL-AML-0001:cbc#3")
        XCTAssertEqual(second.next?.due, d("2026-11-29").adding(days: 91))
        // The done tasks stay visible as done in the patient's task list.
        let all = try s.tasks(for: try db.patient(id: "SL-AML-0001"))
        XCTAssertEqual(all.first { $0.id == "SL-AML-0001:cbc" }?.done, d("2026-11-27"))
        XCTAssertEqual(all.first { $0.id == "SL-AML-0001:cbc#2" }?.status, .done)
    }

    /// The worklist read a chunk of patients at a time is the worklist of all patients at once (same tasks, same order,
    /// with the nurses' records applied), for every chunk size, including one patient per chunk.
    func testWorklistByChunksIsTheWorklistOfAllPatients() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db, user: "nurse.b")
        _ = try s.completeTask(id: "SL-AML-0001:cbc", date: d("2026-11-27"))
        let whole = try s.worklist(patients: try db.patients(), dueWithinDays: 60)
        XCTAssertGreaterThan(whole.count, 3)
        XCTAssertEqual(try s.worklistOfAllPatients(dueWithinDays: 60), whole)
        var chunks = 0, seen: [String] = []
        try db.forEachPatientChunk(size: 1) { chunk in chunks += 1; seen += chunk.map(\.id) }
        XCTAssertEqual(seen, try db.patientIDs(), "every patient once, in id order")
        XCTAssertEqual(chunks, seen.count)
    }

    func testDoneOnOneOffAndExplicitTasksAndRefusals() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        let one = try s.completeTask(id: "SL-AML-0002:vacc-1")
        XCTAssertEqual(one.task.done, WorkflowTestSupport.today, "the date defaults to today")
        XCTAssertNil(one.next, "a one-off task has no next occurrence")
        // Explicit task of the case file (id "t1" in the data).
        let explicit = try s.completeTask(id: "t1", date: d("2026-11-28"))
        XCTAssertEqual(explicit.task.patient, "SL-AML-0001", "explicit ids resolve through the followUp table")
        XCTAssertEqual(explicit.task.done, d("2026-11-28"))
        XCTAssertEqual(WorkflowTestSupport.message { try s.completeTask(id: "SL-AML-0002:vacc-1") },
                       "task SL-AML-0002:vacc-1 is already done (on 2026-11-29).")
        WorkflowTestSupport.assertThrows(.unknownTask(id: "SL-AML-0002:nope")) { try s.completeTask(id: "SL-AML-0002:nope") }
        WorkflowTestSupport.assertThrows(.unknownTask(id: "NOBODY:cbc")) { try s.completeTask(id: "NOBODY:cbc") }
        XCTAssertEqual(WorkflowTestSupport.message { try s.completeTask(id: "SL-ALL-0003:cbc", date: d("2026-12-01")) },
                       "the done date 2026-12-01 is after today (2026-11-29).")
        XCTAssertEqual(try db.taskStates().count, 2)
        // An explicit task the data marks `done: true` without a date stays done and cannot be done again.
        let flagged = "SL-AML-0001:clinic visit:2026-10-01"
        XCTAssertEqual(try s.tasks(for: try db.patient(id: "SL-AML-0001")).first { $0.id == flagged }?.status, .done)
        XCTAssertEqual(WorkflowTestSupport.message { try s.completeTask(id: flagged) }, "task \(flagged) is already done.")
    }

    func testRescheduleAndNote() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db, user: "nurse.c")
        let moved = try s.rescheduleTask(id: "SL-ALL-0003:vacc-1", to: d("2026-12-20"), reason: "febrile, postpone")
        XCTAssertEqual(moved.due, d("2026-12-20"))
        XCTAssertEqual(moved.status, .upcoming)
        XCTAssertEqual(WorkflowTestSupport.message { try s.rescheduleTask(id: "SL-ALL-0003:vacc-1", to: d("2026-12-21"), reason: " ") },
                       "rescheduling task SL-ALL-0003:vacc-1 requires a reason (--reason).")
        let noted = try s.noteTask(id: "SL-ALL-0003:vacc-1", text: "call the GP")
        XCTAssertEqual(noted.due, d("2026-12-20"), "a note keeps the rescheduled date")
        XCTAssertTrue(noted.note?.contains("rescheduled from 2026-11-01 by nurse.c: febrile, postpone") == true, noted.note ?? "")
        XCTAssertTrue(noted.note?.contains("note 2026-11-29 nurse.c: call the GP") == true, noted.note ?? "")
        let states = try db.taskStates(patientId: "SL-ALL-0003")
        XCTAssertEqual(states.map(\.rescheduledDue), [d("2026-12-20"), nil])
        XCTAssertEqual(states.map(\.note), [nil, "call the GP"])
        XCTAssertEqual(states.map(\.occurrenceDue), [d("2026-11-01"), d("2026-11-01")], "both refer to the original occurrence")
        // Done after a reschedule applies to the same occurrence.
        try s.completeTask(id: "SL-ALL-0003:vacc-1")
        XCTAssertEqual(try s.tasks(for: try db.patient(id: "SL-ALL-0003")).first { $0.id == "SL-ALL-0003:vacc-1" }?.status, .done)
        XCTAssertTrue(WorkflowTestSupport.message { try s.rescheduleTask(id: "SL-ALL-0003:vacc-1", to: d("2027-01-01"), reason: "r") }
            .contains("already done"))
        XCTAssertEqual(WorkflowTestSupport.message { try s.noteTask(id: "SL-ALL-0003:vacc-1", text: "") },
                       "a note on task SL-ALL-0003:vacc-1 needs some text (--text).")
    }

    func testAGeneratedOccurrenceThatMovesIsNotMarkedDoneByAnOlderCompletion() throws {
        // The schedule later moves the same task id to a new due date (a new sample arrived):
        // the completion recorded for the old occurrence must not mark the new one done.
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        try s.completeTask(id: "SL-AML-0002:vacc-1", date: d("2026-11-02"))
        let moved: WorkflowService.TaskProvider = { p, today in
            [FollowUpTask(id: "\(p.id):vacc-1", patient: p.id, due: TestFixtures.date("2027-05-01"), kind: "vaccination",
                          status: .upcoming, source: "test schedule")]
        }
        let later = try WorkflowService(db: db, user: "x", today: WorkflowTestSupport.today, taskProvider: moved)
        XCTAssertEqual(try later.tasks(for: try db.patient(id: "SL-AML-0002")).first?.status, .upcoming)
    }
}
