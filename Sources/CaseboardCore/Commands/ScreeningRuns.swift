import CaseModel
import CaseStore
import Foundation

/// What `caseboard screening …` does, behind its argument parsing.
public enum ScreeningRuns {
    /// The options of `screening set`, as typed.
    public struct SetRequest {
        public var trial: String, patient: String, status: String, reason: String?, criterion: String?, recheck: String?
        public var date: String?, source: String?, arm: String?
        public init(trial: String, patient: String, status: String, reason: String?, criterion: String?, recheck: String?,
                    date: String?, source: String?, arm: String?) {
            self.trial = trial; self.patient = patient; self.status = status; self.reason = reason; self.criterion = criterion
            self.recheck = recheck; self.date = date; self.source = source; self.arm = arm
        }
    }

    public static func set(_ context: Workspace, _ r: SetRequest, console: Console) throws {
        guard let status = ScreeningStatus(rawValue: r.status) else {
            throw CoreError.user("--status: unknown status \"\(r.status)\"; expected one of "
                + ScreeningStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let change = ScreeningChange(trial: r.trial, patient: r.patient, status: status,
                                     date: try Console.date(r.date, option: "--date", today: context.today), reason: r.reason,
                                     criterion: r.criterion, recheck: try Console.date(r.recheck, option: "--recheck", today: context.today),
                                     source: r.source, arm: r.arm)
        let record = try Workflows.service(context).setScreeningStatus(change)
        let previous = record.history.dropLast().last?.status.rawValue ?? "(new)"
        console.line("\(r.patient) on \(r.trial): \(previous) → \(status.rawValue) (\(record.history.last?.date.description ?? ""))")
    }

    public static func list(_ context: Workspace, trial: String?, patient: String?, json: Bool, console: Console) throws {
        let service = try Workflows.service(context)
        // An id neither in the catalogue nor in the log is unknown (with no catalogue: not in the log).
        if let t = trial, try service.screeningRecords(trial: t).isEmpty, try context.knownTrialIDs()?.contains(t) != true {
            throw WorkflowError.unknownTrial(id: t)
        }
        if let p = patient { _ = try context.patient(id: p) }
        let records = try service.screeningRecords(trial: trial, patient: patient)
        if json { try console.json(records); return }
        if context.isDemo { console.line("SYNTHETIC DEMO DATA") }
        if records.isEmpty { console.line("The pre-screening log is empty."); return }
        console.raw(Reports.screeningTable(records))
    }

    /// The records of `trial`'s log; an empty log of a trial the catalogue does not know is an unknown id.
    public static func exportRecords(_ context: Workspace, trial: String) throws -> [ScreeningRecord] {
        let records = try context.database().screeningRecords(trial: trial)
        if records.isEmpty {
            let known = try context.knownTrialIDs()
            if known == nil || known?.contains(trial) == false { throw WorkflowError.unknownTrial(id: trial) }
        }
        return records
    }

    /// `screening export --format csv`: the pseudonymised CSV of `trial`'s log.
    public static func exportCSV(_ context: Workspace, trial: String) throws -> String {
        ScreeningExport.csv(try exportRecords(context, trial: trial))
    }
}
