/// One audited change of this session as the history panel (`U`) and undo/redo see it: the audit entry and,
/// when it was undone (or, for an undo, redone), the id of the entry that did it.
public struct SessionChange: Sendable, Equatable {
    public var entry: AuditEntry
    /// The audit id of the undo (or the redo, for an undo entry) that reverted this change; nil while in force.
    public var undoneBy: Int64?
    public init(entry: AuditEntry, undoneBy: Int64? = nil) { self.entry = entry; self.undoneBy = undoneBy }

    public var id: Int64 { entry.id ?? 0 }
    public var isUndo: Bool { entry.action == "undo" }
    public var isRedo: Bool { entry.action == "redo" }
    /// A change of the user's own (not an undo or a redo).
    public var isChange: Bool { !isUndo && !isRedo }
}

/// The rules of undo and redo over a session's history (newest first), shared by the store, the fixture and
/// the UI so that what `u` names is what is undone:
/// - undo reverts the newest change (or redo) still in force, optionally only among one screen's kinds of change;
/// - redo re-applies the newest undo not yet redone, as long as no new change was made after it (a new change
///   clears the redo list, as in editors).
public enum SessionHistory {
    /// The change an undo or a redo entry reverted (the entry whose `undoneBy` is its id).
    public static func target(of c: SessionChange, in history: [SessionChange]) -> SessionChange? {
        history.first { $0.undoneBy == c.id && $0.id != c.id }
    }

    /// The user's change at the origin of `c` (itself for a change; for an undo or a redo, what it ultimately reverts).
    public static func origin(of c: SessionChange, in history: [SessionChange]) -> SessionChange {
        var current = c
        var seen: Set<Int64> = [c.id]
        while !current.isChange, let t = target(of: current, in: history), !seen.contains(t.id) {
            seen.insert(t.id); current = t
        }
        return current
    }

    /// What `u` undoes: the newest entry still in force that is not an undo, whose origin's action starts with one
    /// of `families` (nil: any).
    public static func undoTarget(_ history: [SessionChange], families: [String]? = nil) -> SessionChange? {
        history.first { c in
            guard !c.isUndo, c.undoneBy == nil else { return false }
            guard let f = families else { return true }
            let action = origin(of: c, in: history).entry.action
            return f.contains { action == $0 || action.hasPrefix($0 + ".") }
        }
    }

    /// What `Ctrl-R` redoes: the newest undo not yet redone, unless a new change was made after it.
    public static func redoTarget(_ history: [SessionChange]) -> SessionChange? {
        for c in history {
            if c.isChange { return nil }
            if c.isUndo, c.undoneBy == nil { return c }
        }
        return nil
    }
}
