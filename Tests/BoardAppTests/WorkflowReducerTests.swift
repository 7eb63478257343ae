import XCTest
import CaseModel
import ScreenKit
@testable import BoardApp
import ScreenTesting

/// The workflows driven through the reducer and the runtime (keys as a user types them), asserting
/// what the workflow repository holds afterwards. `FixtureWorkflows` follows the WorkflowService
/// contract; the tmux e2e (Tests/e2e/workflows.sh) drives the same keys against the real database.
final class WorkflowReducerTests: XCTestCase {
    func select(task id: String, _ rt: AppRuntime, file: StaticString = #filePath, line: UInt = #line) {
        rt.send(.top)
        for _ in 0..<60 where rt.state.worklist.selectedRow?.task.id != id { rt.send(.down) }
        XCTAssertEqual(rt.state.worklist.selectedRow?.task.id, id, "task \(id) not found in the worklist", file: file, line: line)
    }

    func keys(_ rt: AppRuntime, _ ks: KeyEvent...) { for k in ks { rt.send(.key(k)) } }

    func form(_ rt: AppRuntime) -> FormState? { if case .form(let f)? = rt.state.overlay { return f }; return nil }
    func screenText(_ rt: AppRuntime) -> String { rt.render().text }

    func testMarkDoneAsksThenCreatesTheNextOccurrenceAndUndoReverts() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        rt.send(.view3)
        select(task: "T-42-1", rt)
        keys(rt, .char("d"))
        guard case .confirm(let modal, .completeTask("T-42-1", BoardFixtures.today))? = rt.state.overlay else { return XCTFail("d asks first") }
        XCTAssertTrue(modal.message.contains("2026-11-29"), "the date defaults to today: \(modal.message)")
        XCTAssertTrue(wf.audit.isEmpty, "nothing written before the confirmation")
        keys(rt, .char("y"))
        let p = try XCTUnwrap(BoardFixtures.patients.first { $0.id == "SL-AML-0042" })
        let tasks = try wf.tasks(for: p)
        XCTAssertEqual(tasks.first { $0.id == "T-42-1" }?.done, BoardFixtures.today)
        let next = try XCTUnwrap(tasks.first { $0.id == "T-42-1#2" }, "the repeating task's next occurrence")
        XCTAssertEqual(next.due, BoardFixtures.today.adding(days: 28))
        XCTAssertTrue(rt.state.message?.contains("Next due 2026-12-27") == true, rt.state.message ?? "")
        XCTAssertTrue(rt.state.worklist.rows.contains { $0.task.id == "T-42-1#2" }, "the worklist shows the next one")
        XCTAssertFalse(rt.state.worklist.rows.contains { $0.task.id == "T-42-1" }, "done tasks are hidden")
        XCTAssertEqual(rt.state.worklist.selectedRow?.task.status != nil, true)

