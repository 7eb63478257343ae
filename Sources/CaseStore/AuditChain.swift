import GRDB

/// The audit log as an append-only hash chain (issue 12 item 8).
///
/// - Every row stores `prevHash` (the `hash` of the row before it, 64 zeros for the first row) and
///   `hash` = SHA-256 of the row's canonical serialisation (below), so a row changed or removed outside the
///   app breaks the chain at that row (changed) or at the row after it (removed).
/// - The newest row's `id hash` is also kept in `metadata.auditHead`, so removing the newest rows is detected.
/// - Triggers refuse UPDATE and DELETE on `auditLog`, and an INSERT without its chain fields.
/// - Undo appends an `undo` row whose `undoes` names the undone row (it never updates the undone row).
///
/// Canonical serialisation (version 1): the ASCII tag `caseboard-audit-v1`, then for each of
/// id, at, who, action, entity, before, after, session, undoes, prevHash in that order: `\n` and either `-`
/// (NULL) or the UTF-8 byte length, `:`, and the UTF-8 bytes (integers in decimal). Length prefixes make it
/// unambiguous whatever the texts contain.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)
    static let headKey = "auditHead"

    /// The fields a row's hash covers.
    struct Fields {
        var id: Int64
        var at: String
        var who: String
        var action: String
        var entity: String
        var before: String?
        var after: String?
        var session: String?
        var undoes: Int64?
        var prevHash: String
    }

    static func canonical(_ f: Fields) -> [UInt8] {
        var out = Array("caseboard-audit-v1".utf8)
        func add(_ s: String?) {
            out.append(10)
            guard let s else { out.append(UInt8(ascii: "-")); return }
            let bytes = Array(s.utf8)
            out.append(contentsOf: Array(String(bytes.count).utf8))
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: bytes)
        }
        add(String(f.id)); add(f.at); add(f.who); add(f.action); add(f.entity); add(f.before); add(f.after)
        add(f.session); add(f.undoes.map { String($0) }); add(f.prevHash)
        return out
    }

    static func hash(_ f: Fields) -> String { SHA256.hex(canonical(f)) }

    /// Appends one row at the end of the chain, inside the caller's write transaction; returns its id.
    @discardableResult
    static func append(_ db: Database, at: String, who: String, action: String, entity: String, before: String?,
                       after: String?, session: String? = nil, undoes: Int64? = nil) throws -> Int64 {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM auditLog ORDER BY id DESC LIMIT 1")
        let lastId: Int64 = last?["id"] ?? 0
        // Never reuse an id (AUTOINCREMENT's counter survives a removed newest row).
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'auditLog'") ?? 0
        let id = max(lastId, sequence) + 1
        let prev: String = last?["hash"] ?? genesis
        let fields = Fields(id: id, at: at, who: who, action: action, entity: entity, before: before, after: after,
                            session: session, undoes: undoes, prevHash: prev)
        let h = hash(fields)
        try db.execute(sql: """
            INSERT INTO auditLog (id, at, who, action, entity, before, after, session, undoes, prevHash, hash)
            VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """, arguments: [id, at, who, action, entity, before, after, session, undoes, prev, h])
        try db.execute(sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)", arguments: [headKey, "\(id) \(h)"])
        return id
    }

    /// The schema change: chain columns, the existing rows chained in id order, legacy `undoneBy` links turned
    /// into `undoes` on the undo rows, the head anchor, and the append-only triggers.
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-audit-hash-chain") { db in
            try db.alter(table: "auditLog") { t in
                t.add(column: "undoes", .integer)
                t.add(column: "prevHash", .text)
                t.add(column: "hash", .text)
            }
            try db.execute(sql: """
                UPDATE auditLog SET undoes = (SELECT a.id FROM auditLog a WHERE a.undoneBy = auditLog.id)
                WHERE action = 'undo'
                """)
            var prev = genesis
            var lastId: Int64?
            for row in try Row.fetchAll(db, sql: "SELECT id, at, who, action, entity, before, after, session, undoes FROM auditLog ORDER BY id") {
                let f = Fields(id: row["id"], at: row["at"], who: row["who"], action: row["action"], entity: row["entity"],
                               before: row["before"], after: row["after"], session: row["session"], undoes: row["undoes"], prevHash: prev)
                let h = hash(f)
                try db.execute(sql: "UPDATE auditLog SET prevHash = ?, hash = ? WHERE id = ?", arguments: [prev, h, f.id])
                prev = h
                lastId = f.id
            }
            if let lastId {
                try db.execute(sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)", arguments: [headKey, "\(lastId) \(prev)"])
            }
            try db.execute(sql: "CREATE INDEX auditLog_undoes ON auditLog(undoes)")
            try db.execute(sql: """
                CREATE TRIGGER auditLog_append_only_update BEFORE UPDATE ON auditLog
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: a row cannot be changed'); END;
                CREATE TRIGGER auditLog_append_only_delete BEFORE DELETE ON auditLog
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: a row cannot be deleted'); END;
                CREATE TRIGGER auditLog_chained_insert BEFORE INSERT ON auditLog
                WHEN NEW.hash IS NULL OR NEW.prevHash IS NULL
                BEGIN SELECT RAISE(ABORT, 'audit rows are appended with their hash chain (AuditChain.append)'); END;
                """)
        }
    }

    /// Walks the whole chain; the first bad row (or the missing newest rows) is reported.
    static func verify(_ db: Database) throws -> AuditVerification {
        var prev = genesis
        var count = 0
        var last: (id: Int64, hash: String)?
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, at, who, action, entity, before, after, session, undoes, prevHash, hash FROM auditLog ORDER BY id
            """)
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let storedPrev: String? = row["prevHash"]
            let stored: String? = row["hash"]
            let f = Fields(id: id, at: row["at"] ?? "", who: row["who"] ?? "", action: row["action"] ?? "",
                           entity: row["entity"] ?? "", before: row["before"], after: row["after"], session: row["session"],
                           undoes: row["undoes"], prevHash: storedPrev ?? "")
            guard let storedPrev, let stored else {
                return AuditVerification(rowsChecked: count, firstBadRow: id, problem: "row \(id) has no hash (not appended by Caseboard)")
            }
            if storedPrev != prev {
                return AuditVerification(rowsChecked: count, firstBadRow: id, problem:
                    "row \(id) does not follow the row before it (a row before \(id) was removed or changed)")
            }
            if hash(f) != stored {
                return AuditVerification(rowsChecked: count, firstBadRow: id, problem: "row \(id) was changed after it was written (its hash does not match its content)")
            }
            prev = stored
            count += 1
            last = (id, stored)
        }
        if let head = try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [headKey]) {
            let parts = head.split(separator: " ")
            let headId = parts.first.flatMap { Int64($0) }
            if parts.count != 2 || headId == nil {
                return AuditVerification(rowsChecked: count, firstBadRow: last?.id ?? 0, problem: "the recorded newest audit row (\"\(head)\") is unreadable")
            }
            if let headId, last?.id != headId || last?.hash != String(parts[1]) {
                let bad = last.map { $0.id < headId ? headId : $0.id } ?? headId
                return AuditVerification(rowsChecked: count, firstBadRow: bad, problem:
                    "the newest audit row should be \(headId) but is \(last.map { String($0.id) } ?? "none"): row \(bad) was removed or changed")
            }
        }
        return AuditVerification(rowsChecked: count, firstBadRow: nil, problem: nil, head: last?.hash)
    }
}

/// The outcome of `caseboard audit verify`.
public struct AuditVerification: Sendable, Equatable, Codable {
    public let rowsChecked: Int
    /// The id of the first row that is not as Caseboard wrote it; nil when the chain is intact.
    public let firstBadRow: Int64?
    public let problem: String?
    /// The newest row's hash when intact.
    public var head: String? = nil
    public var intact: Bool { firstBadRow == nil }
}

extension AppDatabase {
    /// Checks the audit hash chain (read-only).
    public func verifyAuditChain() throws -> AuditVerification { try read { try AuditChain.verify($0) } }
}
