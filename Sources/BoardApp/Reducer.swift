import CaseModel
import ScreenKit

/// The pure update function: `(state, action) -> (state, effects)`. No I/O here: data arrives as
/// actions produced by the runtime performing the effects.
public func reduce(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
    var s = state
    var effects = Reducer.apply(action, to: &s)
    if let rows = CaseListRows.request(&s) { effects.append(rows) }
    if let explain = CandidateRows.request(&s) { effects.append(explain) }
    return (s, effects)
}

enum Reducer {
    static func apply(_ action: Action, to s: inout AppState) -> [Effect] {
        switch action {
        case .resize(let w, let h):
            s.width = w; s.height = h
            clampAll(&s)
            return []
        case .key(let key):
            return handleKey(key, &s)
        case .command(let c):
            return run(c, &s)
        case .openCase(let id):
            s.caseDetail = CaseDetailState(id: id)
            if s.screen == .caseDetail { s.stack.removeLast() }
            s.stack.append(.caseDetail)
            return [.loadCase(id)]
        case .openTrial(let id):
            s.trialDetail = TrialDetailState(id: id)
            if s.screen == .trialDetail { s.stack.removeLast() }
            s.stack.append(.trialDetail)
            return [.loadTrial(id)]
        case .showScreen(let screen):
            return show(screen, &s)
        case .caseListLoaded(let ids):
            let previous = s.caseList.selectedID
            s.caseList.ids = ids
            s.caseList.isLoaded = true
            if let p = previous, let i = ids.firstIndex(of: p) { s.caseList.list.selected = i } else { s.caseList.list = ListState() }
            clampAll(&s)
            return []
        case .caseRowsLoaded(let generation, let rows):
            // The answer to the latest request of a row replaces it; an older answer only fills a row not shown yet.
            for (id, row) in rows where s.caseList.rowsRequested[id] == generation || s.caseList.rows[id] == nil {
                s.caseList.rows[id] = row
            }
            return []
        case .caseLoaded(let id, let detail):
            guard s.caseDetail.id == id else { return [] }
            if let d = detail {
                s.caseDetail.detail = d
            } else {
                s.message = "Unknown case id \(id)"
                if s.screen == .caseDetail { s.stack.removeLast() }
                if s.stack.isEmpty { s.stack = [.caseList] }
            }
            return []
        case .trialsLoaded(let rows):
            s.trials.rows = rows; s.trials.isLoaded = true
            clampAll(&s)
            if s.screen == .screening, s.screening.detail == nil, let first = rows.first { return [.loadTrial(first.trial.id)] }
            return []
        case .trialLoaded(let id, let detail):
            s.candidatesGeneration += 1
            if s.screen == .screening {
                let same = s.screening.detail?.trial.id == id
                let previous = s.screening.selectedCandidate?.patientID
                s.screening.detail = detail
                s.screening.explainGeneration = s.candidatesGeneration; s.screening.explainRequested = []
                if !same { s.screening.candidates = ListState(); s.screening.records = [:] } else { keepScreeningSelection(previous, &s) }
                return detail == nil ? [] : [.loadScreening(trial: id)]
            }
            guard s.trialDetail.id == id else { return [] }
            if let d = detail {
                s.trialDetail.detail = d
                s.trialDetail.explainGeneration = s.candidatesGeneration; s.trialDetail.explainRequested = []
            } else {
                s.message = "Unknown trial id \(id)"
                if s.screen == .trialDetail { s.stack.removeLast() }
                if s.stack.isEmpty { s.stack = [.trials] }
            }
            return []
        case .candidatesExplained(let trial, let generation, let rows):
            // Only into the load they were asked for (a reload in between brings its own).
            let byID = Dictionary(rows.map { ($0.patientID, $0) }, uniquingKeysWith: { a, _ in a })
            if s.trialDetail.detail?.trial.id == trial, s.trialDetail.explainGeneration == generation { s.trialDetail.detail?.fill(byID) }
            if s.screening.detail?.trial.id == trial, s.screening.explainGeneration == generation { s.screening.fill(byID) }
            return []
        case .worklistLoaded(let rows):
            let previous = s.worklist.selectedRow?.task.id
            let previousIndex = s.worklist.list.selected
            s.worklist.rows = rows; s.worklist.isLoaded = true
            if s.worklist.filter.kind == nil { s.worklist.kinds = Array(Set(rows.map(\.task.kind))).sorted() }
            // Keep the selection on the same task (or near where it was) across a reload.
            let lines = s.worklist.lines
            if let p = previous, let i = lines.firstIndex(where: { if case .task(let r) = $0 { return r.task.id == p } else { return false } }) {
                s.worklist.list.selected = i
            } else if previous != nil {
                s.worklist.list.selected = min(previousIndex, max(0, lines.count - 1))
            } else {
                s.worklist.list = ListState()
            }
            s.worklist.skipHeading(direction: 1, visibleRows: ScreenLayout.listRows(width: s.width, height: s.height))
            return []
        case .openMeeting(let id):
            s.stack = [.meeting]; s.overlay = nil
            return [.loadMeeting(id)]
        case .screeningLoaded(let trial, let records):
            guard s.screening.detail?.trial.id == trial else { return [] }
            var byPatient: [String: ScreeningRecord] = [:]
            for r in records { byPatient[r.patient] = r }
            // A status change re-sorts the candidates: the cursor stays on the same patient.
            let previous = s.screening.selectedCandidate?.patientID
            s.screening.records = byPatient
            keepScreeningSelection(previous, &s)
            return []
        case .meetingsLoaded(let meetings):
            let previousMeeting = s.meeting.list.selected < s.meeting.meetings.count ? s.meeting.meetings[s.meeting.list.selected].id : nil
            s.meeting.meetings = meetings.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
            s.meeting.isLoaded = true
            if let p = previousMeeting, let i = s.meeting.meetings.firstIndex(where: { $0.id == p }) { s.meeting.list.selected = i }
            if let id = s.pendingAgendaCase {
                s.pendingAgendaCase = nil
                agendaForm(id, &s)
            }
            s.meeting.list.clamp(rowCount: s.meeting.meetings.count, visibleRows: ScreenLayout.listRows(width: s.width, height: s.height))
            return []
        case .meetingLoaded(let m):
            let same = s.meeting.meeting?.id == m.id
            let previousCase = s.meeting.currentItem?.patient
            s.meeting.meeting = m
            if !same { s.meeting.current = 0; s.meeting.elapsed = 0; s.meeting.caseDetail = nil }
            // Reloaded (a write, another process): the agenda cursor stays on its case.
            if same, let p = previousCase, let i = s.meeting.agenda.firstIndex(where: { $0.patient == p }) { s.meeting.current = i }
            s.meeting.current = min(s.meeting.current, max(0, m.agenda.count - 1))
            guard let item = s.meeting.currentItem else { return [] }
            return same && s.meeting.caseDetail?.patient.id == item.patient ? [] : [.loadMeetingCase(item.patient)]
        case .meetingCaseLoaded(let id, let detail):
            guard s.meeting.currentItem?.patient == id else { return [] }
            s.meeting.caseDetail = detail
            return []
        case .workflowSucceeded(let message, let warnings):
            return succeeded(message, warnings: warnings, &s)
        case .workflowFailed(let message):
            return failed(message, &s)
        case .verdictStatus(let status):
            s.verdicts = status
            return []
        case .backgroundUpdated:
            s.caseList.rowsGeneration += 1
            return reloadCurrent(s)
        case .readFailed(let message):
            s.message = message
            s.messageRole = .error
            // A case screen with nothing to show goes back to where it was opened from; the message stays.
            if s.screen == .caseDetail, s.caseDetail.detail == nil {
                s.stack.removeLast()
                if s.stack.isEmpty { s.stack = [.caseList] }
            }
            return []
        case .clock(let wall, let elapsed):
            s.meeting.wallClock = wall; s.meeting.elapsed = elapsed
            return []
        case .outcomesLoaded(let d): return OutcomesReducer.loaded(d, &s)
        case .outcomesFailed(let q, let m): return OutcomesReducer.failed(q, m, &s)
        case .historyLoaded(let changes):
            s.history = changes
            return []
        case .caseIndexReloaded(let count):
            s.caseCount = count
            return []
        case .dataChanged:
            s.externalChanges += 1
            s.caseList.rowsGeneration += 1 // the visible rows are read again
            if s.message == nil { s.message = "Updated with changes made elsewhere."; s.messageRole = .ok }
            return reloadEverything(s)
        case .meetingGone(let id):
            return meetingGone(id, &s)
        case .askActor:
            s.actorMissing = true
            actorForm(&s)
            return []
        case .actorSet(let name):
            s.actorMissing = false
            s.message = "Recording as \(name) for this session."; s.messageRole = .ok
            return []
        }
    }

