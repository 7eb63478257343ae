import CaseModel
import GRDB

/// A follow-up record (done / rescheduled / note) with the occurrence it applies to.
public struct WorkflowTaskState: Sendable, Equatable {
    public var taskId: String
    public var patientId: String
    /// Due date of the occurrence when the record was made (before any reschedule); nil for old records.
    public var occurrenceDue: LocalDate?
    public var done: LocalDate?
    public var rescheduledDue: LocalDate?
    public var reason: String?
    public var note: String?
    public var who: String
    public var at: String
}

extension AppDatabase {
    /// Tasks the app created (RCP reviews, screening rechecks, next occurrences), open or closed.
    public func appTasks(patientId: String? = nil) throws -> [FollowUpTask] {
        try read { db in try WorkflowTaskStore.appTasks(db, patientId: patientId) }
    }

    /// Follow-up records with their occurrence, oldest first.
    public func taskStates(patientId: String? = nil) throws -> [WorkflowTaskState] {
        try read { db in try WorkflowTaskStore.states(db, patientId: patientId) }
    }
}

enum WorkflowTaskStore {
    /// App-created tasks as `FollowUpTask` values (status computed later); closed ones are left out.
    /// `between`: only the patients whose id lies in that range (a recompute chunk's).
    static func appTasks(_ db: Database, patientId: String?, between: (String, String)? = nil) throws -> [FollowUpTask] {
        let sql = "SELECT * FROM workflowTask WHERE closed IS NULL" + (patientId == nil ? "" : " AND patientId = ?")
            + (between == nil ? "" : " AND patientId BETWEEN ? AND ?") + " ORDER BY id"
        let args: [String] = (patientId.map { [$0] } ?? []) + (between.map { [$0.0, $0.1] } ?? [])
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { r in
            let dueText: String = r["due"]
            guard let due = LocalDate(dueText) else { throw StoreError.corrupt(table: "workflowTask", column: "due", value: dueText) }
            return FollowUpTask(id: r["id"], patient: r["patientId"], due: due, kind: r["kind"], status: .upcoming,
                                note: r["note"], source: r["source"], repeatDays: r["repeatDays"])
        }
    }

    static func states(_ db: Database, patientId: String?, between: (String, String)? = nil) throws -> [WorkflowTaskState] {
        let sql = "SELECT * FROM followUpState WHERE 1" + (patientId == nil ? "" : " AND patientId = ?")
            + (between == nil ? "" : " AND patientId BETWEEN ? AND ?") + " ORDER BY id"
        let args: [String] = (patientId.map { [$0] } ?? []) + (between.map { [$0.0, $0.1] } ?? [])
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { r in
            let occ: String? = r["occurrenceDue"], done: String? = r["done"], res: String? = r["rescheduledDue"]
            return WorkflowTaskState(taskId: r["taskId"], patientId: r["patientId"], occurrenceDue: occ.flatMap(LocalDate.init),
                                     done: done.flatMap(LocalDate.init), rescheduledDue: res.flatMap(LocalDate.init),
                                     reason: r["reason"], note: r["note"], who: r["who"], at: r["at"])
        }
    }

    /// Applies the nurses' records to `tasks` (one patient's provider tasks plus app tasks):
    /// reschedules move the due date, notes are appended, completions mark the occurrence done;
    /// an open generated task is hidden while an open successor (`ID#n`) created from it exists.
    static func apply(_ states: [WorkflowTaskState], to tasks: [FollowUpTask], today: LocalDate) -> [FollowUpTask] {
        let byTask = Dictionary(grouping: states, by: \.taskId)
        var out: [FollowUpTask] = []
        for var t in tasks {
            let original = t.due
            // A task the data marks done without a date (`done: true`) stays done.
            let doneInData = t.status == .done
            for s in byTask[t.id] ?? [] where s.occurrenceDue == nil || s.occurrenceDue == original {
                if let d = s.rescheduledDue { t.due = d }
                if let n = s.note {
                    t.note = (t.note.map { $0 + " | " } ?? "") + "note \(s.at.prefix(10)) \(s.who): \(n)"
                }
                if let r = s.reason, s.rescheduledDue != nil {
                    t.note = (t.note.map { $0 + " | " } ?? "") + "rescheduled from \(original) by \(s.who): \(r)"
                }
                if let d = s.done { t.done = d }
            }
            let dated = WorkflowService.status(due: t.due, done: doneInData || t.done != nil, today: today)
            // A deceased patient's open task stays "patient deceased" (DeceasedRule), with its status by the (possibly
            // rescheduled) due date beside it; done is done.
            if t.status == .patientDeceased && dated != .done { t.dueStatus = dated } else { t.status = dated; t.dueStatus = nil }
            out.append(t)
        }
        let openSuccessorBases = Set(out.filter { $0.status != .done }.compactMap { WorkflowService.successorBase($0.id) })
        return out.filter { !($0.status != .done && openSuccessorBases.contains($0.id)) }
    }
}
