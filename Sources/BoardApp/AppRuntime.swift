import Foundation
import CaseModel
import ScreenKit

/// Runs the reducer and performs its effects against a repository, feeding results back as actions.
///
/// Effects are jobs: each reads or writes through the repository and returns the actions that report what it
/// found. With `.background` execution (the terminal UI) they run in order on one serial queue, off the UI
/// thread, and their actions come back through the `inbox`, which the loop drains between keys — a slow read or
/// write never freezes the screen, and the repository is only ever touched from that queue. With `.inline`
/// execution (`caseboard screen`, tests) the same jobs run on the caller's thread and their actions are sent at
/// once. Writes go through the `WorkflowRepository` (one per app launch: the undo session); an error it throws is
/// shown in a dialog, never a crash.
public final class AppRuntime {
    /// Where effects run.
    public enum Execution: Sendable { case inline, background }

    public private(set) var state: AppState
    public let repository: CaseRepository
    public let workflows: WorkflowRepository?
    public let execution: Execution
    /// Every effect performed, in order (tests assert on it).
    public private(set) var performed: [Effect] = []
    /// Actions posted by background work and by effects run in the background (any thread), drained by the UI
    /// loop (`drainInbox`).
    public let inbox = ActionInbox()
    private let effectQueue = DispatchQueue(label: "caseboard.effects", qos: .userInitiated)

    /// `screeningNext` gives the statuses allowed after a status (nil: not in the log yet); the store's
    /// status model in the executable.
    public init(repository: CaseRepository, width: Int, height: Int, ascii: Bool, workflows: WorkflowRepository? = nil,
                execution: Execution = .inline,
                screeningNext: (ScreeningStatus?) -> [ScreeningStatus] = { c in ScreeningStatus.allCases.filter { $0 != c } }) {
        self.repository = repository
        self.workflows = workflows
        self.execution = execution
        self.state = AppState(width: width, height: height, ascii: ascii, isDemo: repository.isDemo,
                              today: repository.today, caseCount: repository.caseCount, facets: repository.facets)
        state.workflowsAvailable = workflows != nil
        state.readOnly = workflows?.isReadOnly ?? false
        var next: [String: [ScreeningStatus]] = ["": screeningNext(nil)]
        for st in ScreeningStatus.allCases { next[st.rawValue] = screeningNext(st) }
        state.screeningNext = next
    }

    /// Sends the actions that background work and background effects posted since the last call (on the caller's
    /// thread: the UI loop's). True when there were any.
    @discardableResult
    public func drainInbox() -> Bool {
        let actions = inbox.take()
        for (a, forwarded) in actions {
            if case .backgroundUpdated(let what) = a, !forwarded {
                // The repository forgets what was derived from the old data (on the effect queue when effects run
                // in the background), then the screen reloads.
                let repository = self.repository
                schedule(Job { repository.backgroundChanged(); return [.backgroundUpdated(what)] }, forwarded: true)
                continue
            }
            send(a)
        }
        return !actions.isEmpty
    }

    /// True while effects are running in the background or their actions wait in the inbox.
    public var isBusy: Bool { inbox.isBusy }