    // MARK: keys

    static func handleKey(_ key: KeyEvent, _ s: inout AppState) -> [Effect] {
        if case .resize(let w, let h) = key { return apply(.resize(width: w, height: h), to: &s) }
        // Too small to draw anything: every key is swallowed (none may reach a hidden list or form) except q and
        // Ctrl-C, which quit — unless a form holds unsaved changes, which need the window enlarged to keep or discard.
        if s.isTooSmall {
            switch key {
            case .char("q"), .ctrl("c"): return s.hasUnsavedChanges ? [] : run(.quit, &s)
            default: return []
            }
        }
        s.message = nil; s.messageRole = .error
        switch s.overlay {
        case .confirmQuit(var modal):
            switch modal.handle(key) {
            case .chosen(0): s.overlay = nil; s.isQuitting = true; return [.quit]
            case .chosen, .cancelled: s.overlay = nil
            default: s.overlay = .confirmQuit(modal)
            }
            return []
        case .confirm(var modal, let intent):
            switch modal.handle(key) {
            case .chosen(0):
                return undoAccepted(intent, &s)
            case .chosen(1) where modal.buttons.count == 3:
                switch intent {
                case .completeTask(let id, let date):
                    s.overlay = .form(FormState(title: "Mark done on another date", fields: [
                        FormField("date", "Date done", kind: .date, value: date.description, required: true)],
                        purpose: .completeTask(taskID: id)))
                case .undo: s.overlay = nil
                }
            case .chosen, .cancelled: s.overlay = nil
            default: s.overlay = .confirm(modal, intent)
            }
            return []
        case .message(var modal, let then):
            switch modal.handle(key) {
            case .chosen, .cancelled: s.overlay = then.map { .form($0) }
            default: s.overlay = .message(modal, then: then)
            }
            return []
        case .form(let form):
            return formKey(key, form, &s)
        case .history(let scroll):
            historyKey(key, scroll, &s)
            return []
        case .help(let scroll):
            switch key {
            case .escape, .char("?"), .char("q"), .enter: s.overlay = nil
            case .down, .char("j"): s.overlay = .help(scroll: scroll + 1)
            case .up, .char("k"): s.overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown: s.overlay = .help(scroll: scroll + 10)
            case .pageUp: s.overlay = .help(scroll: max(0, scroll - 10))
            case .home, .char("g"): s.overlay = .help(scroll: 0)
            case .end, .char("G"): s.overlay = .help(scroll: Int.max / 2)
            default: break
            }
            return []
        case nil: break
        }
        if s.screen == .caseList, var editor = s.caseList.searchEditor {
            switch editor.handle(key) {
            case .edited:
                s.caseList.searchEditor = editor
                s.caseList.query.search = editor.text
                return [.loadCaseList(s.caseList.query)]
            case .moved: s.caseList.searchEditor = editor; return []
            case .submitted: s.caseList.searchEditor = nil; return []
            case .cancelled:
                s.caseList.searchEditor = nil
                s.caseList.query.search = ""
                return [.loadCaseList(s.caseList.query)]
            case .ignored:
                switch key {
                case .up: return run(.up, &s)
                case .down: return run(.down, &s)
                case .pageUp: return run(.pageUp, &s)
                case .pageDown: return run(.pageDown, &s)
                default: return []
                }
            }
        }
        if case .mouse(let x, let y, let button) = key { return click(x: x, y: y, button: button, &s) }
        guard let c = AppKeyMaps.command(for: key, on: s.screen) else { return [] }
        return run(c, &s)
    }

