import CaseModel
import ScreenKit

/// Undo and redo as editors do them, the session history panel (`U`), live data (changes made by other
/// processes) and who is acting, in the reducer. Pure: the history arrives as `historyLoaded`, the undo itself is
/// an Effect the runtime performs through the `WorkflowRepository` (an audited write like any other).
extension Reducer {
    /// The kinds of change (audit action families) each screen's `u` undoes: a screen undoes its own changes only.
    static func undoFamilies(_ screen: ScreenID) -> [String] {
        switch screen {
        case .worklist: return ["followUp"]
        case .screening: return ["screening"]
        case .meeting: return ["meeting"]
        case .caseDetail: return ["meeting.agenda"]
        case .caseList, .trials, .trialDetail, .outcomes: return []
        }
    }

    /// "HH:MM" of an audit timestamp ("2026-11-29T14:02:11Z" → "14:02").
    static func clockTime(_ at: String) -> String {
        guard let t = at.firstIndex(of: "T") else { return at }
        return String(at[at.index(after: t)...].prefix(5))
    }

    /// What a history entry did, in words ("note of T-42-1 (SL-AML-0042)", "undo of …", "redo of …").
    static func describe(_ c: SessionChange, in history: [SessionChange]) -> String {
        let origin = SessionHistory.origin(of: c, in: history)
        let what = AppRuntime.describe(origin.entry)
        if c.isUndo { return "undo of the " + what }
        if c.isRedo { return "redo of the " + what }
        return what
    }

    /// The second question for a change whose undo removes a record a board relies on (nil otherwise).
    static func removalWarning(_ c: SessionChange, in history: [SessionChange]) -> String? {
        let origin = SessionHistory.origin(of: c, in: history).entry
        let parts = origin.entity.split(separator: "/").map(String.init)
        let at = clockTime(c.entry.at)
        if origin.action == "meeting.decision", parts.count >= 3 {
            return "This removes the decision recorded at \(at) for \(parts[2]) (meeting \(parts[1])). Really undo?"
        }
        if origin.action == "meeting.create", parts.count >= 2 {
            return "This removes meeting \(parts[1]), created at \(at), with its agenda. Really undo?"
        }
        return nil
    }

    /// `u`: the latest change of this screen still in force, named in a one-line question (y/n).
    static func undoCommand(_ s: inout AppState) -> [Effect] {
        guard guardWrite("undo", &s) else { return [] }
        let families = undoFamilies(s.screen)
        guard let target = SessionHistory.undoTarget(s.history, families: families) else {
            s.messageRole = .warning
            if SessionHistory.undoTarget(s.history) != nil {
                s.message = "Nothing to undo on this screen: your changes are undone where they were made (U lists them)."
            } else {
                s.message = "Nothing to undo: no change of yours in this session is still in force."
            }
            return []
        }
        let what = describe(target, in: s.history)
        let removes = removalWarning(target, in: s.history)
        s.overlay = .confirm(Modal(title: "Undo", message: "Undo the \(what) (\(clockTime(target.entry.at)))?  y/n",
                                   buttons: ["Yes", "No"], selected: 1, ascii: s.ascii, role: removes == nil ? .modal : .warning),
                             .undo(id: target.id, what: what, removes: removes))
        return []
    }

    /// Accepting the first undo question: the second one when the change removes a meeting or a decision.
    static func undoAccepted(_ intent: ConfirmIntent, _ s: inout AppState) -> [Effect] {
        s.overlay = nil
        if case .undo(let id, let what, let removes?) = intent {
            s.overlay = .confirm(Modal(title: "Undo: are you sure?", message: removes + "  y/n", buttons: ["Yes", "No"], selected: 1,
                                       ascii: s.ascii, role: .warning), .undo(id: id, what: what, removes: nil))
            return []
        }
        return intent.acceptedEffect.map { [$0] } ?? []
    }

    /// `Ctrl-R`: re-applies the newest undo (no question: it puts back what you just took away).
    static func redoCommand(_ s: inout AppState) -> [Effect] {
        guard guardWrite("redo", &s) else { return [] }
        guard SessionHistory.redoTarget(s.history) != nil else {
            s.message = "Nothing to redo."
            s.messageRole = .warning
            return []
        }
        return [.redo]
    }

