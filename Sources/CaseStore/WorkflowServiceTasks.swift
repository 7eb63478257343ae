import CaseModel
import ClinicalRules
import Foundation
import GRDB

/// The nurse worklist: the rules' tasks merged with the tasks the app created and the nurses' records
/// (done, rescheduled, notes), and the writes `done`, `reschedule`, `note`.
extension WorkflowService {
    /// Most urgent first (`FollowUpScheduler.urgencyOrder`, the one rule).
    static func urgencySorted(_ tasks: [FollowUpTask]) -> [FollowUpTask] { FollowUpScheduler.sortedByUrgency(tasks) }

    /// Provider tasks plus open app tasks of `patient`, before the nurses' records are applied.
    func rawTasks(for patient: Patient, appTasks: [FollowUpTask]) -> [FollowUpTask] {
        WorkflowService.rawTasks(taskProvider(patient, today), of: patient, appTasks: appTasks, today: today)
    }

    /// The provider's tasks of `patient` plus its open app tasks (not already among them).
    static func rawTasks(_ provided: [FollowUpTask], of patient: Patient, appTasks: [FollowUpTask], today: LocalDate) -> [FollowUpTask] {
        var tasks = provided
        let ids = Set(tasks.map(\.id))
        for var t in appTasks where !ids.contains(t.id) {
            t.site = patient.site
            t.status = WorkflowService.status(due: t.due, done: false, today: today)
            tasks.append(t)
        }
        return tasks
    }

    /// One patient's tasks as every view lists them: the provider's and the app's, the nurses' records applied, most
    /// urgent first (`tasks(for:)`; the stored sort key of the case list's next follow-up is computed with it too).
    static func listedTasks(_ provided: [FollowUpTask], of patient: Patient, appTasks: [FollowUpTask], states: [WorkflowTaskState],
                            today: LocalDate) -> [FollowUpTask] {
        urgencySorted(WorkflowTaskStore.apply(states, to: rawTasks(provided, of: patient, appTasks: appTasks, today: today), today: today))
    }

    /// Every task of one patient with the nurses' records applied, most urgent first.
    public func tasks(for patient: Patient) throws -> [FollowUpTask] {
        let app = try db.appTasks(patientId: patient.id), states = try db.taskStates(patientId: patient.id)
        return WorkflowService.listedTasks(taskProvider(patient, today), of: patient, appTasks: app, states: states, today: today)
    }

    /// The worklist: open tasks overdue or due within `dueWithinDays` (all open when nil), of `site`.
    public func worklist(patients: [Patient], dueWithinDays: Int? = nil, site: String? = nil) throws -> [FollowUpTask] {
        let app = Dictionary(grouping: try db.appTasks(), by: \.patient)
        let states = Dictionary(grouping: try db.taskStates(), by: \.patientId)
        var out: [FollowUpTask] = []
        openTasks(patients, app: app, states: states, dueWithinDays: dueWithinDays, site: site, into: &out)
        return WorkflowService.urgencySorted(out)
    }

    /// The worklist of every patient of the database, read a chunk of patients at a time (`forEachPatientChunk`):
    /// the same list as `worklist(patients: db.patients())` without the whole case base in memory.
    public func worklistOfAllPatients(dueWithinDays: Int? = nil, site: String? = nil) throws -> [FollowUpTask] {
        let app = Dictionary(grouping: try db.appTasks(), by: \.patient)
        let states = Dictionary(grouping: try db.taskStates(), by: \.patientId)
        var out: [FollowUpTask] = []
        try db.forEachPatientChunk { openTasks($0, app: app, states: states, dueWithinDays: dueWithinDays, site: site, into: &out) }
        return WorkflowService.urgencySorted(out)
    }

    private func openTasks(_ patients: [Patient], app: [String: [FollowUpTask]], states: [String: [WorkflowTaskState]], dueWithinDays: Int?,
                           site: String?, into out: inout [FollowUpTask]) {
        let wantedSite = site?.lowercased()
        let selected = wantedSite.map { w in patients.filter { $0.site?.lowercased() == w } } ?? patients
        // The rules' tasks of every case over the cores (the provider is pure and @Sendable), then merged in order.
        let provider = taskProvider, today = today
        let provided = ParallelMap.map(count: selected.count) { provider(selected[$0], today) }
        for (p, own) in zip(selected, provided) {
            let raw = WorkflowService.rawTasks(own, of: p, appTasks: app[p.id] ?? [], today: today)
            let tasks = WorkflowTaskStore.apply(states[p.id] ?? [], to: raw, today: today)
            for t in tasks where t.status != .done {
                if let n = dueWithinDays, today.days(until: t.due) > n { continue }
                out.append(t)
            }
        }
    }

