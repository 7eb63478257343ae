import XCTest
import CaseModel
import ScreenKit
@testable import BoardApp
import ScreenTesting

/// Issue 17: EVERY binding the help overlay lists, on EVERY screen (and meeting mode), is pressed through the
/// reducer and runtime and must do what its help text says — not only run. The keys follow one convention: no
/// letter means two different commands in two views.
final class KeyBindingContractTests: XCTestCase {
    enum Place: String, CaseIterable { case caseList, caseDetail, trials, trialDetail, worklist, screening, meetingList, meetingMode, outcomes }

    func screen(_ p: Place) -> ScreenID {
        switch p {
        case .caseList: return .caseList
        case .caseDetail: return .caseDetail
        case .trials: return .trials
        case .trialDetail: return .trialDetail
        case .worklist: return .worklist
        case .screening: return .screening
        case .meetingList, .meetingMode: return .meeting
        case .outcomes: return .outcomes
        }
    }

    /// A runtime on `place` with enough rows to move in, a meeting to put cases on, and one change of the
    /// screen's own kind in the history (so `u` has something to name).
    func prepared(_ place: Place) throws -> (AppRuntime, FixtureWorkflows) {
        let (rt, wf) = BoardFixtures.workflowRuntime(height: 24)
        var meetings: [BoardMeeting] = []
        for i in 1...3 { meetings.append(try wf.createMeeting(date: BoardFixtures.today.adding(days: -i), name: "RCP \(i)", site: nil)) }
        for p in BoardFixtures.patients.prefix(8) { _ = try wf.addToAgenda(meetingId: meetings[0].id, patientId: p.id, question: "Q") }
        switch place {
        case .caseList: break
        case .caseDetail: rt.send(.openCase("SL-AML-0042"))
        case .trials: rt.send(.command(.view2))
        case .trialDetail: rt.send(.command(.view2)); rt.send(.command(.open))
        case .worklist:
            rt.send(.command(.view3))
            _ = try wf.noteTask(id: "T-42-1", text: "x")
        case .screening:
            // The trial with enough candidates to move in.
            rt.send(.command(.view4))
            for _ in 0..<rt.state.trials.rows.count {
                rt.send(.command(.open))
                if rt.state.screening.ordered.count >= 2 { break }
                rt.send(.command(.previousPanel)); rt.send(.command(.down))
            }
            XCTAssertGreaterThanOrEqual(rt.state.screening.ordered.count, 2, "a trial with two candidates")
            let c = try XCTUnwrap(rt.state.screening.selectedCandidate)
            _ = try wf.setScreeningStatus(ScreeningChange(trial: try XCTUnwrap(rt.state.screening.detail?.trial.id), patient: c.patientID, status: .identified))
        case .meetingList: rt.send(.command(.view5))
        case .meetingMode: rt.send(.openMeeting(meetings[0].id))
        case .outcomes: rt.send(.command(.view6))
        }
        rt.send(.dataChanged)    // the history of the changes above, as the live-data poll reads it
        rt.send(.command(.top))
        XCTAssertEqual(rt.state.screen, screen(place), "\(place) prepared")
        return (rt, wf)
    }

    func cursor(_ s: AppState) -> Int {
        switch s.screen {
        case .caseList: return s.caseList.list.selected
        case .trials: return s.trials.list.selected
        case .worklist: return s.worklist.list.selected
        case .caseDetail: return s.caseDetail.focus == .trials ? s.caseDetail.trialList.selected : (s.caseDetail.scroll[s.caseDetail.focus] ?? 0)
        case .trialDetail: return s.trialDetail.focus == .criteria ? s.trialDetail.criteriaScroll : s.trialDetail.candidates.selected
        case .screening: return s.screening.focus == .criteria ? s.screening.trialList.selected : s.screening.candidates.selected
        case .meeting: return s.meeting.meeting == nil ? s.meeting.list.selected : s.meeting.current
        case .outcomes: return s.outcomes.listedGroup == nil ? s.outcomes.groups.selected : s.outcomes.patientList.selected
        }
    }

    func formPurpose(_ s: AppState) -> FormPurpose? { if case .form(let f)? = s.overlay { return f.purpose }; return nil }

