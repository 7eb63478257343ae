/// Errors of the workflows that a user can cause: every one is a user error (exit status 1) with a
/// message naming the id or the field at fault. Nothing is written when one is thrown.
public enum WorkflowError: Error, Equatable, CustomStringConvertible, Sendable {
    case unknownMeeting(id: String)
    case unknownTrial(id: String)
    case unknownTask(id: String)
    case notOnAgenda(meeting: String, patient: String)
    case alreadyOnAgenda(meeting: String, patient: String)
    /// A required field is missing or a value is not acceptable.
    case invalid(String)
    /// A screening status change that the status model does not allow.
    case invalidTransition(trial: String, patient: String, from: String, to: String, why: String)
    case nothingToUndo
    /// The row an undo would restore was changed since by someone else.
    case undoConflict(entity: String)
    /// Redo with no undo to re-apply (none yet, all redone, or a new change was made since).
    case nothingToRedo
    /// An undo asked for an audit entry that is not a change of this session still in force.
    case notUndoable(id: Int64)

    public var description: String {
        switch self {
        case .unknownMeeting(let id): return "unknown meeting id \"\(id)\": no such board meeting in the database."
        case .unknownTrial(let id): return "unknown trial id \"\(id)\": no such trial in the catalogue."
        case .unknownTask(let id): return "unknown follow-up task \"\(id)\": no such task (see `caseboard followups`)."
        case .notOnAgenda(let m, let p): return "case \"\(p)\" is not on the agenda of meeting \"\(m)\" (add it with `caseboard meeting add \(m) --case \(p) --question …`)."
        case .alreadyOnAgenda(let m, let p): return "case \"\(p)\" is already on the agenda of meeting \"\(m)\"."
        case .invalid(let message): return message
        case .invalidTransition(let t, let p, let from, let to, let why):
            return "cannot move patient \(p) on trial \(t) from \(from) to \(to): \(why)"
        case .nothingToUndo: return "nothing to undo: no change was made in this session (or every one was undone)."
        case .undoConflict(let e): return "cannot undo the change to \(e): it was changed again since (by another session). Nothing was written."
        case .nothingToRedo: return "nothing to redo: no undo to re-apply in this session (a new change clears the redo list)."
        case .notUndoable(let id): return "cannot undo audit entry \(id): it is not a change of this session still in force (already undone, or another session's). Nothing was written."
        }
    }
}