    static func click(x: Int, y: Int, button: Int, _ s: inout AppState) -> [Effect] {
        if button == 4 { return run(.up, &s) }
        if button == 5 { return run(.down, &s) }
        guard button == 1, !s.isTooSmall else { return [] }
        let tabsRow = ScreenLayout.tabsRow(width: s.width)
        if let i = ScreenLayout.tabs(selected: s.screen, ascii: s.ascii).hitTest(x: x, y: y, area: tabsRow) {
            return show(ScreenID.mainViews[i], &s)
        }
        let table = ScreenLayout.table(width: s.width, height: s.height)
        let rows = ScreenLayout.tableRows(width: s.width, height: s.height)
        switch s.screen {
        case .caseList:
            let t = Table(columns: [], rowCount: s.caseList.ids.count) { _ in [] }
            guard let i = t.rowAt(x: x, y: y, area: table, state: s.caseList.list) else { return [] }
            if i == s.caseList.list.selected { return run(.open, &s) }
            s.caseList.list.selected = i; s.caseList.list.clamp(rowCount: s.caseList.ids.count, visibleRows: rows)
        case .trials:
            let t = Table(columns: [], rowCount: s.trials.rows.count) { _ in [] }
            guard let i = t.rowAt(x: x, y: y, area: table, state: s.trials.list) else { return [] }
            if i == s.trials.list.selected { return run(.open, &s) }
            s.trials.list.selected = i; s.trials.list.clamp(rowCount: s.trials.rows.count, visibleRows: rows)
        case .caseDetail where !s.caseDetail.showReasons && !s.caseDetail.zoomed:
            let content = ScreenLayout.content(width: s.width, height: s.height)
            guard let (panel, rect) = CaseDetailScreen.layout(content).first(where: { $0.value.contains(x: x, y: y) }) else { return [] }
            s.caseDetail.focus = panel
            if panel == .trials, let rows = s.caseDetail.detail?.trials {
                // Inside the border: a click on a trial selects it, a second click opens its reasons.
                let i = s.caseDetail.trialList.offset + (y - rect.y - 1)
                if y > rect.y, y < rect.maxY - 1, i < rows.count {
                    if i == s.caseDetail.trialList.selected { s.caseDetail.showReasons = true; s.caseDetail.reasonsScroll = 0 }
                    s.caseDetail.trialList.selected = i
                }
            }
        case .worklist:
            let lv = ListView(rowCount: s.worklist.lines.count) { _ in [] }
            guard let i = lv.rowAt(x: x, y: y, area: table, state: s.worklist.list) else { return [] }
            if i == s.worklist.list.selected { return run(.open, &s) }
            s.worklist.list.selected = i
            s.worklist.skipHeading(direction: 1, visibleRows: ScreenLayout.listRows(width: s.width, height: s.height))
        default: break
        }
        return []
    }