    /// Waits until every effect has finished and its actions were sent (background execution; tests and
    /// `caseboard screen`). False when `timeout` seconds passed first.
    @discardableResult
    public func settle(timeout: Double = 30) -> Bool {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while true {
            drainInbox()
            if !inbox.isBusy { return true }
            if DispatchTime.now().uptimeNanoseconds > deadline { return false }
            usleep(1_000)
        }
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

    /// An effect's work: runs where the execution says, returns the actions reporting its outcome.
    struct Job: @unchecked Sendable {
        // @unchecked: the closure captures the repository, which is touched only from the effect queue (background
        // execution) or only from the caller's thread (inline), never from both.
        let run: () -> [Action]
    }

    private func perform(_ effects: [Effect]) {
        for e in effects {
            performed.append(e)
            if case .quit = e { continue }
            schedule(job(for: e), forwarded: false)
        }
    }

    /// `forwarded`: the job's actions are a background update already handled (not to be handled again).
    private func schedule(_ job: Job, forwarded: Bool) {
        switch execution {
        case .inline:
            for a in job.run() { send(a) }
        case .background:
            inbox.begin()
            let inbox = self.inbox
            effectQueue.async { inbox.finish(job.run(), forwarded: forwarded) }
        }
    }

    /// The job of one effect. Everything it needs from the state is captured now (never read from another thread).
    private func job(for e: Effect) -> Job {
        let repository = self.repository, workflows = self.workflows, today = state.today
        switch e {
        case .loadCaseList, .loadCaseRows, .loadCase, .loadTrials, .loadTrial, .explainCandidates, .loadWorklist, .loadMeetingCase:
            return Job { AppRuntime.read(e, repository) }
        case .loadOutcomes(let q):
            return Job { AppRuntime.outcomes(q, repository) }
        case .forgetCached, .loadHistory, .undoChange, .redo, .reloadMeeting, .setActor:
            return Job { AppRuntime.withHistory(AppRuntime.session(e, repository: repository, workflows: workflows), workflows) }
        default:
            return Job { AppRuntime.withHistory(AppRuntime.workflow(e, repository: repository, workflows: workflows, today: today), workflows) }
        }
    }

    /// The repository reads: their data comes back as an action; a read that fails is shown as an error naming
    /// what could not be read (never as "unknown id", "0 eligible" or an empty list).
    static func read(_ e: Effect, _ repository: CaseRepository) -> [Action] {
        do {
            switch e {
            case .loadCaseList(let q): return [.caseListLoaded(try repository.caseIDs(matching: q))]
            case .loadCaseRows(let ids, let generation):
                var rows: [String: CaseRowEntry] = [:]
                for id in ids {
                    do { rows[id] = try repository.summary(id: id).map(CaseRowEntry.loaded) ?? .missing } catch { rows[id] = .failed("\(error)") }
                }
                return [.caseRowsLoaded(generation: generation, rows)]
            case .loadCase(let id): return [.caseLoaded(id: id, try repository.detail(id: id))]
            case .loadTrials: return [.trialsLoaded(try repository.trials())]
            case .loadTrial(let id): return [.trialLoaded(id: id, try repository.trialDetail(id: id))]
            case .explainCandidates(let trial, let ids, let generation):
                return [.candidatesExplained(trial: trial, generation: generation, try repository.explainedCandidates(trialID: trial, ids: ids))]
            case .loadWorklist(let f): return [.worklistLoaded(try repository.worklist(filter: f))]
            case .loadMeetingCase(let id): return [.meetingCaseLoaded(id: id, try repository.detail(id: id))]
            default: return []
            }
        } catch {
            return [.readFailed(AppRuntime.readFailure(e, error))]
        }
    }

    /// "Could not read SL-AML-0042: …" for a failed read effect.
    static func readFailure(_ e: Effect, _ error: Error) -> String {
        let what: String
        switch e {
        case .loadCaseList, .loadCaseRows: what = "the case list"
        case .loadCase(let id), .loadMeetingCase(let id): what = id
        case .loadTrials: what = "the trial catalogue"
        case .loadTrial(let id): what = "trial \(id)"
        case .explainCandidates(let trial, let ids, _): what = "\(ids.count) candidates of trial \(trial) (from \(ids.first ?? "-"))"
        case .loadWorklist: what = "the worklist"
        default: what = "the data"
        }
        return "Could not read \(what): \(error)"
    }

    /// The workflow effects: reads feed their data back; a write reports success (and invalidates the
    /// cached rows of the case it changed) or its error message.
    static func workflow(_ e: Effect, repository: CaseRepository, workflows: WorkflowRepository?, today: LocalDate) -> [Action] {
        guard let wf = workflows else {
            switch e {  // Reads without workflows: nothing to show.
            case .loadScreening(let trial): return [.screeningLoaded(trial: trial, [])]
            case .loadMeetings: return [.meetingsLoaded([])]
            case .loadMeeting: return []
            default: break
            }
            return [.workflowFailed("The workflows are not available (no database is open for writing). Nothing was written.")]
        }
        do {
            if let gone = try goneMeeting(e, wf) { return [.meetingGone(gone)] }
            switch e {
            case .loadScreening(let trial): return [.screeningLoaded(trial: trial, try wf.screeningRecords(trial: trial, patient: nil))]
            case .loadMeetings: return [.meetingsLoaded(try wf.meetings())]
            case .loadMeeting(let id): return [.meetingLoaded(try wf.meeting(id: id))]
            case .completeTask(let id, let date):
                let out = try wf.completeTask(id: id, date: date)
                repository.invalidate(caseID: out.task.patient)
                var m = "Done: \(out.task.kind), \(out.task.patient), \(out.task.done ?? date ?? today)."
                if let n = out.next { m += " Next due \(n.due)." }
                return [.workflowSucceeded(message: m, warnings: [])]
            case .rescheduleTask(let id, let to, let reason):
                let t = try wf.rescheduleTask(id: id, to: to, reason: reason)
                repository.invalidate(caseID: t.patient)
                return [.workflowSucceeded(message: "Rescheduled: \(t.kind) for \(t.patient) now due \(t.due).", warnings: [])]
            case .noteTask(let id, let text):
                let t = try wf.noteTask(id: id, text: text)
                repository.invalidate(caseID: t.patient)
                return [.workflowSucceeded(message: "Note added to \(t.kind) for \(t.patient).", warnings: [])]
            case .setScreeningStatus(let change):
                let r = try wf.setScreeningStatus(change)
                return [.workflowSucceeded(message: "Screening \(r.trial): \(r.patient) is now \(r.status?.rawValue ?? "?").", warnings: [])]
            case .createMeeting(let date, let name, let site):
                let m = try wf.createMeeting(date: date, name: name, site: site)
                return [.workflowSucceeded(message: "Meeting \(m.id) created: \(m.name) \(m.date). Open a case and press a to put it on the agenda.", warnings: []),
                        .openMeeting(m.id)]
            case .addToAgenda(let meetingID, let patientID, let question):
                let item = try wf.addToAgenda(meetingId: meetingID, patientId: patientID, question: question)
                return [.workflowSucceeded(message: "\(patientID) is case \(item.position) on the agenda of \(meetingID).", warnings: [])]
            case .recordDecision(let meetingID, let patientID, let decision):
                let out = try wf.recordDecision(meetingId: meetingID, patientId: patientID, decision: decision)
                repository.invalidate(caseID: patientID)
                var m = "Decision recorded for \(patientID)."
                if let t = decision.trialProposed { m += " \(t) entered the pre-screening log (\(out.screening?.status?.rawValue ?? "identified"))." }
                if let r = out.reviewTask { m += " Review task due \(r.due)." }
                return [.workflowSucceeded(message: m, warnings: out.warnings)]
            case .undo:
                let target = AppRuntime.lastUndoable(try wf.sessionChanges())
                let undone = try wf.undoLastChange()
                let entry = undone.action == "undo" ? (target ?? undone) : undone
                repository.invalidate(caseID: nil)
                return [.workflowSucceeded(message: "Undone: \(AppRuntime.describe(entry)).", warnings: [])]
            default: return []
            }
        } catch {
            return [.workflowFailed(String(describing: error))]
        }
    }

    /// Undo/redo of one change, the session history, live-data reloads and who is acting (UndoReducer's effects).
    /// A meeting that no longer exists comes back as `meetingGone`, never as "unknown meeting id".
    static func session(_ e: Effect, repository: CaseRepository, workflows: WorkflowRepository?) -> [Action] {
        if case .forgetCached = e {
            do { try repository.externalChange() } catch { return [.readFailed("Could not read the case list: \(error)")] }
            return [.caseIndexReloaded(count: repository.caseCount)]
        }
        guard let wf = workflows else {
            switch e {
            case .loadHistory, .reloadMeeting: return []
            default: return [.workflowFailed("The workflows are not available (no database is open for writing). Nothing was written.")]
            }
        }
        do {
            switch e {
            case .loadHistory: return [.historyLoaded(try wf.sessionHistory())]
            case .reloadMeeting(let id):
                return try wf.meetings().contains(where: { $0.id == id }) ? [.meetingLoaded(try wf.meeting(id: id))] : [.meetingGone(id)]
            case .undoChange(let id, let what):
                _ = try wf.undoChange(id: id)
                repository.invalidate(caseID: nil)
                return [.workflowSucceeded(message: "Undone: \(what). Ctrl-R redoes it.", warnings: [])]
            case .redo:
                let history = try wf.sessionHistory()
                let what = SessionHistory.redoTarget(history).map { Reducer.describe(SessionHistory.origin(of: $0, in: history), in: history) }
                _ = try wf.redoLastUndo()
                repository.invalidate(caseID: nil)
                return [.workflowSucceeded(message: "Redone: \(what ?? "the last undo").", warnings: [])]
            case .setActor(let name):
                try wf.setActor(name)
                return [.actorSet(wf.actor)]
            default: return []
            }
        } catch {
            if case .setActor = e { return [.askActor, .workflowFailed(String(describing: error))] }
            return [.workflowFailed(String(describing: error))]
        }
    }

    /// After a write that succeeded, the session's history comes first (read in the same job), so that `u` right
    /// after the message names that change even while the screens are still reloading.
    static func withHistory(_ actions: [Action], _ workflows: WorkflowRepository?) -> [Action] {
        guard let wf = workflows, actions.contains(where: { if case .workflowSucceeded = $0 { return true }; return false }) else { return actions }
        do { return [.historyLoaded(try wf.sessionHistory())] + actions } catch {
            return actions + [.readFailed("Could not read the session's history (U, u): \(error)")]
        }
    }

    /// A write to a meeting that no longer exists (undone, or deleted by another process): the meeting id, so the
    /// form is closed with a message instead of the store's "unknown meeting id".
    static func goneMeeting(_ e: Effect, _ wf: WorkflowRepository) throws -> String? {
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
        ScreenRenderer.render(state, into: &b)
        return b
    }
}

/// Where background work (the stored trial verdicts being prepared or updated after a write) and the effects run
/// in the background post the actions that tell the UI; the UI loop drains it between keys. Thread-safe.
public final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queued: [(action: Action, forwarded: Bool)] = []
    private var running = 0
    public init() {}
    /// Posts an action from background work.
    public func post(_ action: Action) { lock.lock(); queued.append((action, false)); lock.unlock() }
    /// An effect started in the background.
    func begin() { lock.lock(); running += 1; lock.unlock() }
    /// An effect finished with these actions (`forwarded`: a background update the effect queue already handled).
    func finish(_ actions: [Action], forwarded: Bool) {
        lock.lock(); running -= 1; queued += actions.map { ($0, forwarded) }; lock.unlock()
    }
    var isBusy: Bool { lock.lock(); defer { lock.unlock() }; return running > 0 || !queued.isEmpty }
    func take() -> [(action: Action, forwarded: Bool)] {
        lock.lock(); defer { lock.unlock() }
        let out = queued; queued = []
        return out
    }
}
