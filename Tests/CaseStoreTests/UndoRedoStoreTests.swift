import CaseModel
@testable import CaseStore
import Foundation
import GRDB
import XCTest

/// Issue 17: undo of one screen's change (not only the session's newest), redo as editors do it (audited, cleared
/// by a new change), meeting ids never reused after an undo, who is acting, and the change counter another
/// process's commit moves (live data).
final class UndoRedoStoreTests: XCTestCase {
    let trial = "SL-T-AML-001", patient = "SL-AML-0001"

    func testUndoOfAnOlderChangeLeavesTheNewerOneAndIsAudited() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        try s.setScreeningStatus(ScreeningChange(trial: trial, patient: patient, status: .identified, date: TestFixtures.date("2026-11-01")))
        let m = try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP")
        let history = try s.sessionHistory()
        XCTAssertEqual(history.map(\.entry.action), ["meeting.create", "screening.identified"])
        // The screening screen's `u`: its latest change is the older entry.
        let target = try XCTUnwrap(SessionHistory.undoTarget(history, families: ["screening"]))
        XCTAssertEqual(target.entry.action, "screening.identified")
        let undo = try s.undoChange(id: target.id)
        XCTAssertEqual(undo.action, "undo")
        XCTAssertEqual(try WorkflowTestSupport.count(db, "screening"), 0, "the screening record is gone")
        XCTAssertNoThrow(try db.meeting(id: m.id), "the newer change (the meeting) is untouched")
        let after = try s.sessionHistory()
        XCTAssertEqual(after.first { $0.id == target.id }?.undoneBy, undo.id, "the change points at its undo")
        // Undoing it again is refused (not in force), nothing written.
        let n = try s.sessionChanges().count
        WorkflowTestSupport.assertThrows(.notUndoable(id: target.id)) { try s.undoChange(id: target.id) }
        XCTAssertEqual(try s.sessionChanges().count, n)
    }

    func testRedoReappliesTheUndoAndANewChangeClearsIt() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        WorkflowTestSupport.assertThrows(.nothingToRedo) { try s.redoLastUndo() }
        try s.setScreeningStatus(ScreeningChange(trial: trial, patient: patient, status: .identified))
        try s.setScreeningStatus(ScreeningChange(trial: trial, patient: patient, status: .preScreened))
        try s.undoLastChange()
        XCTAssertEqual(try s.screeningRecords(trial: trial, patient: patient).first?.status, .identified)
        let redo = try s.redoLastUndo()
        XCTAssertEqual(redo.action, "redo")
        XCTAssertEqual(redo.entity, "screening/\(trial)/\(patient)")
        XCTAssertEqual(try s.screeningRecords(trial: trial, patient: patient).first?.status, .preScreened, "redo put it back")
        WorkflowTestSupport.assertThrows(.nothingToRedo) { try s.redoLastUndo() }
        // A redo is itself undoable; then a new change clears the redo list.
        try s.undoLastChange()
        XCTAssertEqual(try s.screeningRecords(trial: trial, patient: patient).first?.status, .identified)
        XCTAssertNotNil(SessionHistory.redoTarget(try s.sessionHistory()))
        try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP")
        XCTAssertNil(SessionHistory.redoTarget(try s.sessionHistory()))
        WorkflowTestSupport.assertThrows(.nothingToRedo) { try s.redoLastUndo() }
        XCTAssertEqual(try s.sessionChanges().map(\.action),
                       ["meeting.create", "undo", "redo", "undo", "screening.pre-screened", "screening.identified"])
        // Append-only: undo and redo are rows of the hash chain like any write; the chain stays intact.
        let chain = try db.verifyAuditChain()
        XCTAssertTrue(chain.intact, chain.problem ?? "")
    }

    func testAMeetingIdIsNeverReusedAfterItsCreationWasUndone() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        let day = TestFixtures.date("2026-12-01")
        let first = try s.createMeeting(date: day, name: "RCP LAM")
        XCTAssertEqual(first.id, "RCP-2026-12-01-1")
        try s.undoLastChange()
        XCTAssertThrowsError(try db.meeting(id: first.id))
        let second = try s.createMeeting(date: day, name: "RCP LAL")
        XCTAssertEqual(second.id, "RCP-2026-12-01-2", "the audit log already names meeting -1")
        // Another session (another process) does not reuse it either.
        let other = try WorkflowTestSupport.service(db, user: "other")
        XCTAssertEqual(try other.createMeeting(date: day, name: "RCP 3").id, "RCP-2026-12-01-3")
        XCTAssertEqual(try s.createMeeting(date: TestFixtures.date("2026-12-02"), name: "X").id, "RCP-2026-12-02-1")
    }

    func testWithoutAnActorEveryWriteIsRefusedUntilOneIsSet() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db, user: "")
        let m = WorkflowTestSupport.message { try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP") }
        XCTAssertTrue(m.contains("--user NAME (or set $USER)"), m)
        XCTAssertEqual(try WorkflowTestSupport.count(db, "meeting"), 0)
        XCTAssertThrowsError(try s.setActor("   "))
        try s.setActor(" Dr K ")
        XCTAssertEqual(s.actor, "Dr K")
        let created = try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP")
        XCTAssertEqual(try db.dbWriter.read { try String.fetchOne($0, sql: "SELECT createdBy FROM meeting WHERE id = ?", arguments: [created.id]) }, "Dr K")
        XCTAssertEqual(try s.sessionChanges().first?.who, "Dr K")
    }

    func testTheWatcherSeesACommitOfAnotherProcessNotItsOwn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cb-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("w.sqlite").path
        let ui = try AppDatabase.open(path: path, create: true)
        _ = try ui.importPatients([TestFixtures.patient(patient)], who: "t")
        let watcher = try XCTUnwrap(try DataVersionWatcher(ui))
        XCTAssertFalse(try watcher.hasChanged(), "nothing committed since it was made")
        // This process's own writes do not count (the UI reloads after them anyway).
        try WorkflowTestSupport.service(ui, user: "ui").createMeeting(date: TestFixtures.date("2026-11-28"), name: "Own")
        XCTAssertFalse(try watcher.hasChanged(), "an own write is not a change made elsewhere")
        // Another process: another connection to the same file.
        let cli = try AppDatabase.open(path: path)
        let service = try WorkflowTestSupport.service(cli, user: "cli")
        try service.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP")
        XCTAssertTrue(try watcher.hasChanged(), "the other connection's commit is seen")
        XCTAssertFalse(try watcher.hasChanged(), "once")
        XCTAssertNil(try DataVersionWatcher(try AppDatabase.inMemory()), "an in-memory database has no other writer")
    }
}