    /// Finds a task by id: (patient, the task as listed now, its occurrence's original due date).
    public func resolveTask(id: String) throws -> (patient: Patient, task: FollowUpTask, originalDue: LocalDate) {
        let patientId: String? = try db.read { db in
            if let p = try String.fetchOne(db, sql: "SELECT patientId FROM workflowTask WHERE id = ?", arguments: [id]) { return p }
            if let p = try String.fetchOne(db, sql: "SELECT patientId FROM followUp WHERE taskId = ? LIMIT 1", arguments: [id]) { return p }
            if let colon = id.firstIndex(of: ":") {
                let p = String(id[..<colon])
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM patient WHERE id = ?", arguments: [p]) != nil { return p }
            }
            return nil
        }
        guard let patientId else { throw WorkflowError.unknownTask(id: id) }
        let patient: Patient
        // Only a patient that is not there makes the task unknown; a read that fails is that failure.
        do { patient = try db.patient(id: patientId) } catch StoreError.unknownPatient { throw WorkflowError.unknownTask(id: id) }
        let app = try db.appTasks(patientId: patientId)
        let raw = rawTasks(for: patient, appTasks: app)
        guard let original = raw.first(where: { $0.id == id }) else { throw WorkflowError.unknownTask(id: id) }
        let applied = WorkflowTaskStore.apply(try db.taskStates(patientId: patientId), to: raw, today: today)
        guard let current = applied.first(where: { $0.id == id }) else {
            let next = applied.filter { WorkflowService.successorBase($0.id) == id && $0.status != .done }.map(\.id).sorted().last
            throw WorkflowError.invalid("task \(id) was replaced by its next occurrence\(next.map { " \($0)" } ?? ""); act on that one.")
        }
        return (patient, current, original.due)
    }

    func insertState(_ db: Database, _ rec: AuditRecorder, taskId: String, patientId: String, occurrenceDue: LocalDate,
                     done: LocalDate? = nil, rescheduledDue: LocalDate? = nil, reason: String? = nil, note: String? = nil,
                     at: String) throws {
        try db.execute(sql: """
            INSERT INTO followUpState (taskId, patientId, done, rescheduledDue, reason, note, who, at, occurrenceDue)
            VALUES (?,?,?,?,?,?,?,?,?)
            """, arguments: [taskId, patientId, done?.description, rescheduledDue?.description, reason, note, user, at,
                             occurrenceDue.description])
        try rec.touch("followUpState", id: db.lastInsertedRowID, inserted: true)
    }

