import Foundation
import CaseModel
import ScreenKit

/// Runs the reducer and performs its effects against a repository, feeding results back as
/// actions, until nothing is left to do. Used by the terminal loop, `caseboard screen` and tests.
/// Writes go through the `WorkflowRepository` (one per app launch: the undo session); an error it
/// throws is shown in a dialog, never a crash.
public final class AppRuntime {
    public private(set) var state: AppState
    public let repository: CaseRepository
    public let workflows: WorkflowRepository?
    /// Every effect performed, in order (tests assert on it).
    public private(set) var performed: [Effect] = []
    /// Actions posted by background work (any thread), drained by the UI loop (`drainInbox`).
    public let inbox = ActionInbox()

    /// `screeningNext` gives the statuses allowed after a status (nil: not in the log yet); the store's
    /// status model in the executable.
    public init(repository: CaseRepository, width: Int, height: Int, ascii: Bool, workflows: WorkflowRepository? = nil,
                screeningNext: (ScreeningStatus?) -> [ScreeningStatus] = { c in ScreeningStatus.allCases.filter { $0 != c } }) {
        self.repository = repository
        self.workflows = workflows
        self.state = AppState(width: width, height: height, ascii: ascii, isDemo: repository.isDemo,
                              today: repository.today, caseCount: repository.caseCount, facets: repository.facets)
        state.workflowsAvailable = workflows != nil
        state.readOnly = workflows?.isReadOnly ?? false
        var next: [String: [ScreeningStatus]] = ["": screeningNext(nil)]
        for st in ScreeningStatus.allCases { next[st.rawValue] = screeningNext(st) }
        state.screeningNext = next
    }

    /// Sends the actions background work posted since the last call (on the caller's thread: the UI loop's).
    /// True when there were any.
    @discardableResult
    public func drainInbox() -> Bool {
        let actions = inbox.take()
        for a in actions {
            if case .backgroundUpdated = a { repository.backgroundChanged() }
            send(a)
        }
        return !actions.isEmpty
    }

    /// Loads what the first screen shows.
    public func start() { perform([.loadCaseList(state.caseList.query)]) }

    public var isQuitting: Bool { state.isQuitting }

    /// Sends one action (and whatever its effects bring back).
    public func send(_ action: Action) {
        let (next, effects) = reduce(state, action)
        state = next
        perform(effects)
    }

    public func send(_ command: Command) { send(.command(command)) }

    /// Types each character of `text` as a key.
    public func type(_ text: String) { for c in text { send(.key(.char(c))) } }

    private func perform(_ effects: [Effect]) {
        for e in effects {
            performed.append(e)
            switch e {
            case .quit: break
            case .loadCaseList, .loadCase, .loadTrials, .loadTrial, .loadWorklist, .loadMeetingCase: performRead(e)
            case .forgetCached, .loadHistory, .undoChange, .redo, .reloadMeeting, .setActor: performSession(e)
            default: performWorkflow(e)
            }
        }
    }

    /// The repository reads: their data comes back as an action; a read that fails is shown as an error naming
    /// what could not be read (never as "unknown id", "0 eligible" or an empty list).
    private func performRead(_ e: Effect) {
        do {
            switch e {
            case .loadCaseList(let q): send(.caseListLoaded(try repository.caseIDs(matching: q)))
            case .loadCase(let id): send(.caseLoaded(id: id, try repository.detail(id: id)))
            case .loadTrials: send(.trialsLoaded(try repository.trials()))
            case .loadTrial(let id): send(.trialLoaded(id: id, try repository.trialDetail(id: id)))
            case .loadWorklist(let f): send(.worklistLoaded(try repository.worklist(filter: f)))
            case .loadMeetingCase(let id): send(.meetingCaseLoaded(id: id, try repository.detail(id: id)))
            default: break
            }
        } catch {
            send(.readFailed(AppRuntime.readFailure(e, error)))
        }
    }

    /// "Could not read SL-AML-0042: …" for a failed read effect.
    static func readFailure(_ e: Effect, _ error: Error) -> String {
        let what: String
        switch e {
        case .loadCaseList: what = "the case list"
        case .loadCase(let id), .loadMeetingCase(let id): what = id
        case .loadTrials: what = "the trial catalogue"
        case .loadTrial(let id): what = "trial \(id)"
        case .loadWorklist: what = "the worklist"
        default: what = "the data"
        }
        return "Could not read \(what): \(error)"
    }

