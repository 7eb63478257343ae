import CaseModel
import CaseStore
import Foundation

/// What `caseboard followups …` does, behind its argument parsing.
public enum FollowupRuns {
    /// The worklist: the schedule's tasks with the nurses' records (done, rescheduled, notes) and the tasks the
    /// workflows created (RCP reviews, screening rechecks, next occurrences).
    public static func list(_ context: Workspace, dueWithin: Int?, site: String?, json: Bool, console: Console) throws {
        if let d = dueWithin, d < 0 { throw CoreError.user("--due-within must be 0 or more days, found \(d)") }
        let tasks = try Workflows.service(context, withCatalogue: false).worklistOfAllPatients(dueWithinDays: dueWithin, site: site)
        if json { try console.jsonArray(tasks); return }
        if context.isDemo { console.line("SYNTHETIC DEMO DATA") }
        console.raw(Reports.worklistTable(tasks, today: context.today))
    }

    public static func done(_ context: Workspace, task: String, date: String?, console: Console) throws {
        let d = try Console.date(date, option: "--date", today: context.today)
        let outcome = try Workflows.service(context).completeTask(id: task, date: d)
        console.line("\(task): done on \(outcome.task.done?.description ?? "")")
        if let n = outcome.next { console.line("next occurrence \(n.id): \(n.kind) due \(n.due)") }
    }

    public static func reschedule(_ context: Workspace, task: String, to: String, reason: String, console: Console) throws {
        let t = try Workflows.service(context).rescheduleTask(id: task, to: try Console.date(to, option: "--to", today: context.today), reason: reason)
        console.line("\(task): now due \(t.due) (\(t.status.rawValue))")
    }

    public static func note(_ context: Workspace, task: String, text: String, console: Console) throws {
        _ = try Workflows.service(context).noteTask(id: task, text: text)
        console.line("\(task): note added")
    }
}