    /// Marks a task done on `date` (today when nil). When its schedule repeats (`repeatDays`), creates the
    /// next occurrence `ID#n`, due `repeatDays` after the done date.
    @discardableResult
    public func completeTask(id: String, date: LocalDate? = nil) throws -> TaskOutcome {
        let (patient, task, originalDue) = try resolveTask(id: id)
        let doneDate = date ?? today
        if let d = task.done { throw WorkflowError.invalid("task \(id) is already done (on \(d)).") }
        if task.status == .done { throw WorkflowError.invalid("task \(id) is already done.") }
        if doneDate > today { throw WorkflowError.invalid("the done date \(doneDate) is after today (\(today)).") }
        if let why = CasePlausibility.dateProblem(doneDate, today: today) { throw SafetyError("the done date is not plausible: \(why).") }
        let at = clock(), today = self.today
        return try audited("followUp.done", entity: "patient/\(patient.id)/followUp/\(id)", what: "mark a follow-up task done") { db, rec in
            try WorkflowService.requireNotDone(db, taskId: id, occurrenceDue: originalDue)
            try insertState(db, rec, taskId: id, patientId: patient.id, occurrenceDue: originalDue, done: doneDate, at: at)
            var done = task
            done.done = doneDate
            done.status = .done
            var next: FollowUpTask?
            if let every = task.repeatDays, every > 0 {
                let base = WorkflowService.successorBase(id) ?? id
                var n = (WorkflowService.successorBase(id) != nil ? Int(id[id.index(after: id.lastIndex(of: "#") ?? id.startIndex)...]) ?? 1 : 1) + 1
                while try Bool.fetchOne(db, sql: "SELECT 1 FROM workflowTask WHERE id = ?", arguments: ["\(base)#\(n)"]) != nil { n += 1 }
                let nextId = "\(base)#\(n)", due = doneDate.adding(days: every)
                if let why = CasePlausibility.dateProblem(due, today: today, due: true) {
                    throw SafetyError("the next occurrence of task \(id) would be due on \(due): \(why). Nothing was written.")
                }
                let raw = rawTasks(for: patient, appTasks: []).first { $0.id == id }
                let stored = try String.fetchOne(db, sql: "SELECT note FROM workflowTask WHERE id = ?", arguments: [id])
                let note = raw?.note ?? stored
                try db.execute(sql: "INSERT INTO workflowTask (id, patientId, due, kind, note, source, repeatDays) VALUES (?,?,?,?,?,?,?)",
                               arguments: [nextId, patient.id, due.description, task.kind, note, task.source, every])
                try rec.touch("workflowTask", id: nextId, inserted: true)
                next = FollowUpTask(id: nextId, patient: patient.id, due: due, kind: task.kind,
                                    status: WorkflowService.status(due: due, done: false, today: today), note: note,
                                    source: task.source, repeatDays: every, site: patient.site)
            }
            return TaskOutcome(task: done, next: next)
        }
    }

    /// Moves a task's due date, with the reason (required).
    @discardableResult
    public func rescheduleTask(id: String, to newDue: LocalDate, reason: String) throws -> FollowUpTask {
        guard let reason = WorkflowService.trimmed(reason) else { throw WorkflowError.invalid("rescheduling task \(id) requires a reason (--reason).") }
        let (patient, task, originalDue) = try resolveTask(id: id)
        if task.status == .done {
            throw WorkflowError.invalid("task \(id) is already done\(task.done.map { " (on \($0))" } ?? ""); it cannot be rescheduled.")
        }
        if newDue == task.due { throw WorkflowError.invalid("task \(id) is already due on \(newDue).") }
        if let why = CasePlausibility.dateProblem(newDue, today: today, due: true) { throw SafetyError("cannot reschedule task \(id): \(why).") }
        if let why = CaseTextRules.textProblem(reason, multiline: true) { throw SafetyError("the reason for rescheduling task \(id): \(why).") }
        let at = clock(), today = self.today
        return try audited("followUp.reschedule", entity: "patient/\(patient.id)/followUp/\(id)", what: "reschedule a follow-up task") { db, rec in
            try insertState(db, rec, taskId: id, patientId: patient.id, occurrenceDue: originalDue, rescheduledDue: newDue,
                            reason: reason, at: at)
            var t = task
            t.due = newDue
            t.status = WorkflowService.status(due: newDue, done: false, today: today)
            return t
        }
    }

    /// Adds a note to a task.
    @discardableResult
    public func noteTask(id: String, text: String) throws -> FollowUpTask {
        guard let text = WorkflowService.trimmed(text) else { throw WorkflowError.invalid("a note on task \(id) needs some text (--text).") }
        let (patient, task, originalDue) = try resolveTask(id: id)
        let at = clock()
        if let why = CaseTextRules.textProblem(text, multiline: true) { throw SafetyError("a note on task \(id): \(why). Nothing was written.") }
        // The task as it stands after the note is read inside the same transaction: once it commits, the
        // note is reported as saved whatever happens next (an import of the patient cannot make it "fail").
        return try audited("followUp.note", entity: "patient/\(patient.id)/followUp/\(id)", what: "add a note to a follow-up task") { db, rec in
            try insertState(db, rec, taskId: id, patientId: patient.id, occurrenceDue: originalDue, note: text, at: at)
            let app = try WorkflowTaskStore.appTasks(db, patientId: patient.id)
            let states = try WorkflowTaskStore.states(db, patientId: patient.id)
            let tasks = WorkflowTaskStore.apply(states, to: rawTasks(for: patient, appTasks: app), today: today)
            return tasks.first { $0.id == task.id } ?? task
        }
    }
}
