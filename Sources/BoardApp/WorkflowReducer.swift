import CaseModel
import ScreenKit

/// The workflows in the reducer: the write keys open a confirmation or a form; a saved
/// form becomes an Effect the runtime performs through the `WorkflowRepository`; results come back
/// as `workflowSucceeded` / `workflowFailed`. Read-only: every write key only says so.
extension Reducer {
    /// nil when writing is possible, else the status-line message for `what`.
    static func writeRefusal(_ what: String, _ s: AppState) -> String? {
        if !s.workflowsAvailable { return "Cannot \(what): the workflows are not available here. Nothing was written." }
        if s.readOnly { return "Read-only: cannot \(what); nothing written (read-only database or --read-only)." }
        return nil
    }

    static func guardWrite(_ what: String, _ s: inout AppState) -> Bool {
        if let m = writeRefusal(what, s) { s.message = m; s.messageRole = .warning; return false }
        return true
    }

    /// Opens `form`, or the draft kept for the same purpose.
    static func openForm(_ form: FormState, _ s: inout AppState) {
        if let d = s.draft, d.purpose == form.purpose { s.overlay = .form(d) } else { s.overlay = .form(form) }
    }

    // MARK: worklist

    static func worklistCommand(_ c: Command, _ s: inout AppState) -> [Effect] {
        // A write key on a read-only database says so first, whatever is selected.
        let writes: [Command: String] = [.markDone: "mark a task done", .reschedule: "reschedule a task", .addNote: "add a note"]
        if let what = writes[c], !guardWrite(what, &s) { return [] }
        guard let row = s.worklist.selectedRow else {
            s.message = s.worklist.isLoaded ? "No task selected." : "The worklist is still loading."
            return []
        }
        let t = row.task
        switch c {
        case .markDone:
            guard guardWrite("mark a task done", &s) else { return [] }
            if t.status == .done { s.message = "\(t.kind) for \(t.patient) is already done."; return [] }
            let who = s.presenter ? row.initials : (row.name ?? row.initials)
            s.overlay = .confirm(Modal(title: "Mark done", message: "Mark \"\(t.kind)\" due \(t.due) for \(t.patient) (\(who)) done on \(s.today)?",
                                       buttons: ["Yes", "Other date", "No"], selected: 0, ascii: s.ascii), .completeTask(taskID: t.id, date: s.today))
        case .reschedule:
            guard guardWrite("reschedule a task", &s) else { return [] }
            openForm(FormState(title: "Reschedule \(t.kind) (\(t.patient), due \(t.due))", fields: [
                FormField("date", "New due date", kind: .date, value: "", required: true),
                FormField("reason", "Reason", required: true),
            ], purpose: .reschedule(taskID: t.id)), &s)
        case .addNote:
            guard guardWrite("add a note", &s) else { return [] }
            openForm(FormState(title: "Note on \(t.kind) (\(t.patient))", fields: [FormField("text", "Note", required: true)],
                               purpose: .note(taskID: t.id)), &s)
        case .openTaskCase:
            return apply(.openCase(t.patient), to: &s)
        default: break
        }
        return []
    }

    static func taskDetails(_ row: WorklistRow, _ s: AppState) -> Modal {
        let t = row.task
        var lines = ["Task \(t.id)", "Patient \(t.patient) " + (s.presenter ? row.initials : (row.name ?? row.initials)),
                     "Kind: \(t.kind)", "Due: \(t.due) (\(t.status.rawValue))"]
        if let site = t.site { lines.append("Site: \(site)") }
        lines.append("Source: \(t.source)")
        if let d = t.done { lines.append("Done: \(d)") }
        if let n = t.note { lines.append("Note: \(n)") }
        return Modal(title: "Follow-up task", message: lines.joined(separator: " · "), buttons: ["OK"], ascii: s.ascii)
    }

    // MARK: screening