    /// Lines of the history panel: time, what, and whether it is in force, undone or redone.
    public static func historyLines(_ s: AppState) -> [String] {
        guard !s.history.isEmpty else { return ["No change yet in this session."] }
        return s.history.map { c in
            var line = "\(clockTime(c.entry.at))  \(c.entry.who)  \(describe(c, in: s.history))"
            if let by = c.undoneBy {
                let undoer = s.history.first { $0.id == by }
                line += undoer?.isRedo == true ? "  [redone]" : "  [undone \(undoer.map { clockTime($0.entry.at) } ?? "")]"
            }
            return line
        }
    }

    /// Keys while the history panel is open: scroll, Esc / U / q / Enter close it.
    static func historyKey(_ key: KeyEvent, _ scroll: Int, _ s: inout AppState) {
        switch key {
        case .escape, .char("U"), .char("q"), .enter: s.overlay = nil
        case .down, .char("j"): s.overlay = .history(scroll: min(scroll + 1, max(0, s.history.count - 1)))
        case .up, .char("k"): s.overlay = .history(scroll: max(0, scroll - 1))
        case .pageDown: s.overlay = .history(scroll: min(scroll + 10, max(0, s.history.count - 1)))
        case .pageUp: s.overlay = .history(scroll: max(0, scroll - 10))
        case .home, .char("g"): s.overlay = .history(scroll: 0)
        case .end, .char("G"): s.overlay = .history(scroll: max(0, s.history.count - 1))
        default: s.overlay = .history(scroll: scroll)
        }
    }

    // MARK: live data

    /// Reload everything loaded, keeping each cursor on its record (the loaded-actions keep selections by id).
    static func reloadEverything(_ s: AppState) -> [Effect] {
        var effects: [Effect] = [.forgetCached]
        if s.caseList.isLoaded { effects.append(.loadCaseList(s.caseList.query)) }
        if s.trials.isLoaded { effects.append(.loadTrials) }
        if s.stack.contains(.trialDetail), let id = s.trialDetail.id { effects.append(.loadTrial(id)) }
        if s.worklist.isLoaded { effects.append(.loadWorklist(s.worklist.filter)) }
        if let id = s.screening.detail?.trial.id { effects.append(.loadScreening(trial: id)) }
        if s.meeting.isLoaded { effects.append(.loadMeetings) }
        if let m = s.meeting.meeting { effects.append(.reloadMeeting(m.id)) }
        if s.stack.contains(.caseDetail), let id = s.caseDetail.id { effects.append(.loadCase(id)) }
        if s.workflowsAvailable { effects.append(.loadHistory) }
        return effects
    }

    /// A meeting no longer exists: leave meeting mode and close any form writing to it, saying so (never
    /// "unknown meeting id" from a stale form).
    static func meetingGone(_ id: String, _ s: inout AppState) -> [Effect] {
        var closed = false
        if case .form(let f)? = s.overlay, f.purpose.meetingID == id { s.overlay = nil; closed = true }
        if case .message(_, let then?)? = s.overlay, then.purpose.meetingID == id { s.overlay = nil; closed = true }
        if s.draft?.purpose.meetingID == id { s.draft = nil; s.hasUnsavedChanges = false; closed = true }
        // "Put on the agenda" names its meeting in a choice field.
        if let d = s.draft, case .addToAgenda = d.purpose, d.value("meeting") == id { s.draft = nil; s.hasUnsavedChanges = false; closed = true }
        if case .form(let f)? = s.overlay, case .addToAgenda = f.purpose, f.value("meeting") == id { s.overlay = nil; closed = true }
        var effects: [Effect] = []
        if s.meeting.meeting?.id == id {
            s.meeting.meeting = nil; s.meeting.caseDetail = nil
            effects.append(.loadMeetings)
        }
        s.meeting.meetings.removeAll { $0.id == id }
        // After the user's own undo of the creation, its "Undone: …" line stays (it says what happened).
        if closed || s.message?.hasPrefix("Undone:") != true {
            s.message = "Meeting \(id) no longer exists (undone, or deleted by another user)" + (closed ? "; its form was closed, nothing was written." : ".")
            s.messageRole = .warning
        }
        return effects
    }

    // MARK: who is acting

    static func actorForm(_ s: inout AppState) {
        s.overlay = .form(FormState(title: "Your name or initials for the record (no --user, no $USER)", fields: [
            FormField("name", "Name or initials", required: true)], purpose: .actor))
    }
}
