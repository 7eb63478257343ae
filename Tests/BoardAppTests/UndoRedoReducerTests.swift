import XCTest
import CaseModel
import ScreenKit
@testable import BoardApp
import ScreenTesting

/// Issue 17 through the reducer and the runtime (keys as typed) over `FixtureWorkflows`: `u` asks, naming the
/// change, and undoes only the current screen's latest; a meeting or a decision asks twice; `Ctrl-R` redoes;
/// "Nothing to undo" / "Nothing to redo"; the `U` panel; live data reloads keeping the cursor; a stale modal on a
/// deleted meeting closes with a message; who is acting is asked when unknown.
final class UndoRedoReducerTests: XCTestCase {
    func keys(_ rt: AppRuntime, _ ks: KeyEvent...) { for k in ks { rt.send(.key(k)) } }
    func confirm(_ rt: AppRuntime) -> (Modal, ConfirmIntent)? { if case .confirm(let m, let i)? = rt.state.overlay { return (m, i) }; return nil }
    func form(_ rt: AppRuntime) -> FormState? { if case .form(let f)? = rt.state.overlay { return f }; return nil }

    func select(task id: String, _ rt: AppRuntime) {
        rt.send(.command(.top))
        for _ in 0..<60 where rt.state.worklist.selectedRow?.task.id != id { rt.send(.command(.down)) }
        XCTAssertEqual(rt.state.worklist.selectedRow?.task.id, id)
    }