    /// The workflow effects: reads feed their data back; a write reports success (and invalidates the
    /// cached rows of the case it changed) or its error message.
    private func performWorkflow(_ e: Effect) {
        guard let wf = workflows else {
            switch e {  // Reads without workflows: nothing to show.
            case .loadScreening(let trial): send(.screeningLoaded(trial: trial, [])); return
            case .loadMeetings: send(.meetingsLoaded([])); return
            case .loadMeeting: return
            default: break
            }
            send(.workflowFailed("The workflows are not available (no database is open for writing). Nothing was written."))
            return
        }
        do {
            if let gone = try goneMeeting(e, wf) { send(.meetingGone(gone)); return }
            switch e {
            case .loadScreening(let trial): send(.screeningLoaded(trial: trial, try wf.screeningRecords(trial: trial, patient: nil)))
            case .loadMeetings: send(.meetingsLoaded(try wf.meetings()))
            case .loadMeeting(let id): send(.meetingLoaded(try wf.meeting(id: id)))
            case .completeTask(let id, let date):
                let out = try wf.completeTask(id: id, date: date)
                repository.invalidate(caseID: out.task.patient)
                var m = "Done: \(out.task.kind), \(out.task.patient), \(out.task.done ?? date ?? state.today)."
                if let n = out.next { m += " Next due \(n.due)." }
                send(.workflowSucceeded(message: m, warnings: []))
            case .rescheduleTask(let id, let to, let reason):
                let t = try wf.rescheduleTask(id: id, to: to, reason: reason)
                repository.invalidate(caseID: t.patient)
                send(.workflowSucceeded(message: "Rescheduled: \(t.kind) for \(t.patient) now due \(t.due).", warnings: []))
            case .noteTask(let id, let text):
                let t = try wf.noteTask(id: id, text: text)
                repository.invalidate(caseID: t.patient)
                send(.workflowSucceeded(message: "Note added to \(t.kind) for \(t.patient).", warnings: []))
            case .setScreeningStatus(let change):
                let r = try wf.setScreeningStatus(change)
                send(.workflowSucceeded(message: "Screening \(r.trial): \(r.patient) is now \(r.status?.rawValue ?? "?").", warnings: []))
            case .createMeeting(let date, let name, let site):
                let m = try wf.createMeeting(date: date, name: name, site: site)
                send(.workflowSucceeded(message: "Meeting \(m.id) created: \(m.name) \(m.date). Open a case and press a to put it on the agenda.", warnings: []))
                send(.openMeeting(m.id))
            case .addToAgenda(let meetingID, let patientID, let question):
                let item = try wf.addToAgenda(meetingId: meetingID, patientId: patientID, question: question)
                send(.workflowSucceeded(message: "\(patientID) is case \(item.position) on the agenda of \(meetingID).", warnings: []))
            case .recordDecision(let meetingID, let patientID, let decision):
                let out = try wf.recordDecision(meetingId: meetingID, patientId: patientID, decision: decision)
                repository.invalidate(caseID: patientID)
                var m = "Decision recorded for \(patientID)."
                if let t = decision.trialProposed { m += " \(t) entered the pre-screening log (\(out.screening?.status?.rawValue ?? "identified"))." }
                if let r = out.reviewTask { m += " Review task due \(r.due)." }
                send(.workflowSucceeded(message: m, warnings: out.warnings))
            case .undo:
                let target = AppRuntime.lastUndoable(try wf.sessionChanges())
                let undone = try wf.undoLastChange()
                let entry = undone.action == "undo" ? (target ?? undone) : undone
                repository.invalidate(caseID: nil)
                send(.workflowSucceeded(message: "Undone: \(AppRuntime.describe(entry)).", warnings: []))
            default: break
            }
        } catch {
            send(.workflowFailed(String(describing: error)))
        }
    }

