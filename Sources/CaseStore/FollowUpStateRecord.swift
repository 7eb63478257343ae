import CaseModel

/// A nurse's record about one follow-up task: done, rescheduled, or annotated.
public struct FollowUpStateRecord: Sendable, Equatable {
    public var id: Int64?
    public var taskId: String
    public var patientId: String
    public var done: LocalDate?
    public var rescheduledDue: LocalDate?
    public var reason: String?
    public var note: String?
    public var who: String
    /// ISO-8601 timestamp of the record.
    public var at: String
    public init(id: Int64? = nil, taskId: String, patientId: String, done: LocalDate? = nil, rescheduledDue: LocalDate? = nil,
                reason: String? = nil, note: String? = nil, who: String, at: String) {
        self.id = id; self.taskId = taskId; self.patientId = patientId; self.done = done; self.rescheduledDue = rescheduledDue
        self.reason = reason; self.note = note; self.who = who; self.at = at
    }
}