    /// Presses `key` (bound to `command` on `place`) and returns nil when it did what the help says, else why not.
    func check(_ command: Command, _ key: KeyEvent, on place: Place) throws -> String? {
        let (rt, wf) = try prepared(place)
        // Set-ups some commands need before the key.
        switch command {
        case .up, .pageUp, .top: for _ in 0..<3 { rt.send(.command(.down)) }
        case .back: rt.send(.command(.help))
        case .previousCase: rt.send(.command(.nextCase))
        case .clearFilters: rt.send(.command(.filterGroup))
        case .clearWorklistFilters: rt.send(.command(.toggleDone)); rt.send(.command(.filterWorklistSite))
        case .redo:
            _ = try wf.undoLastChange()
            rt.send(.dataChanged)
        default: break
        }
        let before = rt.state
        let performedBefore = rt.performed.count
        let auditBefore = wf.audit.count
        rt.send(.key(key))
        let s = rt.state
        let newEffects = Array(rt.performed[performedBefore...])
        func expect(_ ok: Bool, _ what: String) -> String? {
            ok ? nil : "\(key.label) (\(command.rawValue)) on \(place): \(what); message: \(s.message ?? "-"); effects: \(newEffects); focus \(s.screening.focus)"
        }
        switch command {
        case .quit: return expect(s.isQuitting, "quits")
        case .back: return expect(before.overlay != nil && s.overlay == nil, "closes the overlay")
        case .help: if case .help? = s.overlay { return nil }; return expect(false, "opens help")
        case .search: return expect(s.screen == .caseList && s.caseList.searchEditor != nil, "opens the search line")
        case .presenter: return expect(s.presenter != before.presenter, "toggles presenter mode")
        case .undo:
            if Reducer.undoFamilies(screen(place)).isEmpty {
                return expect(s.message?.hasPrefix("Nothing to undo on this screen") == true && wf.audit.count == auditBefore, "says nothing to undo here")
            }
            guard case .confirm(let m, .undo)? = s.overlay else { return expect(false, "asks before undoing") }
            return expect(m.message.hasPrefix("Undo the ") && wf.audit.count == auditBefore, "names the change, writes nothing yet")
        case .redo:
            return expect(s.message?.hasPrefix("Redone: ") == true && wf.audit.last?.action == "redo", "redoes (an audited redo)")
        case .history: if case .history? = s.overlay { return expect(!s.history.isEmpty, "shows the changes") }; return expect(false, "opens the history")
        case .refresh: return expect(newEffects.first == .forgetCached && s.message == "Reloaded from the database.", "reloads")
        case .view1, .view2, .view3, .view4, .view5, .view6:
            return expect(s.screen == ScreenID.mainViews[command.viewIndex ?? 0], "shows view \((command.viewIndex ?? 0) + 1)")
        case .down, .pageDown, .bottom: return expect(cursor(s) > cursor(before), "moves the cursor down (\(cursor(before)) → \(cursor(s)))")
        case .up, .pageUp, .top: return expect(cursor(s) < cursor(before), "moves the cursor up (\(cursor(before)) → \(cursor(s)))")
        case .open:
            switch place {
            case .caseList: return expect(s.screen == .caseDetail && s.caseDetail.id == before.caseList.selectedID, "opens the case")
            case .trials: return expect(s.screen == .trialDetail, "opens the trial")
            case .worklist: if case .message? = s.overlay { return nil }; return expect(false, "shows the task's details")
            case .caseDetail: return expect(s.caseDetail.focus == .trials && (before.caseDetail.focus != .trials || s.caseDetail.showReasons), "goes to the trial reasons")
            case .trialDetail: return expect(s.trialDetail.focus == .candidates && (before.trialDetail.focus != .candidates || s.screen == .caseDetail), "goes to the candidates / opens one")
            case .screening: return expect(s.screen == .caseDetail, "opens the candidate's case")
            case .meetingList: return expect(s.meeting.meeting?.id == before.meeting.meetings.first?.id, "opens the meeting")
            case .meetingMode: return expect(formPurpose(s).map { if case .decision = $0 { return true }; return false } == true, "opens the decision form")
            case .outcomes: return expect(s.outcomes.listedGroup != nil && s.outcomes.listedGroup == before.outcomes.selectedGroup, "lists the group's patients")
            }
        case .nextPanel, .previousPanel:
            return expect(s.caseDetail.focus != before.caseDetail.focus || s.trialDetail.focus != before.trialDetail.focus
                          || s.screening.focus != before.screening.focus, "moves the focus to another panel")
        case .zoom: return expect(s.caseDetail.zoomed != before.caseDetail.zoomed, "zooms")
        case .addToAgenda: return expect(formPurpose(s) == .addToAgenda(patientID: "SL-AML-0042"), "opens the agenda form")
        case .sortNext: return expect(s.caseList.query.sort.key != before.caseList.query.sort.key, "sorts by the next column")
        case .sortReverse: return expect(s.caseList.query.sort.ascending != before.caseList.query.sort.ascending, "reverses the order")
        case .filterGroup: return expect(s.caseList.query.filter.group != nil, "filters by group")
        case .filterSite: return expect(s.caseList.query.filter.site != nil, "filters by site")
        case .filterStatus: return expect(s.caseList.query.filter.status != nil, "filters by disease status")
        case .clearFilters: return expect(before.caseList.query.filter.group != nil && s.caseList.query.filter.isEmpty, "clears the filters")
        case .filterWorklistSite: return expect(s.worklist.filter.site != nil && s.worklist.rows.allSatisfy { $0.task.site == s.worklist.filter.site }, "filters tasks by site")
        case .filterWorklistKind: return expect(formPurpose(s) == .worklistFilter, "opens the filter form (kind from a list, due within / overdue by)")
        case .toggleDone: return expect(s.worklist.filter.includeDone != before.worklist.filter.includeDone, "shows / hides done tasks")
        case .clearWorklistFilters:
            return expect(before.worklist.filter.includeDone && s.worklist.filter.site == nil && s.worklist.filter.kind == nil && !s.worklist.filter.includeDone, "clears the task filters")
        case .openTaskCase: return expect(s.screen == .caseDetail && s.caseDetail.id == before.worklist.selectedRow?.task.patient, "opens the task's case")
        case .markDone: if case .confirm(_, .completeTask)? = s.overlay { return expect(wf.audit.count == auditBefore, "asks first") }; return expect(false, "asks to mark done")
        case .reschedule: return expect(formPurpose(s).map { if case .reschedule = $0 { return true }; return false } == true, "opens the reschedule form")
        case .addNote: return expect(formPurpose(s).map { if case .note = $0 { return true }; return false } == true, "opens the note form")
        case .moveStatus: return expect(formPurpose(s).map { if case .screening = $0 { return true }; return false } == true, "opens the status form")
        case .newMeeting: return expect(formPurpose(s) == .createMeeting, "opens the new-meeting form")
        case .nextCase: return expect(s.meeting.current == before.meeting.current + 1, "goes to the next case")
        case .previousCase: return expect(s.meeting.current == before.meeting.current - 1, "goes to the previous case")
        case .recordDecision: return expect(formPurpose(s).map { if case .decision = $0 { return true }; return false } == true, "opens the decision form")
        case .cycleEndpoint: return expect(s.outcomes.query.endpoint != before.outcomes.query.endpoint && newEffects.contains { if case .loadOutcomes = $0 { return true }; return false }, "changes the endpoint and reruns the analysis")
        case .cycleGrouping: return expect(s.outcomes.query.grouping != before.outcomes.query.grouping, "changes the grouping")
        case .editCohort: return expect(formPurpose(s) == .outcomesCohort, "opens the cohort form")
        case .openMeetingCase: return expect(s.screen == .caseDetail && s.caseDetail.id == before.meeting.currentItem?.patient, "opens the whole case")
        default: return expect(false, "no check written for this command: add one")
        }
    }

