import Foundation
import CaseModel
import ClinicalRules
import BoardApp

/// An in-memory `WorkflowRepository` over the fixture patients for reducer tests and goldens (screens are
/// tested without a database; `WorkflowDatabaseTests` runs the same keys against the real store): meetings with agendas and decisions, a screening log with history,
/// follow-up tasks with done/reschedule/note and repeating tasks, session undo, and a read-only mode.
/// It follows the contract of `CaseStore.WorkflowService` (same refusals for the same inputs).
public final class FixtureWorkflows: WorkflowRepository, @unchecked Sendable {
    struct Store: Equatable {
        var meetings: [BoardMeeting] = []
        var screening: [String: ScreeningRecord] = [:]   // "trial/patient"
        var taskEdits: [String: FollowUpTask] = [:]        // by id (done, due, note applied)
        var appTasks: [FollowUpTask] = []
    }
    private let lock = NSLock()
    private var store = Store()
    /// Every audited write with the store before and after it, oldest first (undo and redo are entries too).
    private var changes: [(before: Store, after: Store, entry: AuditEntry, undoneBy: Int64?)] = []
    /// Meeting numbers are never reused (even after an undo removed the meeting).
    private var meetingsCreated = 0
    private let patients: [String: Patient]
    public let isReadOnly: Bool
    public let today: LocalDate
    public private(set) var user: String
    /// Statuses allowed after a status (`ScreeningStatus.allowed(after:)` by default, the model the store enforces).
    public let allowedNext: @Sendable (ScreeningStatus?) -> [ScreeningStatus]
    /// Repeat interval by task id (completing such a task creates the next occurrence).
    public let repeatDays: [String: Int]
    /// Every audit entry written, oldest first (tests assert on it).
    public private(set) var audit: [AuditEntry] = []

    public init(patients: [Patient] = BoardFixtures.patients, today: LocalDate = BoardFixtures.today, readOnly: Bool = false,
                user: String = "tester", repeatDays: [String: Int] = ["T-42-1": 28],
                allowedNext: @escaping @Sendable (ScreeningStatus?) -> [ScreeningStatus] = FixtureWorkflows.statusModel) {
        var byID: [String: Patient] = [:]
        for p in patients { byID[p.id] = p }
        self.patients = byID; self.today = today; self.isReadOnly = readOnly; self.user = user
        self.repeatDays = repeatDays; self.allowedNext = allowedNext
    }

    /// The pre-screening status model of clinical-reference.md §4.1.
    public static let statusModel: @Sendable (ScreeningStatus?) -> [ScreeningStatus] = { ScreeningStatus.allowed(after: $0) }

    public struct Refusal: Error, CustomStringConvertible { public let description: String }

    private func write<T>(_ action: String, _ entity: String, _ body: (inout Store) throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        if isReadOnly { throw Refusal(description: "cannot \(action): the database is open read-only. Nothing was written.") }
        var s = store
        let value = try body(&s)
        if user.trimmingCharacters(in: .whitespaces).isEmpty {
            throw Refusal(description: "cannot \(action): the audit needs who is doing it: give --user NAME (or set $USER); no name was given. Nothing was written.")
        }
        let entry = AuditEntry(id: Int64(audit.count + 1), at: FixtureWorkflows.clock, who: user, action: action, entity: entity,
                               before: nil, after: nil)
        changes.append((store, s, entry, nil)); audit.append(entry)
        store = s
        return value
    }

    private func read<T>(_ body: (Store) throws -> T) rethrows -> T { lock.lock(); defer { lock.unlock() }; return try body(store) }

    // MARK: meetings