    static func moveStatus(_ s: inout AppState) -> [Effect] {
        guard let d = s.screening.detail else { s.message = "Choose a trial first (Enter)."; return [] }
        guard let c = s.screening.selectedCandidate else { s.message = "No candidate selected."; return [] }
        guard guardWrite("change a screening status", &s) else { return [] }
        let current = s.screening.records[c.patientID]?.status
        let next = s.screeningNext[current?.rawValue ?? ""] ?? ScreeningStatus.allCases.filter { $0 != current }
        if next.isEmpty {
            s.message = "\(c.patientID) is \(current?.rawValue ?? "?") on \(d.trial.id): a final status, no further change."
            return []
        }
        openForm(FormState(title: "Screening \(d.trial.id) · \(c.patientID) (now \(current?.rawValue ?? "not in the log"))", fields: [
            FormField("status", "New status", kind: .choice(next.map(\.rawValue)), required: true),
            FormField("date", "Date", kind: .date, value: s.today.description, required: true),
            FormField("reason", "Reason (declined)"),
            FormField("criterion", "Failed criterion (…-failed)"),
            FormField("recheck", "Recheck date (deferred)", kind: .date),
        ], purpose: .screening(trial: d.trial.id, patient: c.patientID)), &s)
        return []
    }

    // MARK: meeting

    static func meetingCommand(_ c: Command, _ s: inout AppState) -> [Effect] {
        switch c {
        case .newMeeting:
            guard guardWrite("create a meeting", &s) else { return [] }
            openForm(FormState(title: "New board meeting", fields: [
                FormField("date", "Date", kind: .date, value: s.today.description, required: true),
                FormField("name", "Name (e.g. RCP LAM adultes)", required: true),
                FormField("site", "Site"),
            ], purpose: .createMeeting), &s)
            return []
        case .nextCase, .previousCase:
            guard s.meeting.meeting != nil else { return [] }
            let n = s.meeting.agenda.count
            let i = s.meeting.current + (c == .nextCase ? 1 : -1)
            guard i >= 0, i < n else { s.message = c == .nextCase ? "Last case of the agenda." : "First case of the agenda."; return [] }
            s.meeting.current = i
            s.meeting.caseDetail = nil
            return s.meeting.currentItem.map { [.loadMeetingCase($0.patient)] } ?? []
        case .recordDecision:
            return decisionForm(&s)
        default: return []
        }
    }

    static func decisionForm(_ s: inout AppState) -> [Effect] {
        guard let m = s.meeting.meeting else { s.message = "Open a meeting first (Enter)."; return [] }
        guard let item = s.meeting.currentItem else { s.message = "The agenda of \(m.name) is empty."; return [] }
        guard guardWrite("record a board decision", &s) else { return [] }
        let d = item.decision
        let trials = (s.meeting.caseDetail?.trials ?? []).filter { $0.verdict == .eligible || $0.verdict == .possiblyEligible }.map(\.trialID)
        let trialOptions = ["(none)"] + trials
        let trialChoice = d?.trialProposed.flatMap { trialOptions.firstIndex(of: $0) } ?? 0
        let status = d?.diseaseStatus ?? s.meeting.caseDetail?.summary.status?.rawValue ?? ""
        let participants = d?.participants.map { "\($0.name):\($0.specialty)" + ($0.isPhysician ? "" : ":non-physician") }
            .joined(separator: "; ") ?? ""
        openForm(FormState(title: "Decision · \(m.name) \(m.date) · case \(s.meeting.current + 1) of \(s.meeting.agenda.count): \(item.patient)", fields: [
            FormField("participants", "Participants (Name:role; …)", value: participants),
            FormField("status", "Disease status", value: status),
            FormField("proposal", "Proposal", value: d?.proposal ?? "", required: true),
            FormField("guideline", "Follows the guideline", kind: .choice(["yes", "no"]), choice: d?.followsGuideline == false ? 1 : 0),
            FormField("justification", "Justification (required if no)", value: d?.justification ?? ""),
            FormField("trial", "Trial proposed", kind: .choice(trialOptions), choice: trialChoice),
            FormField("review", "Next review date", kind: .date, value: d?.nextReview?.description ?? ""),
        ], purpose: .decision(meetingID: m.id, patientID: item.patient)), &s)
        return []
    }