    func testEveryBindingInHelpDoesWhatItsHelpSaysOnEveryScreen() throws {
        var failures: [String] = []
        var checked = 0
        for place in Place.allCases {
            for map in AppKeyMaps.helpMaps(for: screen(place)) {
                for binding in map.bindings {
                    guard let command = Command(rawValue: binding.action) else { failures.append("\(binding.action): not a command"); continue }
                    // Meeting mode's and the list's own commands apply to their own mode only.
                    if place == .meetingList, [.nextCase, .previousCase, .recordDecision, .openMeetingCase].contains(command) { continue }
                    for key in binding.keys {
                        checked += 1
                        if let f = try check(command, key, on: place) { failures.append(f) }
                    }
                }
            }
        }
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"))
        XCTAssertGreaterThan(checked, 150, "every key of every screen")
    }

    /// Commands of one kind in different views (the same words in their help): one meaning for their key.
    static let kind: [String: String] = ["openTaskCase": "open the related case", "openMeetingCase": "open the related case",
                                         "filterSite": "filter by site", "filterWorklistSite": "filter by site",
                                         "clearFilters": "clear filters", "clearWorklistFilters": "clear filters"]

    func testOneLetterOneCommandAcrossViews() {
        var meaning: [KeyEvent: String] = [:]
        var clashes: [String] = []
        for s in [ScreenID.caseList, .caseDetail, .trials, .trialDetail, .worklist, .screening, .meeting, .outcomes] {
            for b in AppKeyMaps.map(for: s).bindings {
                for k in b.keys {
                    let kind = Self.kind[b.action] ?? b.action
                    if let m = meaning[k], m != kind { clashes.append("\(k.label): \(m) / \(kind)") }
                    meaning[k] = kind
                }
            }
        }
        // Within meeting mode ↑/↓ walk the agenda, the same kind of action as moving in a list.
        XCTAssertEqual(clashes, [], "the same key means the same command in every view")
        XCTAssertEqual(meaning[.char("r")], "reschedule")
        XCTAssertEqual(meaning[.char("S")], "sortReverse")
        XCTAssertEqual(meaning[.char("a")], "addToAgenda")
        XCTAssertEqual(meaning[.char("t")], "filterWorklistKind")
        XCTAssertEqual(meaning[.char("F")], "filterStatus")
    }
}