    /// Undo/redo of one change, the session history, live-data reloads and who is acting (UndoReducer's effects).
    /// A meeting that no longer exists comes back as `meetingGone`, never as "unknown meeting id".
    private func performSession(_ e: Effect) {
        if case .forgetCached = e { repository.externalChange(); return }
        guard let wf = workflows else {
            switch e {
            case .loadHistory, .reloadMeeting: return
            default: send(.workflowFailed("The workflows are not available (no database is open for writing). Nothing was written.")); return
            }
        }
        do {
            switch e {
            case .loadHistory: send(.historyLoaded(try wf.sessionHistory()))
            case .reloadMeeting(let id):
                if try wf.meetings().contains(where: { $0.id == id }) { send(.meetingLoaded(try wf.meeting(id: id))) } else { send(.meetingGone(id)) }
            case .undoChange(let id, let what):
                _ = try wf.undoChange(id: id)
                repository.invalidate(caseID: nil)
                send(.workflowSucceeded(message: "Undone: \(what). Ctrl-R redoes it.", warnings: []))
            case .redo:
                let history = try wf.sessionHistory()
                let what = SessionHistory.redoTarget(history).map { Reducer.describe(SessionHistory.origin(of: $0, in: history), in: history) }
                _ = try wf.redoLastUndo()
                repository.invalidate(caseID: nil)
                send(.workflowSucceeded(message: "Redone: \(what ?? "the last undo").", warnings: []))
            case .setActor(let name):
                try wf.setActor(name)
                send(.actorSet(wf.actor))
            default: break
            }
        } catch {
            if case .setActor = e { send(.askActor) }
            send(.workflowFailed(String(describing: error)))
        }
    }

    /// A write to a meeting that no longer exists (undone, or deleted by another process): the meeting id, so the
    /// form is closed with a message instead of the store's "unknown meeting id".
    private func goneMeeting(_ e: Effect, _ wf: WorkflowRepository) throws -> String? {
        let id: String
        switch e {
        case .recordDecision(let m, _, _), .addToAgenda(let m, _, _): id = m
        default: return nil
        }
        return try wf.meetings().contains(where: { $0.id == id }) ? nil : id
    }

    /// The change `undo` will revert: session changes newest first, each undo entry cancelling the
    /// newest change not yet undone (undo works as a stack).
    static func lastUndoable(_ newestFirst: [AuditEntry]) -> AuditEntry? {
        var pending = 0
        for e in newestFirst {
            if e.action == "undo" { pending += 1 } else if pending > 0 { pending -= 1 } else { return e }
        }
        return nil
    }

    /// "board decision for P on meeting M" from an audit entry's action and entity.
    static func describe(_ e: AuditEntry) -> String {
        let parts = e.entity.split(separator: "/").map(String.init)
        let action = e.action.split(separator: ".").map(String.init)
        switch action.first {
        case "meeting" where action.count > 1 && action[1] == "decision" && parts.count >= 3:
            return "board decision for \(parts[2]) at meeting \(parts[1])"
        case "followUp" where parts.count >= 4:
            let what = ["done": "task marked done", "reschedule": "rescheduling", "note": "note"][action.last ?? ""] ?? e.action
            return "\(what) of \(parts[3...].joined(separator: "/")) (\(parts[1]))"
        case "meeting" where action.count > 1 && action[1] == "agenda" && parts.count >= 3:
            return "agenda item \(parts[2]) at meeting \(parts[1])"
        case "meeting" where action.count > 1 && action[1] == "create":
            return "creation of the meeting of \(parts.dropFirst().joined(separator: "/"))"
        case "screening" where parts.count >= 3:
            return "screening status \(action.dropFirst().joined(separator: ".")) of \(parts[2]) on \(parts[1])"
        default:
            return "\(e.action) (\(e.entity))"
        }
    }

    /// The current screen drawn into a new buffer.
    public func render() -> Buffer {
        var b = Buffer(width: state.width, height: state.height)
        ScreenRenderer.render(state, repository: repository, into: &b)
        return b
    }
}

/// Where background work (the stored trial verdicts being prepared or updated after a write) posts the action
/// that tells the UI; the UI loop drains it between keys. Thread-safe.
public final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queued: [Action] = []
    public init() {}
    public func post(_ action: Action) { lock.lock(); queued.append(action); lock.unlock() }
    func take() -> [Action] { lock.lock(); defer { lock.unlock() }; let out = queued; queued = []; return out }
}