    // MARK: commands

    /// After the screening candidates were re-read or re-sorted: the cursor back on `patient` when still listed.
    static func keepScreeningSelection(_ patient: String?, _ s: inout AppState) {
        guard let p = patient, let i = s.screening.ordered.firstIndex(where: { $0.patientID == p }) else { return }
        s.screening.candidates.selected = i
        s.screening.candidates.clamp(rowCount: s.screening.ordered.count, visibleRows: ScreenLayout.listRows(width: s.width, height: s.height))
    }

    static func show(_ screen: ScreenID, _ s: inout AppState) -> [Effect] {
        s.stack = [screen]
        s.overlay = nil
        switch screen {
        case .caseList: return s.caseList.isLoaded ? [] : [.loadCaseList(s.caseList.query)]
        case .trials: return s.trials.isLoaded ? [] : [.loadTrials]
        case .worklist: return s.worklist.isLoaded ? [] : [.loadWorklist(s.worklist.filter)]
        case .screening:
            if !s.trials.isLoaded { return [.loadTrials] }
            if s.screening.detail == nil, let id = s.trials.rows.first?.trial.id { return [.loadTrial(id)] }
            return []
        case .caseDetail: return s.caseDetail.id.map { [.loadCase($0)] } ?? []
        case .trialDetail: return s.trialDetail.id.map { [.loadTrial($0)] } ?? []
        case .meeting:
            if s.meeting.meeting != nil { return [] }
            return [.loadMeetings]
        case .outcomes: return OutcomesReducer.show(&s)
        }
    }

