import CaseModel

/// What a confirmation dialog does when accepted.
public enum ConfirmIntent: Equatable, Sendable {
    /// Mark a task done today (second button: choose another date).
    case completeTask(taskID: String, date: LocalDate)
}