        keys(rt, .char("u"))
        XCTAssertTrue(rt.state.message?.hasPrefix("Undone: task marked done of T-42-1") == true, rt.state.message ?? "")
        let after = try wf.tasks(for: p)
        XCTAssertNil(after.first { $0.id == "T-42-1" }?.done)
        XCTAssertNil(after.first { $0.id == "T-42-1#2" })
        XCTAssertTrue(rt.state.worklist.rows.contains { $0.task.id == "T-42-1" })
        XCTAssertEqual(wf.audit.map(\.action), ["followUp.done", "undo"])
    }

    func testMarkDoneOnAnotherDate() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        rt.send(.view3)
        select(task: "T-19-1", rt)
        keys(rt, .char("d"), .char("o"))
        var f = try XCTUnwrap(form(rt))
        XCTAssertEqual(f.value("date"), "2026-11-29")
        keys(rt, .ctrl("u"))
        rt.type("2026-11-27")
        keys(rt, .enter)
        XCTAssertNil(form(rt))
        let p = try XCTUnwrap(BoardFixtures.patients.first { $0.id == "SL-MDS-0019" })
        XCTAssertEqual(try wf.tasks(for: p).first { $0.id == "T-19-1" }?.done, LocalDate("2026-11-27"))
        // A bad date is refused in the form, nothing written.
        select(task: "T-42-2", rt)
        keys(rt, .char("d"), .char("o"), .ctrl("u"))
        rt.type("27/11/2026")
        keys(rt, .enter)
        f = try XCTUnwrap(form(rt), "the form stays open")
        XCTAssertTrue(f.error?.contains("YYYY-MM-DD") == true, f.error ?? "")
        XCTAssertEqual(wf.audit.count, 1)
    }

    func testRescheduleRequiresDateAndReasonThenNote() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        rt.send(.view3)
        select(task: "T-7-1", rt)
        keys(rt, .char("r"))
        XCTAssertNotNil(form(rt))
        keys(rt, .enter, .enter)   // empty date → next field; Enter on the last field saves
        XCTAssertTrue(form(rt)?.error?.contains("New due date is required") == true, form(rt)?.error ?? "")
        XCTAssertEqual(form(rt)?.focus, 0, "the focus goes to the missing field")
        rt.type("2026-12-20")
        keys(rt, .tab)
        rt.type("patient on holiday")
        keys(rt, .enter)
        XCTAssertNil(rt.state.overlay)
        let p = try XCTUnwrap(BoardFixtures.patients.first { $0.id == "SL-CML-0007" })
        let t = try XCTUnwrap(try wf.tasks(for: p).first { $0.id == "T-7-1" })
        XCTAssertEqual(t.due, LocalDate("2026-12-20"))
        XCTAssertEqual(t.note, "rescheduled: patient on holiday")
        XCTAssertEqual(rt.state.worklist.selectedRow?.task.id, "T-7-1", "the selection stays on the task")

        keys(rt, .char("n"))
        rt.type("called, will come")
        keys(rt, .enter)
        XCTAssertEqual(try wf.tasks(for: p).first { $0.id == "T-7-1" }?.note, "rescheduled: patient on holiday; called, will come")
        XCTAssertEqual(wf.audit.map(\.action), ["followUp.reschedule", "followUp.note"])
    }

    func testWorklistFiltersByKindAndShowsDetails() {
        let (rt, _) = BoardFixtures.workflowRuntime()
        rt.send(.view3)
        XCTAssertTrue(rt.state.worklist.kinds.contains("clinic visit"))
        // `t` opens the filter form; the kind is chosen from the list by typing part of its name (issue #17).
        keys(rt, .char("t"))
        for c in "clinic visit" { keys(rt, .char(c)) }
        for _ in 0..<10 {
            guard case .form(let f)? = rt.state.overlay, f.value("kind") != "clinic visit" else { break }
            keys(rt, .down)   // among the matching kinds only
        }
        keys(rt, .function(2))
        XCTAssertEqual(rt.state.worklist.filter.kind, "clinic visit")
        XCTAssertFalse(rt.state.worklist.rows.isEmpty)
        XCTAssertTrue(rt.state.worklist.rows.allSatisfy { $0.task.kind == "clinic visit" })
        XCTAssertTrue(screenText(rt).contains("kind: clinic visit"))
    }

    /// A status change re-sorts the candidates (patients in the log first within a verdict): the cursor stays on the
    /// patient whose status changed, as the worklist's follows its task.
    func testScreeningCursorStaysOnItsPatientAfterAResort() throws {
        let (rt, _) = BoardFixtures.workflowRuntime()
        rt.send(.view4)
        for _ in 0..<10 where rt.state.trials.rows[rt.state.screening.trialList.selected].trial.id != "DEMO-AML-MENIN" { rt.send(.down) }
        keys(rt, .enter)
        let ordered = rt.state.screening.ordered
        // A candidate that is not the first of its verdict group, with nobody of that group in the log yet.
        let k = try XCTUnwrap(ordered.indices.dropFirst().first { ordered[$0 - 1].verdict == ordered[$0].verdict
            && rt.state.screening.records[ordered[$0].patientID] == nil && rt.state.screening.records[ordered[$0 - 1].patientID] == nil },
            "the fixture trial has two candidates of one verdict")
        for _ in 0..<k { keys(rt, .down) }
        let patient = try XCTUnwrap(rt.state.screening.selectedCandidate?.patientID)
        XCTAssertEqual(patient, ordered[k].patientID)
        keys(rt, .char("m"), .function(2))   // identified
        XCTAssertNotEqual(rt.state.screening.ordered.firstIndex { $0.patientID == patient }, k, "the list was re-sorted")
        XCTAssertEqual(rt.state.screening.selectedCandidate?.patientID, patient, "the cursor followed the patient")
    }

    func testScreeningStatusMovesWithRequiredFieldsAndHistory() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        rt.send(.view4)
        for _ in 0..<10 where rt.state.trials.rows[rt.state.screening.trialList.selected].trial.id != "DEMO-AML-MENIN" { rt.send(.down) }
        keys(rt, .enter)
        XCTAssertEqual(rt.state.screening.detail?.trial.id, "DEMO-AML-MENIN")
        XCTAssertEqual(rt.state.screening.focus, .candidates)
        let patient = try XCTUnwrap(rt.state.screening.selectedCandidate?.patientID)
        XCTAssertTrue(screenText(rt).contains("[not in log]"))

        keys(rt, .char("m"))
        var f = try XCTUnwrap(form(rt))
        XCTAssertEqual(f.fields[0].options, ["identified", "pre-screened", "pre-screen-failed", "deferred", "declined"],
                       "only the statuses valid next are offered")
        keys(rt, .right, .right)   // pre-screen-failed
        XCTAssertEqual(form(rt)?.value("status"), "pre-screen-failed")
        keys(rt, .function(2))
        f = try XCTUnwrap(form(rt))
        XCTAssertTrue(f.error?.contains("requires the failed criterion") == true, f.error ?? "")
        XCTAssertEqual(f.fields[f.focus].key, "criterion")
        keys(rt, .left, .left)     // the focused field is text: ←/→ move the cursor, not the choice
        XCTAssertEqual(form(rt)?.value("status"), "pre-screen-failed")
        keys(rt, .escape)          // kept as a draft
        XCTAssertTrue(rt.state.hasUnsavedChanges)
        keys(rt, .char("m"))       // reopens the draft
        XCTAssertEqual(form(rt)?.value("status"), "pre-screen-failed")
        keys(rt, .backTab, .backTab, .backTab, .backTab, .left, .left)   // back to the status: identified
        XCTAssertEqual(form(rt)?.value("status"), "identified")
        keys(rt, .function(2))
        XCTAssertNil(rt.state.overlay)
        XCTAssertFalse(rt.state.hasUnsavedChanges)
        XCTAssertEqual(try wf.screeningRecords(trial: "DEMO-AML-MENIN", patient: patient).first?.status, .identified)

        keys(rt, .char("m"))
        XCTAssertEqual(form(rt)?.fields[0].options.first, "pre-screened")
        keys(rt, .function(2))
        let rec = try XCTUnwrap(try wf.screeningRecords(trial: "DEMO-AML-MENIN", patient: patient).first)
        XCTAssertEqual(rec.history.map(\.status), [.identified, .preScreened], "history kept")
        XCTAssertEqual(rec.history.last?.who, "tester")
        XCTAssertEqual(rt.state.screening.records[patient]?.status, .preScreened, "the view reloads the log")
        XCTAssertTrue(screenText(rt).contains("[pre-screened 2026-11-29]"))
    }

    func testBoardMeetingCreateWalkAndRecordDecision() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        rt.send(.view5)
        XCTAssertTrue(screenText(rt).contains("No board meeting yet."))
        keys(rt, .char("N"))
        XCTAssertEqual(form(rt)?.value("date"), "2026-11-29")
        keys(rt, .tab)
        rt.type("RCP LAM adultes")
        keys(rt, .tab)
        rt.type("Saint-Louis")
        keys(rt, .enter)
        let m = try XCTUnwrap(try wf.meetings().first)
        XCTAssertEqual(m.name, "RCP LAM adultes"); XCTAssertEqual(m.site, "Saint-Louis")
        XCTAssertEqual(rt.state.meeting.meeting?.id, m.id, "the new meeting opens in meeting mode")
        _ = try wf.addToAgenda(meetingId: m.id, patientId: "SL-CML-0007", question: "TKI stop?")
        _ = try wf.addToAgenda(meetingId: m.id, patientId: "SL-AML-0042", question: "Consolidation after MRD rise?")
        rt.send(.openMeeting(m.id))
        XCTAssertTrue(screenText(rt).contains("case 1 of 2"))
        keys(rt, .right)
        XCTAssertTrue(screenText(rt).contains("case 2 of 2"))
        XCTAssertEqual(rt.state.meeting.caseDetail?.patient.id, "SL-AML-0042")
        keys(rt, .right)
        XCTAssertEqual(rt.state.message, "Last case of the agenda.")
        keys(rt, .char("o"))
        XCTAssertEqual(rt.state.screen, .caseDetail)
        XCTAssertEqual(rt.state.caseDetail.id, "SL-AML-0042")
        keys(rt, .escape)
        XCTAssertEqual(rt.state.screen, .meeting, "Esc comes back to meeting mode")
        XCTAssertTrue(screenText(rt).contains("case 2 of 2"))

        keys(rt, .char("e"))
        let f = try XCTUnwrap(form(rt))
        XCTAssertEqual(f.fields.first { $0.key == "trial" }?.options.first, "(none)")
        let trialOptions = f.fields.first { $0.key == "trial" }?.options ?? []
        XCTAssertFalse(trialOptions.contains("DEMO-AML-FLT3"), "ineligible trials are not offered")
        XCTAssertEqual(trialOptions, ["(none)", "DEMO-AML-MENIN"], "the case's eligible / possibly-eligible trials")
        rt.type("Dr A:haematology; Dr B:pathology")
        XCTAssertTrue(screenText(rt).contains("Quorum not met"), "the missing quorum is visible while typing")
        keys(rt, .tab, .tab)
        rt.type("Consolidation then allo-HCT")
        keys(rt, .tab, .right)     // follows the guideline: no
        keys(rt, .function(2))
        XCTAssertTrue(form(rt)?.error?.contains("requires a justification") == true)
        XCTAssertEqual(form(rt)?.fields[form(rt)?.focus ?? 0].key, "justification")
        rt.type("frail patient")
        keys(rt, .tab)
        keys(rt, .right)
        keys(rt, .tab)
        rt.type("2027-01-10")
        keys(rt, .enter)            // last field: saves
        let item = try XCTUnwrap(try wf.meeting(id: m.id).agenda.first { $0.patient == "SL-AML-0042" })
        let d = try XCTUnwrap(item.decision)
        XCTAssertEqual(d.participants, [Participant(name: "Dr A", specialty: "haematology"), Participant(name: "Dr B", specialty: "pathology")])
        XCTAssertFalse(d.followsGuideline); XCTAssertEqual(d.justification, "frail patient")
        XCTAssertEqual(d.nextReview, LocalDate("2027-01-10"))
        XCTAssertEqual(d.trialProposed, "DEMO-AML-MENIN")
        guard case .message(let warn, nil)? = rt.state.overlay else { return XCTFail("the quorum warning is shown") }
        XCTAssertTrue(warn.message.contains("quorum"), warn.message)
        keys(rt, .enter)
        XCTAssertTrue(screenText(rt).contains("Quorum not met"), "the recorded decision shows the warning too")
        XCTAssertTrue(screenText(rt).contains("frail patient"))
        XCTAssertEqual(try wf.screeningRecords(trial: "DEMO-AML-MENIN", patient: "SL-AML-0042").first?.status, .identified,
                       "the proposed trial enters the pre-screening log")
        keys(rt, .escape)
        XCTAssertNil(rt.state.meeting.meeting, "Esc goes back to the list of meetings")
        XCTAssertTrue(screenText(rt).contains("2 cases, 1 decided"))
    }

    func testPutACaseOnTheAgendaFromTheCaseScreen() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        rt.send(.openCase("SL-CML-0007"))
        keys(rt, .char("a"))
        XCTAssertEqual(rt.state.message, "No board meeting yet: create one in 5 Meeting (N).")
        let old = try wf.createMeeting(date: LocalDate("2026-11-01") ?? BoardFixtures.today, name: "RCP old", site: nil)
        let m = try wf.createMeeting(date: BoardFixtures.today, name: "RCP LMC", site: nil)
        keys(rt, .char("a"))
        XCTAssertEqual(form(rt)?.fields[0].options, [m.id, old.id], "newest meeting first")
        keys(rt, .enter)
        rt.type("Stop TKI?")
        keys(rt, .enter)
        XCTAssertEqual(try wf.meeting(id: m.id).agenda.map(\.patient), ["SL-CML-0007"])
        XCTAssertEqual(try wf.meeting(id: m.id).agenda.first?.question, "Stop TKI?")
        XCTAssertEqual(rt.state.message, "SL-CML-0007 is case 1 on the agenda of \(m.id).")
    }

    func testFormsAndDialogsInASCII() {
        let (rt, _) = BoardFixtures.workflowRuntime(width: 80, height: 24, ascii: true)
        rt.send(.view3)
        keys(rt, .char("r"))
        let text = rt.render().text
        XCTAssertTrue(text.contains("Reason*"), text)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value > 0x7E && $0.value != 0xA0 && !"éèàçôÉ".unicodeScalars.contains($0) }, text)
        keys(rt, .escape, .char("d"))
        XCTAssertFalse(rt.render().text.unicodeScalars.contains { (0x2500...0x25FF).contains($0.value) })
    }

    func testReadOnlyEveryWriteKeySaysSoAndWritesNothing() {
        let (rt, wf) = BoardFixtures.workflowRuntime(readOnly: true)
        XCTAssertTrue(screenText(rt).contains("READ-ONLY today"))
        rt.send(.view3)
        for k: Character in ["d", "r", "n"] {
            keys(rt, .char(k))
            XCTAssertNil(rt.state.overlay, "\(k) opens nothing")
            XCTAssertTrue(rt.state.message?.hasPrefix("Read-only: cannot") == true, rt.state.message ?? "")
        }
        keys(rt, .char("u"))
        XCTAssertTrue(rt.state.message?.hasPrefix("Read-only: cannot undo") == true)
        rt.send(.view4); keys(rt, .enter, .char("m"))
        XCTAssertTrue(rt.state.message?.hasPrefix("Read-only") == true)
        rt.send(.view5); keys(rt, .char("N"))
        XCTAssertTrue(rt.state.message?.hasPrefix("Read-only") == true)
        XCTAssertTrue(screenText(rt).contains("Read-only: cannot create a meeting"))
        XCTAssertTrue(wf.audit.isEmpty)
    }

    func testServiceErrorsAreShownAndQuitAsksWithADraft() {
        let (rt, _) = BoardFixtures.workflowRuntime()
        keys(rt, .char("u"))
        guard case .message(let m, nil)? = rt.state.overlay else { return XCTFail("the refusal is shown in a dialog") }
        XCTAssertTrue(m.message.contains("nothing to undo"), m.message)
        keys(rt, .enter)
        XCTAssertNil(rt.state.overlay)
        rt.send(.view3)
        keys(rt, .char("r"))
        rt.type("2027")
        keys(rt, .escape)
        XCTAssertNotNil(rt.state.draft)
        keys(rt, .char("q"))
        guard case .confirmQuit? = rt.state.overlay else { return XCTFail("q asks while a form is unsaved") }
        XCTAssertFalse(rt.isQuitting)
        keys(rt, .char("s"))       // Stay
        keys(rt, .char("r"))
        XCTAssertEqual(form(rt)?.value("date"), "2027", "the draft comes back")
        keys(rt, .escape, .char("q"), .char("q"))  // Quit anyway
        XCTAssertTrue(rt.isQuitting)
    }

    func testEveryWorkflowBindingHasHelpText() {
        for c: Command in [.markDone, .reschedule, .addNote, .filterWorklistKind, .moveStatus, .newMeeting, .nextCase,
                           .previousCase, .recordDecision, .undo, .formSave, .formNext] {
            let maps = [AppKeyMaps.worklist, AppKeyMaps.screening, AppKeyMaps.meeting, AppKeyMaps.form, AppKeyMaps.global]
            let b = maps.compactMap { $0.binding(named: c.rawValue) }.first
            XCTAssertFalse(b?.help.isEmpty ?? true, "\(c) needs a binding with help text")
        }
    }
}

final class UndoDescriptionTests: XCTestCase {
    func entry(_ id: Int64, _ action: String, _ entity: String) -> AuditEntry {
        AuditEntry(id: id, at: "t", who: "w", action: action, entity: entity, before: nil, after: nil)
    }

    func testTheChangeUndoRevertsIsTheNewestNotYetUndone() {
        let a = entry(1, "screening.identified", "screening/T/P"), b = entry(2, "screening.pre-screened", "screening/T/P")
        let c = entry(4, "followUp.done", "patient/P/followUp/X")
        XCTAssertEqual(AppRuntime.lastUndoable([b, a]), b)
        XCTAssertEqual(AppRuntime.lastUndoable([entry(3, "undo", "screening/T/P"), b, a]), a, "b was undone: a is next")
        XCTAssertEqual(AppRuntime.lastUndoable([c, entry(3, "undo", "screening/T/P"), b, a]), c)
        XCTAssertNil(AppRuntime.lastUndoable([entry(5, "undo", ""), entry(3, "undo", ""), b, a]))
        XCTAssertEqual(AppRuntime.describe(b), "screening status pre-screened of P on T")
        XCTAssertEqual(AppRuntime.describe(c), "task marked done of X (P)")
    }
}