    static func run(_ c: Command, _ s: inout AppState) -> [Effect] {
        let tableRows = ScreenLayout.tableRows(width: s.width, height: s.height)
        let listRows = ScreenLayout.listRows(width: s.width, height: s.height)
        switch c {
        case .quit:
            if s.hasUnsavedChanges {
                s.overlay = .confirmQuit(Modal(title: "Quit", message: "There are unsaved changes. Quit anyway and lose them?",
                                               buttons: ["Quit", "Stay"], selected: 1, ascii: s.ascii, role: .warning))
                return []
            }
            s.isQuitting = true
            return [.quit]
        case .undo:
            return undoCommand(&s)
        case .redo:
            return redoCommand(&s)
        case .history:
            s.overlay = .history(scroll: 0)
            return s.workflowsAvailable ? [.loadHistory] : []
        case .refresh:
            s.message = "Reloaded from the database."; s.messageRole = .ok
            return reloadEverything(s)
        case .clearWorklistFilters:
            s.worklist.filter = WorklistFilter()
            return [.loadWorklist(s.worklist.filter)]
        case .markDone, .reschedule, .addNote, .openTaskCase:
            guard s.screen == .worklist else { return [] }
            return worklistCommand(c, &s)
        case .filterWorklistKind:
            openWorklistFilter(&s)
            return []
        case .moveStatus:
            guard s.screen == .screening else { return [] }
            return moveStatus(&s)
        case .addToAgenda:
            guard s.screen == .caseDetail, let id = s.caseDetail.id else { return [] }
            guard guardWrite("put a case on an agenda", &s) else { return [] }
            s.pendingAgendaCase = id
            return [.loadMeetings]
        case .openMeetingCase:
            guard s.screen == .meeting, let item = s.meeting.currentItem else { return [] }
            return apply(.openCase(item.patient), to: &s)
        case .newMeeting, .nextCase, .previousCase, .recordDecision:
            guard s.screen == .meeting else { return [] }
            return meetingCommand(c, &s)
        case .formNext, .formPrevious, .formSave, .formOptionNext, .formOptionPrevious:
            return []
        case .cycleEndpoint, .cycleGrouping, .editCohort:
            guard s.screen == .outcomes else { return [] }
            return OutcomesReducer.command(c, &s)
        case .back:
            if s.overlay != nil { s.overlay = nil; return [] }
            if OutcomesReducer.back(&s) { return [] }
            if s.screen == .caseDetail && s.caseDetail.showReasons { s.caseDetail.showReasons = false; return [] }
            if s.screen == .caseDetail && s.caseDetail.zoomed { s.caseDetail.zoomed = false; return [] }
            if s.screen == .meeting && s.meeting.meeting != nil {
                s.meeting.meeting = nil; s.meeting.caseDetail = nil
                return [.loadMeetings]
            }
            if s.stack.count > 1 {
                s.stack.removeLast()
                switch s.screen {
                case .caseList where !s.caseList.isLoaded: return [.loadCaseList(s.caseList.query)]
                case .trials where !s.trials.isLoaded: return [.loadTrials]
                case .worklist where !s.worklist.isLoaded: return [.loadWorklist(s.worklist.filter)]
                default: return []
                }
            }
            if s.screen == .caseList && (!s.caseList.query.search.isEmpty) {
                s.caseList.query.search = ""
                return [.loadCaseList(s.caseList.query)]
            }
            return []
        case .help:
            s.overlay = .help(scroll: 0)
            return []
        case .search:
            s.stack = [.caseList]
            s.caseList.searchEditor = LineEditor(s.caseList.query.search)
            return s.caseList.isLoaded ? [] : [.loadCaseList(s.caseList.query)]
        case .presenter:
            s.presenter.toggle()
            s.caseList.query.hideIdentities = s.presenter
            return s.caseList.query.search.isEmpty && s.caseList.query.sort.key != .name ? [] : [.loadCaseList(s.caseList.query)]
        case .view1, .view2, .view3, .view4, .view5, .view6, .view7, .view8, .view9:
            guard let i = c.viewIndex, i < ScreenID.mainViews.count else { return [] }
            return show(ScreenID.mainViews[i], &s)
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            return move(c, &s, tableRows: tableRows, listRows: listRows)
        case .open:
            return open(&s)
        case .nextPanel, .previousPanel:
            let step = c == .nextPanel ? 1 : -1
            switch s.screen {
            case .caseDetail:
                let all = CasePanel.allCases
                let i = all.firstIndex(of: s.caseDetail.focus) ?? 0
                s.caseDetail.focus = all[(i + step + all.count) % all.count]
                s.caseDetail.showReasons = false
            case .trialDetail: s.trialDetail.focus = s.trialDetail.focus == .criteria ? .candidates : .criteria
            case .screening: s.screening.focus = s.screening.focus == .criteria ? .candidates : .criteria
            default: break
            }
            return []
        case .zoom:
            if s.screen == .caseDetail { s.caseDetail.zoomed.toggle() }
            return []
        case .sortNext:
            let all = CaseSortKey.allCases
            let i = all.firstIndex(of: s.caseList.query.sort.key) ?? 0
            s.caseList.query.sort = CaseSort(key: all[(i + 1) % all.count], ascending: true)
            return [.loadCaseList(s.caseList.query)]
        case .sortReverse:
            s.caseList.query.sort.ascending.toggle()
            return [.loadCaseList(s.caseList.query)]
        case .filterGroup:
            s.caseList.query.filter.group = cycle(s.caseList.query.filter.group, through: s.caseList.facets.groups)
            return [.loadCaseList(s.caseList.query)]
        case .filterSite:
            s.caseList.query.filter.site = cycle(s.caseList.query.filter.site, through: s.caseList.facets.sites)
            return [.loadCaseList(s.caseList.query)]
        case .filterStatus:
            s.caseList.query.filter.status = cycle(s.caseList.query.filter.status, through: s.caseList.facets.statuses)
            return [.loadCaseList(s.caseList.query)]
        case .clearFilters:
            s.caseList.query.filter = CaseFilter(); s.caseList.query.search = ""
            return [.loadCaseList(s.caseList.query)]
        case .filterWorklistSite:
            s.worklist.filter.site = cycle(s.worklist.filter.site, through: s.worklist.sites)
            return [.loadWorklist(s.worklist.filter)]
        case .toggleDone:
            s.worklist.filter.includeDone.toggle()
            return [.loadWorklist(s.worklist.filter)]
        case .confirmYes, .confirmNo:
            switch s.overlay {
            case .confirmQuit?:
                s.overlay = nil
                if c == .confirmYes { s.isQuitting = true; return [.quit] }
            case .confirm(_, let intent)?:
                s.overlay = nil
                if c == .confirmYes { return undoAccepted(intent, &s) }
            case .message(_, let then)?:
                s.overlay = then.map { .form($0) }
            default: break
            }
            return []
        }
    }

