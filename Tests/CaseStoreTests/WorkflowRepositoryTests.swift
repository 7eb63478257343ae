import CaseModel
@testable import CaseStore
import XCTest

/// The UI drives the workflows through `any WorkflowRepository` (BoardApp cannot import CaseStore):
/// a scripted session as the reducer would run it — record, mark done, move a status, undo.
final class WorkflowRepositoryTests: XCTestCase {
    func testScriptedSessionThroughTheRepositoryProtocol() throws {
        let db = try WorkflowTestSupport.database()
        let repo: any WorkflowRepository = try WorkflowTestSupport.service(db, user: "ui.user")
        XCTAssertFalse(repo.isReadOnly)
        let m = try repo.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP SMD", site: nil)
        _ = try repo.addToAgenda(meetingId: m.id, patientId: "SL-AML-0002", question: "Luspatercept ?")
        let outcome = try repo.recordDecision(meetingId: m.id, patientId: "SL-AML-0002", decision: BoardDecision(
            participants: [Participant(name: "A", specialty: "haematology")], proposal: "Luspatercept", followsGuideline: true,
            nextReview: TestFixtures.date("2027-03-01")))
        XCTAssertEqual(outcome.warnings.count, 1)
        let before = try repo.worklist(patients: try db.patients(), dueWithinDays: nil, site: nil)
        XCTAssertTrue(before.contains { $0.id == "SL-AML-0002:rcp-review-\(m.id)" })
        _ = try repo.completeTask(id: "SL-AML-0002:vacc-1", date: nil)
        _ = try repo.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-002", patient: "SL-AML-0002", status: .identified))
        let after = try repo.worklist(patients: try db.patients(), dueWithinDays: nil, site: nil)
        XCTAssertEqual(after.count, before.count - 1)
        XCTAssertEqual(try repo.sessionChanges().map(\.action),
                       ["screening.identified", "followUp.done", "meeting.decision", "meeting.agenda.add", "meeting.create"])
        // u twice: the screening entry, then the completion.
        _ = try repo.undoLastChange()
        _ = try repo.undoLastChange()
        XCTAssertEqual(try repo.screeningRecords(trial: nil, patient: nil).count, 0)
        XCTAssertEqual(try repo.worklist(patients: try db.patients(), dueWithinDays: nil, site: nil).count, before.count)
        XCTAssertEqual(try repo.meeting(id: m.id).agenda.first?.decision?.proposal, "Luspatercept")
    }
}