    public func meetings() throws -> [BoardMeeting] { read { $0.meetings } }
    public func meeting(id: String) throws -> BoardMeeting {
        guard let m = read({ $0.meetings.first { $0.id == id } }) else { throw Refusal(description: "unknown meeting id \"\(id)\".") }
        return m
    }
    public func createMeeting(date: LocalDate, name: String, site: String?) throws -> BoardMeeting {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw Refusal(description: "a meeting needs a name.") }
        return try write("meeting.create", "meeting/M\(meetingsCreated + 1)") { s in
            meetingsCreated += 1
            let m = BoardMeeting(id: "M\(meetingsCreated)", date: date, name: name, site: site)
            s.meetings.append(m)
            return m
        }
    }
    public func addToAgenda(meetingId: String, patientId: String, question: String) throws -> AgendaItem {
        guard patients[patientId] != nil else { throw Refusal(description: "unknown case id \(patientId).") }
        return try write("meeting.agenda.add", "meeting/\(meetingId)/\(patientId)") { s in
            guard let i = s.meetings.firstIndex(where: { $0.id == meetingId }) else { throw Refusal(description: "unknown meeting id \"\(meetingId)\".") }
            let item = AgendaItem(id: Int64(s.meetings[i].agenda.count + 1), patient: patientId, question: question,
                                  position: s.meetings[i].agenda.count + 1)
            s.meetings[i].agenda.append(item)
            return item
        }
    }
    public func recordDecision(meetingId: String, patientId: String, decision: BoardDecision) throws -> DecisionOutcome {
        if decision.proposal.trimmingCharacters(in: .whitespaces).isEmpty { throw Refusal(description: "the board's proposal is required.") }
        if !decision.followsGuideline && (decision.justification ?? "").isEmpty {
            throw Refusal(description: "a decision outside the guideline (hors référentiel) requires a justification.")
        }
        return try write("meeting.decision", "meeting/\(meetingId)/\(patientId)") { s in
            guard let i = s.meetings.firstIndex(where: { $0.id == meetingId }) else { throw Refusal(description: "unknown meeting id \"\(meetingId)\".") }
            guard let k = s.meetings[i].agenda.firstIndex(where: { $0.patient == patientId }) else {
                throw Refusal(description: "case \"\(patientId)\" is not on the agenda of meeting \"\(meetingId)\".")
            }
            var d = decision
            d.recordedBy = d.recordedBy ?? user
            s.meetings[i].agenda[k].decision = d
            var screening: ScreeningRecord?
            if let t = d.trialProposed {
                let key = "\(t)/\(patientId)"
                if s.screening[key] == nil {
                    s.screening[key] = ScreeningRecord(patient: patientId, trial: t, source: "RCP", history: [
                        ScreeningEvent(date: s.meetings[i].date, status: .identified, who: user, reason: "proposed at \(s.meetings[i].name)")])
                }
                screening = s.screening[key]
            }
            var review: FollowUpTask?
            if let next = d.nextReview {
                let t = FollowUpTask(id: "\(patientId):rcp-review-\(meetingId)", patient: patientId, due: next, kind: "RCP review",
                                     status: status(next, done: nil), source: "RCP")
                s.appTasks.removeAll { $0.id == t.id }; s.appTasks.append(t); review = t
            }
            let warnings = d.hasQuorum ? [] : ["quorum not met: fewer than three physicians of different specialties."]
            return DecisionOutcome(item: s.meetings[i].agenda[k], warnings: warnings, screening: screening, reviewTask: review)
        }
    }

    // MARK: screening

    public func screeningRecords(trial: String?, patient: String?) throws -> [ScreeningRecord] {
        read { s in s.screening.values.filter { (trial == nil || $0.trial == trial) && (patient == nil || $0.patient == patient) }
            .sorted { ($0.trial, $0.patient) < ($1.trial, $1.patient) } }
    }
    public func setScreeningStatus(_ c: ScreeningChange) throws -> ScreeningRecord {
        try write("screening.\(c.status.rawValue)", "screening/\(c.trial)/\(c.patient)") { s in
            let key = "\(c.trial)/\(c.patient)"
            let current = s.screening[key]?.status
            guard allowedNext(current).contains(c.status) else {
                throw Refusal(description: "cannot move patient \(c.patient) on trial \(c.trial) from \(current?.rawValue ?? "(not in the log)") to \(c.status.rawValue).")
            }
            if (c.status == .preScreenFailed || c.status == .screenFailed) && c.criterion == nil { throw Refusal(description: "requires the failed criterion.") }
            if c.status == .declined && c.reason == nil { throw Refusal(description: "requires a reason.") }
            if c.status == .deferred && c.recheck == nil { throw Refusal(description: "requires a recheck date.") }
            var r = s.screening[key] ?? ScreeningRecord(patient: c.patient, trial: c.trial, source: c.source ?? "referral", history: [])
            r.history.append(ScreeningEvent(date: c.date ?? today, status: c.status, who: user, reason: c.reason, criterion: c.criterion, recheck: c.recheck))
            s.screening[key] = r
            return r
        }
    }

    // MARK: tasks

    private func status(_ due: LocalDate, done: LocalDate?) -> FollowUpStatus {
        FollowUpScheduler.status(due: due, done: done != nil, today: today)
    }

    private func allTasks(_ s: Store, for p: Patient) -> [FollowUpTask] {
        var out = p.followUps.enumerated().map { (i, f) in
            FollowUpTask(id: f.id ?? "\(p.id)-F\(i + 1)", patient: p.id, due: f.due, kind: f.kind, status: status(f.due, done: f.done),
                         note: f.note, source: "explicit", done: f.done, repeatDays: repeatDays[f.id ?? ""], site: p.site)
        }
        out += s.appTasks.filter { $0.patient == p.id }.map { var t = $0; t.site = p.site; return t }
        return out.map { t in
            guard var e = s.taskEdits[t.id] else { return t }
            e.status = status(e.due, done: e.done); e.site = p.site
            return e
        }
    }

    public func tasks(for patient: Patient) throws -> [FollowUpTask] { read { allTasks($0, for: patient) } }
    public func worklist(patients ps: [Patient], dueWithinDays: Int?, site: String?) throws -> [FollowUpTask] {
        read { s in ps.filter { site == nil || $0.site == site }.flatMap { allTasks(s, for: $0) }.filter { $0.status != .done } }
    }

    private func find(_ s: Store, _ id: String) throws -> FollowUpTask {
        for p in patients.values { if let t = allTasks(s, for: p).first(where: { $0.id == id }) { return t } }
        throw Refusal(description: "unknown follow-up task \"\(id)\".")
    }

    public func completeTask(id: String, date: LocalDate?) throws -> TaskOutcome {
        try write("followUp.done", "patient/?/followUp/\(id)") { s in
            var t = try find(s, id)
            if t.done != nil { throw Refusal(description: "task \(id) is already done.") }
            t.done = date ?? today; t.status = .done
            s.taskEdits[id] = t
            var next: FollowUpTask?
            if let r = t.repeatDays {
                let due = (date ?? today).adding(days: r)
                let n = FollowUpTask(id: id + "#2", patient: t.patient, due: due, kind: t.kind, status: status(due, done: nil),
                                     source: t.source, repeatDays: r)
                s.appTasks.append(n); next = n
            }
            return TaskOutcome(task: t, next: next)
        }
    }
    public func rescheduleTask(id: String, to newDue: LocalDate, reason: String) throws -> FollowUpTask {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw Refusal(description: "a reschedule needs a reason.") }
        return try write("followUp.reschedule", "patient/?/followUp/\(id)") { s in
            var t = try find(s, id)
            t.due = newDue; t.note = "rescheduled: \(reason)"; t.status = status(newDue, done: t.done)
            s.taskEdits[id] = t
            return t
        }
    }
    public func noteTask(id: String, text: String) throws -> FollowUpTask {
        try write("followUp.note", "patient/?/followUp/\(id)") { s in
            var t = try find(s, id)
            t.note = [t.note, text].compactMap { $0 }.joined(separator: "; ")
            s.taskEdits[id] = t
            return t
        }
    }

    // MARK: undo

    /// The audit time of the fixture's entries (reproducible).
    public static let clock = "2026-11-29T10:00:00Z"

    public func undoLastChange() throws -> AuditEntry {
        guard let target = SessionHistory.undoTarget(try sessionHistory()) else {
            throw Refusal(description: "nothing to undo: no change was made in this session (or every one was undone).")
        }
        try revert(target.id, as: "undo")
        return target.entry
    }

    public func undoChange(id: Int64) throws -> AuditEntry {
        let h = try sessionHistory()
        guard let c = h.first(where: { $0.id == id }), !c.isUndo, c.undoneBy == nil else {
            throw Refusal(description: "cannot undo audit entry \(id): it is not a change of this session still in force. Nothing was written.")
        }
        return try revert(id, as: "undo")
    }

    public func redoLastUndo() throws -> AuditEntry {
        guard let target = SessionHistory.redoTarget(try sessionHistory()) else {
            throw Refusal(description: "nothing to redo: no undo to re-apply in this session (a new change clears the redo list).")
        }
        return try revert(target.id, as: "redo")
    }

    public func sessionHistory() throws -> [SessionChange] {
        read { _ in changes.reversed().map { SessionChange(entry: $0.entry, undoneBy: $0.undoneBy) } }
    }

    public var actor: String { lock.lock(); defer { lock.unlock() }; return user }
    public func setActor(_ name: String) throws {
        let n = name.trimmingCharacters(in: .whitespaces)
        guard !n.isEmpty else { throw Refusal(description: "cannot record who is acting: no name was given.") }
        lock.lock(); user = n; lock.unlock()
    }

    /// Puts back what change `id` changed (each meeting, screening record and task it touched), after checking
    /// they are still as it left them (as the store does); audited as `action`.
    @discardableResult
    private func revert(_ id: Int64, as action: String) throws -> AuditEntry {
        lock.lock(); defer { lock.unlock() }
        if isReadOnly { throw Refusal(description: "cannot \(action): the database is open read-only.") }
        guard let k = changes.firstIndex(where: { $0.entry.id == id }) else { throw Refusal(description: "no audit entry \(id).") }
        let c = changes[k]
        var next = store
        func merge<V: Equatable>(_ cur: inout [String: V], _ before: [String: V], _ after: [String: V]) throws {
            for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
                guard cur[key] == after[key] else { throw Refusal(description: "cannot undo the change to \(c.entry.entity): it was changed again since. Nothing was written.") }
                cur[key] = before[key]
            }
        }
        func byID<V>(_ xs: [V], _ key: (V) -> String) -> [String: V] { Dictionary(xs.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a }) }
        var meetings = byID(next.meetings, \.id)
        try merge(&meetings, byID(c.before.meetings, \.id), byID(c.after.meetings, \.id))
        var order = next.meetings.map(\.id).filter { meetings[$0] != nil }
        for m in c.before.meetings where !order.contains(m.id) && meetings[m.id] != nil { order.append(m.id) }
        next.meetings = order.compactMap { meetings[$0] }
        try merge(&next.screening, c.before.screening, c.after.screening)
        try merge(&next.taskEdits, c.before.taskEdits, c.after.taskEdits)
        var app = byID(next.appTasks, \.id)
        try merge(&app, byID(c.before.appTasks, \.id), byID(c.after.appTasks, \.id))
        next.appTasks = app.values.sorted { $0.id < $1.id }
        let entry = AuditEntry(id: Int64(audit.count + 1), at: FixtureWorkflows.clock, who: user, action: action, entity: c.entry.entity,
                               before: nil, after: nil)
        changes[k].undoneBy = entry.id
        changes.append((store, next, entry, nil)); audit.append(entry)
        store = next
        return entry
    }

    public func sessionChanges() throws -> [AuditEntry] { read { _ in changes.map(\.entry).reversed() } }
}
