import CaseModel

/// What a confirmation dialog does when accepted.
public enum ConfirmIntent: Equatable, Sendable {
    /// Mark a task done today (second button: choose another date).
    case completeTask(taskID: String, date: LocalDate)
    /// Undo audit entry `id` (named `what` in the question); `removes` is the second question for a meeting or a
    /// board decision ("this removes the decision recorded at 14:02 for …"), nil when one question is enough.
    case undo(id: Int64, what: String, removes: String?)
}

extension ConfirmIntent {
    /// The effect of accepting the intent (nil: another question comes first).
    var acceptedEffect: Effect? {
        switch self {
        case .completeTask(let id, let date): return .completeTask(id: id, date: date)
        case .undo(let id, let what, nil): return .undoChange(id: id, what: what)
        case .undo(_, _, .some): return nil
        }
    }
}
