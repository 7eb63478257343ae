import CaseModel
import ClinicalRules
@testable import CaseStore
import XCTest

/// A patient recorded dead (issue #14, `DeceasedRule`): through the workflows — the path of `followups`, `case` and the
/// UI — an open explicit task stays "patient deceased" after the nurses' records are applied (it used to become overdue
/// again there), keeps its status by due date beside it, and a completion still makes it done.
final class DeceasedWorkflowTasksTests: XCTestCase {
    func testADeceasedPatientsTaskStaysPatientDeceasedThroughTheWorkflows() throws {
        let db = try AppDatabase.inMemory()
        var p = TestFixtures.patient("SL-AML-0009")
        p.followUps = [FollowUp(id: "SL-AML-0009:visit", due: TestFixtures.date("2026-11-01"), kind: "clinic visit")]
        p.vitalStatus = .dead
        p.death = Death(date: TestFixtures.date("2026-10-20"))
        try db.importPatients([p], who: "import")
        let today = WorkflowTestSupport.today
        let s = try WorkflowService(db: db, user: "nurse", today: today, taskProvider: { FollowUpScheduler.tasks(for: $0, today: $1) },
                                    clock: { WorkflowTestSupport.now })
        let task = try XCTUnwrap(try s.tasks(for: try db.patient(id: p.id)).first { $0.id == "SL-AML-0009:visit" })
        XCTAssertEqual(task.status, .patientDeceased, "not overdue: the patient died on 2026-10-20")
        XCTAssertEqual(task.dueStatus, .overdue, "due 2026-11-01, today \(today)")
        XCTAssertFalse(try s.worklistOfAllPatients().contains { $0.status == .overdue })
        _ = try s.rescheduleTask(id: task.id, to: TestFixtures.date("2027-01-15"), reason: "family asked")
        let moved = try XCTUnwrap(try s.tasks(for: try db.patient(id: p.id)).first { $0.id == task.id })
        XCTAssertEqual(moved.status, .patientDeceased)
        XCTAssertEqual(moved.dueStatus, .upcoming, "the status by the new due date")
        _ = try s.completeTask(id: task.id, date: today)
        XCTAssertEqual(try s.tasks(for: try db.patient(id: p.id)).first { $0.id == task.id }?.status, .done)
    }
}
