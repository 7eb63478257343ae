/// The workflows (meetings, screening, nurse records) as the UI sees them: a repository the BoardApp reducer calls (BoardApp
/// cannot import CaseStore). `CaseStore.WorkflowService` implements it; every write runs in one
/// transaction with one audit entry; errors are `CustomStringConvertible` with a one-line message
/// for the status bar (a read-only database refuses every write with a clear message).
public protocol WorkflowRepository: Sendable {
    /// True when every write will be refused (read-only database or `--read-only`).
    var isReadOnly: Bool { get }

    // Board meetings (RCP).
    func meetings() throws -> [BoardMeeting]
    func meeting(id: String) throws -> BoardMeeting
    func createMeeting(date: LocalDate, name: String, site: String?) throws -> BoardMeeting
    func addToAgenda(meetingId: String, patientId: String, question: String) throws -> AgendaItem
    /// Records or replaces the decision; quorum problems come back as warnings, not errors.
    func recordDecision(meetingId: String, patientId: String, decision: BoardDecision) throws -> DecisionOutcome

    // Trial pre-screening log.
    func screeningRecords(trial: String?, patient: String?) throws -> [ScreeningRecord]
    func setScreeningStatus(_ change: ScreeningChange) throws -> ScreeningRecord

    // Nurse worklist: the schedule's tasks with the nurses' records and the workflow-created tasks.
    func tasks(for patient: Patient) throws -> [FollowUpTask]
    func worklist(patients: [Patient], dueWithinDays: Int?, site: String?) throws -> [FollowUpTask]
    func completeTask(id: String, date: LocalDate?) throws -> TaskOutcome
    func rescheduleTask(id: String, to newDue: LocalDate, reason: String) throws -> FollowUpTask
    func noteTask(id: String, text: String) throws -> FollowUpTask

    // Audit and undo (`u`): only changes of this session (since the repository was opened).
    func undoLastChange() throws -> AuditEntry
    func sessionChanges() throws -> [AuditEntry]
    /// The session's changes with what undid them, newest first (the `U` panel; `SessionHistory` picks targets).
    func sessionHistory() throws -> [SessionChange]
    /// Reverts one change of this session still in force (`u` on a screen undoes that screen's latest); audited
    /// as `undo`. Refuses when a row it would restore was changed since, or when the id is not of this session.
    func undoChange(id: Int64) throws -> AuditEntry
    /// Re-applies the newest undo not yet redone (`Ctrl-R`); audited as `redo`; "nothing to redo" otherwise.
    func redoLastUndo() throws -> AuditEntry

    // Who is acting (the audit's actor): empty when neither --user nor $USER gave one; the UI asks once.
    var actor: String { get }
    /// Sets who is acting for the writes of this session (refused when empty or not acceptable as a name).
    func setActor(_ name: String) throws
}

/// One screening status change asked for by a coordinator (or by a board decision).
public struct ScreeningChange: Sendable, Equatable {
    public var trial: String
    public var patient: String
    public var status: ScreeningStatus
    /// Date of the change; today when nil.
    public var date: LocalDate?
    public var reason: String?
    /// Required for `pre-screen-failed` and `screen-failed`.
    public var criterion: String?
    /// Required for `deferred` (after `date`); becomes a follow-up task.
    public var recheck: LocalDate?
    /// `engine`, `RCP` or `referral`; used when the patient enters the log (default `referral`).
    public var source: String?
    public var arm: String?
    public init(trial: String, patient: String, status: ScreeningStatus, date: LocalDate? = nil, reason: String? = nil,
                criterion: String? = nil, recheck: LocalDate? = nil, source: String? = nil, arm: String? = nil) {
        self.trial = trial; self.patient = patient; self.status = status; self.date = date; self.reason = reason
        self.criterion = criterion; self.recheck = recheck; self.source = source; self.arm = arm
    }
}

/// What recording a board decision did besides storing it.
public struct DecisionOutcome: Sendable, Equatable {
    public var item: AgendaItem
    /// Warnings to show (quorum not met); the decision is recorded anyway.
    public var warnings: [String]
    /// The screening record the proposed trial entered (or already had).
    public var screening: ScreeningRecord?
    /// The `RCP review` follow-up task created or updated from the next review date.
    public var reviewTask: FollowUpTask?
    public init(item: AgendaItem, warnings: [String], screening: ScreeningRecord?, reviewTask: FollowUpTask?) {
        self.item = item; self.warnings = warnings; self.screening = screening; self.reviewTask = reviewTask
    }
}

/// What completing a task did.
public struct TaskOutcome: Sendable, Equatable {
    public var task: FollowUpTask
    /// The next occurrence created when the task's schedule repeats.
    public var next: FollowUpTask?
    public init(task: FollowUpTask, next: FollowUpTask?) { self.task = task; self.next = next }
}