    /// "Put on the agenda": the meeting (newest first) and the question asked.
    static func agendaForm(_ patientID: String, _ s: inout AppState) {
        let ms = s.meeting.meetings
        guard !ms.isEmpty else { s.message = "No board meeting yet: create one in 5 Meeting (N)."; return }
        openForm(FormState(title: "Put \(patientID) on a board meeting's agenda", fields: [
            FormField("meeting", "Meeting", kind: .choice(ms.map(\.id))),
            FormField("question", "Question asked", required: true),
        ], purpose: .addToAgenda(patientID: patientID)), &s)
    }

    // MARK: forms

    /// Keys while a form is open: the form's key map first, choice fields cycle, text fields edit.
    static func formKey(_ key: KeyEvent, _ form: FormState, _ s: inout AppState) -> [Effect] {
        var f = form
        let field = f.fields[f.focus]
        var cmd = AppKeyMaps.form.action(for: key).flatMap(Command.init(rawValue:))
        // In a text field ←/→ and Space edit the text.
        if !field.isChoice, let c = cmd, [.formOptionNext, .formOptionPrevious].contains(c) { cmd = nil }
        if key == .enter { cmd = f.focus == f.fields.count - 1 ? .formSave : .formNext }
        switch cmd {
        case .formNext?: f.focus = (f.focus + 1) % f.fields.count
        case .formPrevious?: f.focus = (f.focus + f.fields.count - 1) % f.fields.count
        case .formOptionNext?, .formOptionPrevious?:
            let n = field.options.count
            if n > 0 { f.fields[f.focus].choice = (field.choice + (cmd == .formOptionNext ? 1 : n - 1)) % n; f.isDirty = true }
        case .back?:
            s.overlay = nil
            if f.isDirty {
                s.draft = f; s.hasUnsavedChanges = true
                s.message = "Form kept as an unsaved draft: its key reopens it; q asks before losing it."
            } else if s.draft?.purpose == f.purpose { s.draft = nil; s.hasUnsavedChanges = false }
            return []
        case .formSave?:
            return submit(f, &s)
        default:
            guard !field.isChoice else { break }
            if case .edited = f.fields[f.focus].editor.handle(key) { f.isDirty = true }
        }
        s.overlay = .form(f)
        return []
    }