    func testUndoAsksNamingTheChangeThenRedoAndNothingLeft() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        rt.send(.command(.view3))
        keys(rt, .char("u"))
        XCTAssertEqual(rt.state.message, "Nothing to undo: no change of yours in this session is still in force.")
        keys(rt, .ctrl("r"))
        XCTAssertEqual(rt.state.message, "Nothing to redo.")
        select(task: "T-42-1", rt)
        keys(rt, .char("n")); rt.type("called the patient"); keys(rt, .enter)
        XCTAssertEqual(wf.audit.map(\.action), ["followUp.note"])
        keys(rt, .char("u"))
        let (ask, intent) = try XCTUnwrap(confirm(rt), "u asks first")
        XCTAssertEqual(ask.message, "Undo the note of T-42-1 (?) (10:00)?  y/n")
        XCTAssertEqual(ask.buttons, ["Yes", "No"])
        XCTAssertEqual(ask.selected, 1, "Enter alone answers no")
        guard case .undo(_, _, nil) = intent else { return XCTFail("a note asks once: \(intent)") }
        keys(rt, .char("n"))
        XCTAssertNil(rt.state.overlay)
        XCTAssertEqual(wf.audit.count, 1, "n: nothing undone")
        keys(rt, .char("u"), .char("y"))
        XCTAssertEqual(rt.state.message, "Undone: note of T-42-1 (?). Ctrl-R redoes it.")
        XCTAssertEqual(wf.audit.map(\.action), ["followUp.note", "undo"], "the undo is an audited write")
        XCTAssertNil(try wf.tasks(for: BoardFixtures.patients[0]).first { $0.id == "T-42-1" }?.note)
        keys(rt, .char("u"))
        XCTAssertTrue(rt.state.message?.hasPrefix("Nothing to undo") == true, rt.state.message ?? "")
        keys(rt, .ctrl("r"))
        XCTAssertEqual(rt.state.message, "Redone: note of T-42-1 (?).")
        XCTAssertEqual(wf.audit.last?.action, "redo")
        XCTAssertEqual(try wf.tasks(for: BoardFixtures.patients[0]).first { $0.id == "T-42-1" }?.note, "called the patient")
        keys(rt, .ctrl("r"))
        XCTAssertEqual(rt.state.message, "Nothing to redo.")
        // U: newest first, what each step changed and what became of it.
        keys(rt, .char("U"))
        guard case .history? = rt.state.overlay else { return XCTFail("U opens the history") }
        XCTAssertEqual(Reducer.historyLines(rt.state), [
            "10:00  tester  redo of the note of T-42-1 (?)",
            "10:00  tester  undo of the note of T-42-1 (?)  [redone]",
            "10:00  tester  note of T-42-1 (?)  [undone 10:00]",
        ])
        let text = rt.render().text
        XCTAssertTrue(text.contains("History of this session (newest first)"), text)
        XCTAssertTrue(text.contains("redo of the note of T-42-1"), text)
        keys(rt, .escape)
        XCTAssertNil(rt.state.overlay)
        // The redo is undoable in turn (u names the note again).
        keys(rt, .char("u"))
        XCTAssertTrue(confirm(rt)?.0.message.contains("redo of the note of T-42-1") == true)
    }

    func testUUndoesTheCurrentScreensLatestChangeOnly() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        _ = try wf.setScreeningStatus(ScreeningChange(trial: "DEMO-AML-MENIN", patient: "SL-AML-0042", status: .identified))
        _ = try wf.noteTask(id: "T-42-1", text: "x")
        rt.send(.dataChanged)   // as the live-data poll would: the history is read again
        XCTAssertEqual(rt.state.history.count, 2)
        rt.send(.command(.view4))
        keys(rt, .char("u"))
        XCTAssertEqual(confirm(rt)?.0.message, "Undo the screening status identified of SL-AML-0042 on DEMO-AML-MENIN (10:00)?  y/n",
                       "the screening screen names its own change, not the newer note")
        keys(rt, .char("y"))
        XCTAssertTrue(try wf.screeningRecords(trial: "DEMO-AML-MENIN", patient: "SL-AML-0042").isEmpty)
        XCTAssertEqual(try wf.tasks(for: BoardFixtures.patients[0]).first { $0.id == "T-42-1" }?.note, "x", "the note stays")
        keys(rt, .char("u"))
        XCTAssertEqual(rt.state.message, "Nothing to undo on this screen: your changes are undone where they were made (U lists them).")
        rt.send(.command(.view1))
        keys(rt, .char("u"))
        XCTAssertTrue(rt.state.message?.hasPrefix("Nothing to undo on this screen") == true, "the case list makes no change")
    }

    func testUndoOfABoardDecisionAsksTwiceNamingTimeAndCase() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        let m = try wf.createMeeting(date: BoardFixtures.today, name: "RCP LAM", site: nil)
        _ = try wf.addToAgenda(meetingId: m.id, patientId: "SL-AML-0042", question: "Allo?")
        _ = try wf.recordDecision(meetingId: m.id, patientId: "SL-AML-0042", decision: BoardDecision(participants: [], proposal: "Allo-HSCT", followsGuideline: true))
        rt.send(.openMeeting(m.id))
        rt.send(.dataChanged)
        keys(rt, .char("u"))
        XCTAssertEqual(confirm(rt)?.0.message, "Undo the board decision for SL-AML-0042 at meeting \(m.id) (10:00)?  y/n")
        keys(rt, .char("y"))
        let (second, intent) = try XCTUnwrap(confirm(rt), "a decision asks a second time")
        XCTAssertEqual(second.message, "This removes the decision recorded at 10:00 for SL-AML-0042 (meeting \(m.id)). Really undo?  y/n")
        guard case .undo(_, _, nil) = intent else { return XCTFail("the second question is the last") }
        XCTAssertNotNil(try wf.meeting(id: m.id).agenda.first?.decision, "nothing undone yet")
        keys(rt, .char("y"))
        XCTAssertNil(try wf.meeting(id: m.id).agenda.first?.decision)
        XCTAssertTrue(rt.state.message?.hasPrefix("Undone: board decision for SL-AML-0042") == true, rt.state.message ?? "")
        // The agenda item, then the creation: the meeting asks twice too; "n" at the second question keeps it.
        keys(rt, .char("u"), .char("y"))
        keys(rt, .char("u"), .char("y"))
        XCTAssertEqual(confirm(rt)?.0.message, "This removes meeting \(m.id), created at 10:00, with its agenda. Really undo?  y/n")
        keys(rt, .char("n"))
        XCTAssertNoThrow(try wf.meeting(id: m.id))
        keys(rt, .char("u"), .char("y"), .char("y"))
        XCTAssertThrowsError(try wf.meeting(id: m.id))
        XCTAssertNil(rt.state.meeting.meeting, "meeting mode closed")
        XCTAssertTrue(rt.state.message?.hasPrefix("Undone: creation of the meeting of \(m.id)") == true, rt.state.message ?? "")
        XCTAssertFalse(rt.render().text.contains("unknown meeting id"))
        XCTAssertEqual(rt.state.overlay, nil)
    }

    func testAStaleDecisionFormOnADeletedMeetingClosesWithAMessage() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        let m = try wf.createMeeting(date: BoardFixtures.today, name: "RCP LAM", site: nil)
        _ = try wf.addToAgenda(meetingId: m.id, patientId: "SL-AML-0042", question: "Allo?")
        rt.send(.openMeeting(m.id))
        keys(rt, .char("e"))
        XCTAssertNotNil(form(rt))
        rt.type("Dr A:haematology")
        // Another user (or an undo elsewhere) removes the meeting; the user saves the now stale form.
        _ = try wf.undoLastChange(); _ = try wf.undoLastChange()
        keys(rt, .tab, .tab); rt.type("Allo"); keys(rt, .function(2))
        XCTAssertNil(rt.state.overlay, "the form is closed, no 'Not saved' dialog")
        XCTAssertEqual(rt.state.message, "Meeting \(m.id) no longer exists (undone, or deleted by another user); its form was closed, nothing was written.")
        XCTAssertNil(rt.state.draft)
        XCTAssertFalse(rt.render().text.contains("unknown meeting id"))
        // The same when the live-data poll notices it while the form is open.
        let m2 = try wf.createMeeting(date: BoardFixtures.today, name: "RCP 2", site: nil)
        _ = try wf.addToAgenda(meetingId: m2.id, patientId: "SL-AML-0042", question: "Q")
        XCTAssertNotEqual(m2.id, m.id, "ids are never reused")
        rt.send(.openMeeting(m2.id)); keys(rt, .char("e"))
        _ = try wf.undoLastChange(); _ = try wf.undoLastChange()
        rt.send(.dataChanged)
        XCTAssertNil(rt.state.overlay)
        XCTAssertNil(rt.state.meeting.meeting)
        XCTAssertTrue(rt.state.message?.hasPrefix("Meeting \(m2.id) no longer exists") == true, rt.state.message ?? "")
    }

    func testAStaleAgendaFormOnADeletedMeetingClosesToo() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        let m = try wf.createMeeting(date: BoardFixtures.today, name: "RCP LMC", site: nil)
        rt.send(.openCase("SL-CML-0007"))
        keys(rt, .char("a"))
        XCTAssertEqual(form(rt)?.value("meeting"), m.id)
        _ = try wf.undoLastChange()     // the meeting goes (another user's undo)
        keys(rt, .tab); rt.type("Stop TKI?"); keys(rt, .enter)
        XCTAssertNil(rt.state.overlay, "no 'Not saved: unknown meeting id' dialog")
        XCTAssertNil(rt.state.draft)
        XCTAssertFalse(rt.state.hasUnsavedChanges, "q does not ask about a form that can no longer be saved")
        XCTAssertEqual(rt.state.message, "Meeting \(m.id) no longer exists (undone, or deleted by another user); its form was closed, nothing was written.")
    }

    func testChangesMadeElsewhereReloadTheScreenAndTheCursorStays() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        rt.send(.command(.view3))
        let rows = rt.state.worklist.rows.map(\.task.id)
        XCTAssertGreaterThan(rows.count, 3)
        // The cursor on the third task; another process marks the first one done.
        select(task: rows[2], rt)
        _ = try wf.completeTask(id: rows[0], date: nil)
        XCTAssertTrue(rt.state.worklist.rows.contains { $0.task.id == rows[0] }, "not seen before the poll")
        let n0 = rt.performed.count
        rt.send(.dataChanged)
        XCTAssertFalse(rt.state.worklist.rows.contains { $0.task.id == rows[0] }, "the done task left the list")
        XCTAssertEqual(rt.state.worklist.selectedRow?.task.id, rows[2], "the cursor stayed on its task")
        XCTAssertEqual(rt.state.externalChanges, 1)
        XCTAssertEqual(rt.performed[n0...].first, .forgetCached, "caches go before the reloads")
        // Ctrl-L reloads by hand (and redraws everything).
        let n = rt.performed.count
        keys(rt, .ctrl("l"))
        XCTAssertEqual(rt.state.message, "Reloaded from the database.")
        XCTAssertEqual(Array(rt.performed[n...]).first, .forgetCached)
        XCTAssertTrue(rt.performed[n...].contains(.loadWorklist(rt.state.worklist.filter)))
        XCTAssertEqual(rt.state.worklist.selectedRow?.task.id, rows[2])
    }

    func testWithoutAnActorTheAppAsksOnceAndWritesWaitForIt() throws {
        let wf = FixtureWorkflows(user: "")
        let (rt, _) = BoardFixtures.workflowRuntime(workflows: wf)
        rt.send(.askActor)
        XCTAssertEqual(form(rt)?.title, "Your name or initials for the record (no --user, no $USER)")
        XCTAssertTrue(rt.render().text.contains("Your name or initials for the record"), "shown whole at 120x40")
        keys(rt, .escape)
        rt.send(.command(.view3))
        keys(rt, .char("d"))
        XCTAssertTrue(rt.state.message?.hasPrefix("Cannot mark a task done before you say who is acting") == true, rt.state.message ?? "")
        XCTAssertEqual(form(rt)?.purpose, .actor, "asked again")
        keys(rt, .enter)
        XCTAssertEqual(form(rt)?.error, "Name or initials is required.")
        rt.type("MK"); keys(rt, .enter)
        XCTAssertEqual(rt.state.message, "Recording as MK for this session.")
        XCTAssertFalse(rt.state.actorMissing)
        keys(rt, .char("d"), .char("y"))
        XCTAssertEqual(wf.audit.last?.who, "MK")
    }

    func testMeetingModeMovesWithHomeEndAndPages() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime(height: 24)
        let m = try wf.createMeeting(date: BoardFixtures.today, name: "RCP", site: nil)
        let ids = BoardFixtures.patients.prefix(12).map(\.id)
        for id in ids { _ = try wf.addToAgenda(meetingId: m.id, patientId: id, question: "Q") }
        rt.send(.openMeeting(m.id))
        XCTAssertEqual(rt.state.meeting.current, 0)
        keys(rt, .char("G"))
        XCTAssertEqual(rt.state.meeting.current, 11)
        XCTAssertEqual(rt.state.meeting.caseDetail?.patient.id, ids[11])
        keys(rt, .home)
        XCTAssertEqual(rt.state.meeting.current, 0)
        keys(rt, .end)
        XCTAssertEqual(rt.state.meeting.current, 11)
        keys(rt, .char("g"))
        XCTAssertEqual(rt.state.meeting.current, 0)
        keys(rt, .pageDown)
        let page = rt.state.meeting.current
        XCTAssertGreaterThan(page, 1)
        keys(rt, .pageUp)
        XCTAssertEqual(rt.state.meeting.current, 0)
        XCTAssertTrue(rt.render().text.contains("case 1 of 12"))
    }
}
