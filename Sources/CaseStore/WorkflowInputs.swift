import CaseModel

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
}

/// What completing a task did.
public struct TaskOutcome: Sendable, Equatable {
    public var task: FollowUpTask
    /// The next occurrence created when the task's schedule repeats.
    public var next: FollowUpTask?
}