    /// Validates a form and turns it into its write Effect (or shows what is missing).
    static func submit(_ form: FormState, _ s: inout AppState) -> [Effect] {
        var f = form
        func fail(_ m: String, _ key: String? = nil) -> [Effect] {
            f.error = m
            if let k = key, let i = f.index(k) { f.focus = i }
            s.overlay = .form(f)
            return []
        }
        for (i, field) in f.fields.enumerated() {
            if field.required && field.value.isEmpty { f.focus = i; return fail("\(field.label) is required.") }
            if case .date = field.kind, !field.value.isEmpty, RelativeDate.parse(field.value, today: s.today) == nil {
                return fail("\(field.label): expected a date (\(RelativeDate.hint)), found \"\(field.value)\".", field.key)
            }
        }
        let today = s.today
        func date(_ k: String) -> LocalDate? { RelativeDate.parse(f.value(k), today: today) }
        func text(_ k: String) -> String? { let v = f.value(k); return v.isEmpty ? nil : v }
        let effect: Effect
        switch f.purpose {
        case .completeTask(let id):
            effect = .completeTask(id: id, date: date("date"))
        case .reschedule(let id):
            guard let d = date("date") else { return fail("New due date is required.", "date") }
            effect = .rescheduleTask(id: id, to: d, reason: f.value("reason"))
        case .note(let id):
            effect = .noteTask(id: id, text: f.value("text"))
        case .screening(let trial, let patient):
            guard let status = ScreeningStatus(rawValue: f.value("status")) else { return fail("Choose a status.", "status") }
            switch status {
            case .preScreenFailed, .screenFailed: if text("criterion") == nil { return fail("\(status.rawValue) requires the failed criterion.", "criterion") }
            case .declined: if text("reason") == nil { return fail("declined requires a reason.", "reason") }
            case .deferred: if date("recheck") == nil { return fail("deferred requires a recheck date.", "recheck") }
            default: break
            }
            effect = .setScreeningStatus(ScreeningChange(trial: trial, patient: patient, status: status, date: date("date"),
                                                         reason: text("reason"), criterion: text("criterion"),
                                                         recheck: status == .deferred ? date("recheck") : nil, source: "engine"))
        case .addToAgenda(let patientID):
            effect = .addToAgenda(meetingID: f.value("meeting"), patientID: patientID, question: f.value("question"))
        case .createMeeting:
            guard let d = date("date") else { return fail("Date is required.", "date") }
            effect = .createMeeting(date: d, name: f.value("name"), site: text("site"))
        case .decision(let meetingID, let patientID):
            let (participants, problem) = FormState.participants(f.value("participants"))
            if let p = problem { return fail(p, "participants") }
            let follows = f.value("guideline") == "yes"
            if !follows && text("justification") == nil { return fail("A decision outside the guideline requires a justification.", "justification") }
            let trial = f.value("trial")
            let decision = BoardDecision(participants: participants, diseaseStatus: text("status"), proposal: f.value("proposal"),
                                         followsGuideline: follows, justification: text("justification"),
                                         trialProposed: trial == "(none)" ? nil : trial, nextReview: date("review"))
            effect = .recordDecision(meetingID: meetingID, patientID: patientID, decision)
        }
        // Kept until the write succeeds (a refused write returns to the form).
        s.draft = f; s.hasUnsavedChanges = true
        s.overlay = nil
        return [effect]
    }

    // MARK: results

    static func succeeded(_ message: String, warnings: [String], _ s: inout AppState) -> [Effect] {
        s.draft = nil; s.hasUnsavedChanges = false
        s.caseList.rowsGeneration += 1 // the case-list rows are asked again (the written case's row changed)
        s.message = ([message] + warnings.map { "WARNING: " + $0 }).joined(separator: " — ")
        s.messageRole = warnings.isEmpty ? .ok : .warning
        if !warnings.isEmpty {
            s.overlay = .message(Modal(title: "Recorded, with a warning", message: ([message] + warnings).joined(separator: " "),
                                       buttons: ["OK"], ascii: s.ascii, role: .warning), then: nil)
        }
        var effects: [Effect] = []
        if s.worklist.isLoaded { effects.append(.loadWorklist(s.worklist.filter)) }
        if let id = s.screening.detail?.trial.id { effects.append(.loadScreening(trial: id)) }
        if s.meeting.isLoaded { effects.append(.loadMeetings) }
        if let m = s.meeting.meeting { effects.append(.loadMeeting(m.id)) }
        if s.stack.contains(.caseDetail), let id = s.caseDetail.id { effects.append(.loadCase(id)) }
        return effects
    }

    /// Background work changed derived data: reload the views that show trial verdicts (the case list's rows are
    /// read at render and re-derive themselves).
    static func reloadCurrent(_ s: AppState) -> [Effect] {
        var effects: [Effect] = []
        if s.trials.isLoaded { effects.append(.loadTrials) }
        if s.stack.contains(.trialDetail), let id = s.trialDetail.id { effects.append(.loadTrial(id)) }
        if s.screen == .screening, let id = s.screening.detail?.trial.id, !effects.contains(.loadTrial(id)) { effects.append(.loadTrial(id)) }
        if s.stack.contains(.caseDetail), let id = s.caseDetail.id { effects.append(.loadCase(id)) }
        return effects
    }

    static func failed(_ message: String, _ s: inout AppState) -> [Effect] {
        let back = s.draft
        if back != nil { s.draft = nil; s.hasUnsavedChanges = false }
        s.overlay = .message(Modal(title: "Not saved", message: message, buttons: ["OK"], ascii: s.ascii, role: .error), then: back)
        return []
    }
}
