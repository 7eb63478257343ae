import CaseModel
import GRDB

/// Checks that workflow writes make INSIDE their write transaction. GRDB begins every
/// write with `BEGIN IMMEDIATE`, so once a write transaction is open no other writer can commit until it ends:
/// the state read here is the state the write applies to, and the outcome is decided by the transaction.
/// A writer that finds the lock taken waits up to `AppDatabase.busyTimeoutSeconds`, then is told the database is locked.
extension WorkflowService {
    /// The completion already recorded for this occurrence of a task, if any.
    static func priorCompletion(_ db: Database, taskId: String, occurrenceDue: LocalDate) throws -> (who: String, at: String, done: String)? {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT who, at, done FROM followUpState
            WHERE taskId = ? AND done IS NOT NULL AND (occurrenceDue IS NULL OR occurrenceDue = ?) ORDER BY id LIMIT 1
            """, arguments: [taskId, occurrenceDue.description]) else { return nil }
        return (r["who"], r["at"], r["done"])
    }

    /// Refuses to complete a task another writer completed since it was read.
    static func requireNotDone(_ db: Database, taskId: String, occurrenceDue: LocalDate) throws {
        if let p = try priorCompletion(db, taskId: taskId, occurrenceDue: occurrenceDue) {
            throw SafetyError("task \(taskId) was marked done (on \(p.done)) by \(p.who) at \(clockTime(p.at)) while you were working; reload. Nothing was written.")
        }
    }

    /// Refuses to record a board decision when it changed since `expectedVersion` was read.
    static func requireDecisionVersion(_ db: Database, itemId: Int64, expectedVersion: Int, meetingId: String, patientId: String) throws {
        guard let r = try Row.fetchOne(db, sql: "SELECT version, recordedBy, recordedAt FROM meetingItem WHERE id = ?", arguments: [itemId]) else { return }
        let version: Int = r["version"]
        if version != expectedVersion {
            let by: String? = r["recordedBy"], at: String? = r["recordedAt"]
            throw SafetyError("the decision for case \(patientId) at meeting \(meetingId) was changed by \(by ?? "someone") at \(at.map(clockTime) ?? "an unknown time") since you read it (version \(expectedVersion), now \(version)); reload and record it again. Nothing was written.")
        }
    }

    /// The current optimistic version of a decision (0 when never recorded).
    static func decisionVersion(_ db: Database, meetingId: String, patientId: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT version FROM meetingItem WHERE meetingId = ? AND patientId = ?", arguments: [meetingId, patientId]) ?? 0
    }

    /// "HH:MM" of an ISO 8601 timestamp ("2026-11-29T14:05:09Z" → "14:05"), the text itself otherwise.
    static func clockTime(_ at: String) -> String {
        let chars = Array(at)
        guard chars.count >= 16, chars[10] == "T" else { return at }
        return String(chars[11..<16]) + (at.hasSuffix("Z") ? " UTC" : "")
    }
}