    /// nil → first → … → last → nil.
    static func cycle<T: Equatable>(_ current: T?, through values: [T]) -> T? {
        guard !values.isEmpty else { return nil }
        guard let c = current, let i = values.firstIndex(of: c) else { return values[0] }
        return i + 1 < values.count ? values[i + 1] : nil
    }

    static func apply(_ c: Command, to list: inout ListState, rowCount: Int, visibleRows: Int) {
        switch c {
        case .up: list.move(by: -1, rowCount: rowCount, visibleRows: visibleRows)
        case .down: list.move(by: 1, rowCount: rowCount, visibleRows: visibleRows)
        case .pageUp: list.pageUp(rowCount: rowCount, visibleRows: visibleRows)
        case .pageDown: list.pageDown(rowCount: rowCount, visibleRows: visibleRows)
        case .top: list.top(rowCount: rowCount, visibleRows: visibleRows)
        case .bottom: list.bottom(rowCount: rowCount, visibleRows: visibleRows)
        default: break
        }
    }

    static func scroll(_ c: Command, _ value: Int, page: Int) -> Int {
        switch c {
        case .up: return max(0, value - 1)
        case .down: return value + 1
        case .pageUp: return max(0, value - page)
        case .pageDown: return value + page
        case .top: return 0
        case .bottom: return Int.max / 2
        default: return value
        }
    }

