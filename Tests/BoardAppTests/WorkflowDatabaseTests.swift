import XCTest
import CaseModel
import CaseStore
import ClinicalRules
import ScreenKit
@testable import BoardApp
import ScreenTesting

/// The worklist keys through the reducer and runtime against the REAL workflow store (`WorkflowService`
/// over an in-memory SQLite database), asserting what the database holds afterwards.
final class WorkflowDatabaseTests: XCTestCase {
    func makeRuntime() throws -> (AppRuntime, WorkflowService, AppDatabase) {
        let db = try AppDatabase.inMemory()
        _ = try db.importPatients(BoardFixtures.patients, who: "test")
        let service = try WorkflowService(db: db, user: "nurse", today: BoardFixtures.today,
                                          taskProvider: { FollowUpScheduler.tasks(for: $0, today: $1) },
                                          clock: { "2026-11-29T10:00:00Z" })
        let repo = BoardFixtures.repository(backing: .init(taskProvider: { try service.tasks(for: $0) }))
        let rt = AppRuntime(repository: repo, width: 120, height: 40, ascii: false, workflows: service,
                            screeningNext: { ScreeningTransitions.allowed(after: $0) })
        rt.start()
        return (rt, service, db)
    }

    func testMarkDoneIsStoredAuditedAndUndone() throws {
        let (rt, service, db) = try makeRuntime()
        rt.send(.view3)
        let row = try XCTUnwrap(rt.state.worklist.selectedRow, "the worklist has tasks")
        let taskID = row.task.id
        let patient = try XCTUnwrap(BoardFixtures.patients.first { $0.id == row.task.patient })
        XCTAssertNil(try service.tasks(for: patient).first { $0.id == taskID }?.done)

        rt.send(.key(.char("d")))
        XCTAssertTrue(try db.auditEntries().filter { $0.action != "import" && !$0.action.hasPrefix("import") }.isEmpty,
                      "nothing written before the confirmation")
        rt.send(.key(.char("y")))
        let done = try service.tasks(for: patient).first { $0.id == taskID }
        XCTAssertEqual(done?.done, BoardFixtures.today, "the completion is in the database")
        XCTAssertEqual(done?.status, .done)
        let audit = try db.auditEntries().filter { $0.who == "nurse" }
        XCTAssertEqual(audit.map(\.action), ["followUp.done"])
        XCTAssertNotNil(audit.first?.after)

        rt.send(.key(.char("u")))
        rt.send(.key(.char("y")))
        XCTAssertNil(try service.tasks(for: patient).first { $0.id == taskID }?.done, "undo reverted the completion")
        XCTAssertTrue(rt.state.message?.hasPrefix("Undone") == true, rt.state.message ?? "")
    }
}
