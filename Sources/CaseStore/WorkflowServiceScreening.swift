import CaseModel
import Foundation
import GRDB

/// The trial pre-screening log: validated status changes with full history.
extension WorkflowService {
    /// Applies one status change (validated against `ScreeningTransitions` and the required fields)
    /// and returns the record with its history. `deferred` creates (or moves) a recheck task; leaving
    /// `deferred` closes it.
    @discardableResult
    public func setScreeningStatus(_ input: ScreeningChange) throws -> ScreeningRecord {
        var change = input
        change.reason = WorkflowService.trimmed(change.reason)
        change.criterion = WorkflowService.trimmed(change.criterion)
        change.source = WorkflowService.trimmed(change.source)
        change.arm = WorkflowService.trimmed(change.arm)
        try requireTrial(change.trial)
        if let s = change.source, !["engine", "RCP", "referral"].contains(s) {
            throw WorkflowError.invalid("unknown screening source \"\(s)\": expected engine, RCP or referral.")
        }
        let who = user, today = self.today
        return try audited("screening.\(change.status.rawValue)", entity: "screening/\(change.trial)/\(change.patient)", what: "change a screening status") { db, rec in
            try WorkflowService.applyScreening(change, db: db, rec: rec, who: who, today: today)
        }
    }

    /// The change inside an open transaction (also used by `recordDecision`).
    static func applyScreening(_ c: ScreeningChange, db: Database, rec: AuditRecorder, who: String,
                               today: LocalDate) throws -> ScreeningRecord {
        try requirePatient(db, c.patient)
        let date = c.date ?? today
        let existing = try Row.fetchOne(db, sql: "SELECT * FROM screening WHERE trialId = ? AND patientId = ?",
                                        arguments: [c.trial, c.patient])
        var current: ScreeningStatus?
        if let existing {
            let text: String = existing["status"]
            guard let s = ScreeningStatus(rawValue: text) else { throw StoreError.corrupt(table: "screening", column: "status", value: text) }
            current = s
        }
        if let why = ScreeningTransitions.refusal(from: current, to: c.status) {
            throw WorkflowError.invalidTransition(trial: c.trial, patient: c.patient, from: current?.rawValue ?? "(not in the log)",
                                                  to: c.status.rawValue, why: why)
        }
        func missing(_ what: String) -> WorkflowError {
            .invalid("screening status \(c.status.rawValue) for patient \(c.patient) on trial \(c.trial) requires \(what).")
        }
        switch c.status {
        case .preScreenFailed, .screenFailed: if c.criterion == nil { throw missing("the failed criterion (--criterion)") }
        case .declined: if c.reason == nil { throw missing("a reason (--reason)") }
        case .deferred:
            guard let r = c.recheck else { throw missing("a recheck date (--recheck)") }
            if r <= date { throw WorkflowError.invalid("the recheck date \(r) must be after the date of the change (\(date)).") }
        default: break
        }
        if let existing, let lastText: String = existing["statusDate"], let last = LocalDate(lastText), date < last {
            throw WorkflowError.invalid("the date \(date) is before the last change of this record (\(last)); history is kept in order.")
        }
        let screeningId: Int64
        if let existing {
            screeningId = existing["id"]
            try rec.touch("screening", id: screeningId)
            try db.execute(sql: "UPDATE screening SET status = ?, statusDate = ?, arm = COALESCE(?, arm) WHERE id = ?",
                           arguments: [c.status.rawValue, date.description, c.arm, screeningId])
        } else {
            try db.execute(sql: "INSERT INTO screening (trialId, patientId, arm, source, status, statusDate) VALUES (?,?,?,?,?,?)",
                           arguments: [c.trial, c.patient, c.arm, c.source ?? "referral", c.status.rawValue, date.description])
            screeningId = db.lastInsertedRowID
            try rec.touch("screening", id: screeningId, inserted: true)
        }
        try db.execute(sql: "INSERT INTO screeningEvent (screeningId, date, status, who, reason, criterion, recheck) VALUES (?,?,?,?,?,?,?)",
                       arguments: [screeningId, date.description, c.status.rawValue, who, c.reason, c.criterion, c.recheck?.description])
        try rec.touch("screeningEvent", id: db.lastInsertedRowID, inserted: true)
        // The recheck task of a deferral.
        let taskId = "\(c.patient):screening-recheck-\(c.trial)"
        if c.status == .deferred, let recheck = c.recheck {
            try rec.touch("workflowTask", id: taskId)
            try db.execute(sql: """
                INSERT INTO workflowTask (id, patientId, due, kind, note, source, repeatDays, closed) VALUES (?,?,?,?,?,?,NULL,NULL)
                ON CONFLICT(id) DO UPDATE SET due = excluded.due, note = excluded.note, closed = NULL
                """, arguments: [taskId, c.patient, recheck.description, "trial pre-screening recheck",
                                 "recheck eligibility for \(c.trial)" + (c.reason.map { ": deferred because \($0)" } ?? ""),
                                 "screening log \(c.trial)"])
        } else if current == .deferred,
                  try Bool.fetchOne(db, sql: "SELECT 1 FROM workflowTask WHERE id = ? AND closed IS NULL", arguments: [taskId]) != nil {
            try rec.touch("workflowTask", id: taskId)
            try db.execute(sql: "UPDATE workflowTask SET closed = ? WHERE id = ?", arguments: [date.description, taskId])
        }
        guard let record = try ScreeningLog.records(db, trial: c.trial, patient: c.patient).first else {
            throw StoreError.corrupt(table: "screening", column: "id", value: "\(screeningId)")
        }
        return record
    }

    public func screeningRecords(trial: String? = nil, patient: String? = nil) throws -> [ScreeningRecord] {
        try db.screeningRecords(trial: trial, patient: patient)
    }
}