    static func move(_ c: Command, _ s: inout AppState, tableRows: Int, listRows: Int) -> [Effect] {
        switch s.screen {
        case .caseList:
            apply(c, to: &s.caseList.list, rowCount: s.caseList.ids.count, visibleRows: tableRows)
        case .trials:
            apply(c, to: &s.trials.list, rowCount: s.trials.rows.count, visibleRows: tableRows)
        case .worklist:
            apply(c, to: &s.worklist.list, rowCount: s.worklist.lines.count, visibleRows: listRows)
            s.worklist.skipHeading(direction: (c == .up || c == .pageUp || c == .top) ? -1 : 1, visibleRows: listRows)
        case .caseDetail:
            if s.caseDetail.showReasons {
                s.caseDetail.reasonsScroll = scroll(c, s.caseDetail.reasonsScroll, page: listRows)
            } else if s.caseDetail.focus == .trials {
                apply(c, to: &s.caseDetail.trialList, rowCount: s.caseDetail.detail?.trials.count ?? 0, visibleRows: 5)
            } else {
                let f = s.caseDetail.focus
                s.caseDetail.scroll[f] = scroll(c, s.caseDetail.scroll[f] ?? 0, page: 5)
            }
        case .trialDetail:
            if s.trialDetail.focus == .criteria {
                s.trialDetail.criteriaScroll = scroll(c, s.trialDetail.criteriaScroll, page: listRows)
            } else {
                apply(c, to: &s.trialDetail.candidates, rowCount: s.trialDetail.detail?.count ?? 0, visibleRows: listRows)
            }
        case .screening:
            if s.screening.focus == .criteria {
                apply(c, to: &s.screening.trialList, rowCount: s.trials.rows.count, visibleRows: listRows)
            } else {
                let n = s.screening.detail?.count ?? 0
                apply(c, to: &s.screening.candidates, rowCount: n, visibleRows: listRows)
            }
        case .meeting:
            if s.meeting.meeting == nil {
                apply(c, to: &s.meeting.list, rowCount: s.meeting.meetings.count, visibleRows: listRows)
            } else if c == .down || c == .up {
                return meetingCommand(c == .down ? .nextCase : .previousCase, &s)
            } else {
                // Home/End/g/G: first/last case of the agenda; PgUp/PgDn: a page of the agenda list.
                let n = s.meeting.agenda.count
                guard n > 0 else { return [] }
                let page = max(1, listRows / 2)
                let target: Int
                switch c {
                case .top: target = 0
                case .bottom: target = n - 1
                case .pageUp: target = max(0, s.meeting.current - page)
                default: target = min(n - 1, s.meeting.current + page)
                }
                guard target != s.meeting.current else { return [] }
                s.meeting.current = target
                s.meeting.caseDetail = nil
                return s.meeting.currentItem.map { [.loadMeetingCase($0.patient)] } ?? []
            }
        case .outcomes:
            OutcomesReducer.move(c, &s, listRows: listRows)
        }
        return []
    }

    static func open(_ s: inout AppState) -> [Effect] {
        switch s.screen {
        case .caseList:
            guard let id = s.caseList.selectedID else { return [] }
            return apply(.openCase(id), to: &s)
        case .trials:
            guard let id = s.trials.selectedID else { return [] }
            return apply(.openTrial(id), to: &s)
        case .worklist:
            guard let r = s.worklist.selectedRow else { return [] }
            s.overlay = .message(taskDetails(r, s), then: nil)
            return []
        case .caseDetail:
            if s.caseDetail.focus != .trials { s.caseDetail.focus = .trials; return [] }
            guard s.caseDetail.selectedTrial != nil else { return [] }
            s.caseDetail.showReasons.toggle(); s.caseDetail.reasonsScroll = 0
            return []
        case .trialDetail:
            guard s.trialDetail.focus == .candidates, let d = s.trialDetail.detail, s.trialDetail.candidates.selected < d.count else {
                s.trialDetail.focus = .candidates; return []
            }
            return apply(.openCase(d.candidate(at: s.trialDetail.candidates.selected).patientID), to: &s)
        case .screening:
            if s.screening.focus == .criteria {
                guard s.screening.trialList.selected < s.trials.rows.count else { return [] }
                s.screening.focus = .candidates
                return [.loadTrial(s.trials.rows[s.screening.trialList.selected].trial.id)]
            }
            guard let c = s.screening.selectedCandidate else { return [] }
            return apply(.openCase(c.patientID), to: &s)
        case .meeting:
            if s.meeting.meeting != nil { return decisionForm(&s) }
            guard s.meeting.list.selected < s.meeting.meetings.count else {
                s.message = "No meeting yet: N creates one."
                return []
            }
            return [.loadMeeting(s.meeting.meetings[s.meeting.list.selected].id)]
        case .outcomes: return OutcomesReducer.open(&s)
        }
    }

    static func clampAll(_ s: inout AppState) {
        let t = ScreenLayout.tableRows(width: s.width, height: s.height)
        let l = ScreenLayout.listRows(width: s.width, height: s.height)
        s.caseList.list.clamp(rowCount: s.caseList.ids.count, visibleRows: t)
        s.trials.list.clamp(rowCount: s.trials.rows.count, visibleRows: t)
        s.worklist.list.clamp(rowCount: s.worklist.lines.count, visibleRows: l)
    }
}
