import CaseModel
import Foundation
import GRDB

extension AppDatabase {
    /// The newest audit id (0 for an empty log): a session starts above it.
    public func auditWatermark() throws -> Int64 {
        try read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM auditLog") ?? 0 }
    }

    /// Starts a session for undo: changes audited from now on with this session's id can be undone.
    public func startSession() throws -> WorkflowSession { WorkflowSession(startAuditId: try auditWatermark()) }

    /// Reverts the last audited change made in `session` that was not undone yet, in one transaction,
    /// and audits the undo itself (action `undo`, entity of the change, before/after swapped, `undoes` = the undone row).
    /// Refuses (nothing written) when a row it would restore was changed since by another session.
    @discardableResult
    public func undoLastChange(sinceSessionStart session: WorkflowSession, who: String,
                               at: String = AppDatabase.timestamp()) throws -> AuditEntry {
        try write("undo the last change") { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM auditLog a WHERE id > ? AND session = ? AND action <> 'undo' AND undoneBy IS NULL
                  AND NOT EXISTS (SELECT 1 FROM auditLog u WHERE u.undoes = a.id)
                ORDER BY id DESC LIMIT 1
                """, arguments: [session.startAuditId, session.id]) else { throw WorkflowError.nothingToUndo }
            let entryId: Int64 = row["id"]
            let entity: String = row["entity"]
            let action: String = row["action"]
            guard let beforeText: String = row["before"], let afterText: String = row["after"],
                  let before = try? JSONSerialization.jsonObject(with: Data(beforeText.utf8)) as? [[String: Any]],
                  let after = try? JSONSerialization.jsonObject(with: Data(afterText.utf8)) as? [[String: Any]],
                  before.count == after.count else {
                throw WorkflowError.invalid("cannot undo audit entry \(entryId) (\(action) \(entity)): it holds no row snapshots.")
            }
            // Check first that every row is still as the change left it.
            for change in after {
                guard let table = change["table"] as? String, let id = change["id"] else { continue }
                let current = try AuditRecorder.snapshot(db, table: table, id: AuditRecorder.databaseValue(id))
                if AuditRecorder.canonical(current ?? NSNull()) != AuditRecorder.canonical(change["row"] ?? NSNull()) {
                    throw WorkflowError.undoConflict(entity: entity)
                }
            }
            let recorder = AuditRecorder(db)
            // Restore in reverse order (children inserted last are removed first).
            for change in before.reversed() {
                guard let table = change["table"] as? String, let idValue = change["id"] else { continue }
                let id = AuditRecorder.databaseValue(idValue)
                try recorder.touch(table, id: id)
                if let values = change["row"] as? [String: Any] {
                    // UPDATE when the row exists (never REPLACE: that would delete and cascade to children).
                    let columns = values.keys.sorted().filter { $0 != "id" }
                    let args = columns.map { AuditRecorder.databaseValue(values[$0] as Any) }
                    let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table.quotedDatabaseIdentifier) WHERE id = ?", arguments: [id]) != nil
                    if exists {
                        let sql = "UPDATE \(table.quotedDatabaseIdentifier) SET "
                            + columns.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ") + " WHERE id = ?"
                        try db.execute(sql: sql, arguments: StatementArguments(args + [id]))
                    } else {
                        let all = ["id"] + columns
                        let sql = "INSERT INTO \(table.quotedDatabaseIdentifier) (" + all.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                            + ") VALUES (" + all.map { _ in "?" }.joined(separator: ", ") + ")"
                        try db.execute(sql: sql, arguments: StatementArguments([id] + args))
                    }
                } else {
                    try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier) WHERE id = ?", arguments: [id])
                }
            }
            // Append-only: the undo row names the row it undoes (`undoes`); the undone row is never updated.
            return try recorder.finish(action: "undo", entity: entity, who: who, at: at, session: session.id, undoes: entryId)
        }
    }

    /// The audit entries written in `session`, newest first.
    public func auditEntries(session: WorkflowSession) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM auditLog WHERE id > ? AND session = ? ORDER BY id DESC",
                             arguments: [session.startAuditId, session.id]).map {
                AuditEntry(id: $0["id"], at: $0["at"], who: $0["who"], action: $0["action"], entity: $0["entity"],
                           before: $0["before"], after: $0["after"])
            }
        }
    }
}
