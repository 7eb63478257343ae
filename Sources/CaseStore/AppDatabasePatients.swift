import CaseModel
import Foundation
import GRDB

extension AppDatabase {
    // MARK: patients

    /// Every patient, ordered by id, each child table loaded with one query.
    public func patients() throws -> [Patient] { try read { try PatientColumnLoad.load($0) } }

    /// Every patient, ordered by id, handed to `body` `size` at a time, so the whole case base is never in memory at
    /// once (`cases` at 10,000 patients). The ids are read first, then each chunk in one read: a patient removed
    /// meanwhile is skipped, one added meanwhile is not listed; each patient is read whole, as one transaction left it.
    public func forEachPatientChunk(size: Int = 512, _ body: ([Patient]) throws -> Void) throws {
        let ids = try patientIDs()
        for i in stride(from: 0, to: ids.count, by: max(1, size)) {
            let chunk = Array(ids[i..<min(ids.count, i + max(1, size))])
            try body(try read { try AppDatabase.loadChunk($0, chunk) })
        }
    }

    /// One patient; `StoreError.unknownPatient` when the id is unknown.
    public func patient(id: String) throws -> Patient {
        let found = try read { try PatientColumnLoad.load($0, whereClause: "WHERE p.id = ?", arguments: [id]) }
        guard let p = found.first else { throw StoreError.unknownPatient(id: id) }
        return p
    }

    /// All patient ids, sorted.
    public func patientIDs() throws -> [String] {
        try read { try String.fetchAll($0, sql: "SELECT id FROM patient ORDER BY id") }
    }

    public func patientCount() throws -> Int { try read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM patient") ?? 0 } }

    /// Imports patients in ONE transaction: a patient whose id exists is replaced (deleted with its
    /// child rows, then inserted), so there are never duplicates or orphans. Appends one audit entry.
    /// Returns the number of patients that replaced existing ones.
    @discardableResult
    public func importPatients(_ patients: [Patient], who: String = "import", source: String = "") throws -> Int {
        try bulkWrite("import patients") { db in try AppDatabase.importPatients(patients, db: db, who: who, source: source) }
    }

    /// The import inside an open transaction (used by `importPatients` and the demo builder).
    @discardableResult
    static func importPatients(_ patients: [Patient], db: Database, who: String?, source: String) throws -> Int {
        let ids = patients.map(\.id)
        for id in ids { if let why = CaseTextRules.idProblem(id) { throw SafetyError("import refused: \(why)") } }
        if let who { try requireActor(who, action: "import patients") }
        var replaced = 0
        var replacedIds: [String] = []
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM patient WHERE id = ?")
        for id in ids where try Bool.fetchOne(exists, arguments: [id]) != nil { replaced += 1; replacedIds.append(id) }
        if let who, !replacedIds.isEmpty { try auditReplaced(replacedIds, db: db, who: who, at: AppDatabase.timestamp(), source: source) }
        if replaced > 0 { try PatientRows.delete(ids: ids, db) }
        for p in patients { try PatientRows.insert(p, db) }
        if let who {
            let after = "{\"patients\":\(patients.count),\"replaced\":\(replaced),\"source\":\(jsonString(source))}"
            try appendAudit(AuditEntry(at: AppDatabase.timestamp(), who: who, action: "import", entity: "patient",
                                       before: nil, after: after), db: db)
        }
        return replaced
    }

    /// Deletes one patient with all its child rows.
    public func deletePatient(id: String, who: String) throws {
        try write("delete a patient") { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM patient WHERE id = ?", arguments: [id]) != nil else {
                throw StoreError.unknownPatient(id: id)
            }
            try PatientRows.delete(ids: [id], db)
            try AppDatabase.appendAudit(AuditEntry(at: AppDatabase.timestamp(), who: who, action: "delete",
                                                   entity: "patient/\(id)", before: nil, after: nil), db: db)
        }
    }

    /// The stable id of an explicit follow-up task: the file's `id`, else "PATIENT:KIND:DUE" (assigned
    /// by the store on import, so `followUpState` records can refer to it).
    public static func taskID(patientId: String, followUp f: FollowUp) -> String {
        f.id ?? "\(patientId):\(f.kind):\(f.due)"
    }

    // MARK: trial catalogue

    /// The trial files the database holds, ordered by path.
    public func trialFiles() throws -> [StoredTrialFile] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT path, sha, yaml FROM trialFile ORDER BY path").map {
                var f = StoredTrialFile(path: $0[0], yaml: $0[2]); f.sha = $0[1]
                try StoredTrialFile.requirePlainName(f.path, action: "use the database's trial catalogue")
                return f
            }
        }
    }

    /// Replaces the whole catalogue in one transaction.
    public func replaceTrialFiles(_ files: [StoredTrialFile], who: String) throws {
        try write("replace the trial catalogue") { db in
            try AppDatabase.replaceTrialFiles(files, db: db)
            try AppDatabase.appendAudit(AuditEntry(at: AppDatabase.timestamp(), who: who, action: "replace", entity: "trialFile",
                                                   before: nil, after: "{\"files\":\(files.count)}"), db: db)
        }
    }

    static func replaceTrialFiles(_ files: [StoredTrialFile], db: Database) throws {
        try db.execute(sql: "DELETE FROM trialFile")
        for f in files {
            try StoredTrialFile.requirePlainName(f.path, action: "store the trial catalogue")
            try db.execute(sql: "INSERT INTO trialFile (path, sha, yaml) VALUES (?, ?, ?)", arguments: [f.path, f.sha, f.yaml])
        }
    }

    // MARK: audit log

    public func appendAudit(_ entry: AuditEntry) throws {
        try write("append to the audit log") { db in try AppDatabase.appendAudit(entry, db: db) }
    }

    /// Appends an audit entry inside the caller's transaction (every workflow write does this).
    public static func appendAudit(_ entry: AuditEntry, db: Database) throws {
        try AuditChain.append(db, at: entry.at, who: entry.who, action: entry.action, entity: entry.entity,
                              before: entry.before, after: entry.after)
    }

    /// Audit entries, newest first; `entity` filters by exact entity or prefix ("patient/").
    public func auditEntries(entityPrefix: String? = nil, limit: Int = 1000) throws -> [AuditEntry] {
        try read { db in
            let rows: [Row]
            if let e = entityPrefix {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM auditLog WHERE substr(entity, 1, ?) = ? ORDER BY id DESC LIMIT ?",
                                        arguments: [e.count, e, limit])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM auditLog ORDER BY id DESC LIMIT ?", arguments: [limit])
            }
            return rows.map { AuditEntry(id: $0["id"], at: $0["at"], who: $0["who"], action: $0["action"], entity: $0["entity"],
                                         before: $0["before"], after: $0["after"]) }
        }
    }

    // MARK: follow-up state

    /// Records a completion / reschedule / note for a task, with an audit entry, in one transaction.
    @discardableResult
    public func recordFollowUpState(_ record: FollowUpStateRecord) throws -> Int64 {
        try write("record a follow-up") { db in try AppDatabase.recordFollowUpState(record, db: db) }
    }

    public static func recordFollowUpState(_ r: FollowUpStateRecord, db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO followUpState (taskId, patientId, done, rescheduledDue, reason, note, who, at) VALUES (?,?,?,?,?,?,?,?)
            """, arguments: [r.taskId, r.patientId, r.done?.description, r.rescheduledDue?.description, r.reason, r.note, r.who, r.at])
        let id = db.lastInsertedRowID
        var parts = ["\"taskId\":\(jsonString(r.taskId))"]
        if let d = r.done { parts.append("\"done\":\"\(d)\"") }
        if let d = r.rescheduledDue { parts.append("\"rescheduledDue\":\"\(d)\"") }
        if let s = r.reason { parts.append("\"reason\":\(jsonString(s))") }
        if let s = r.note { parts.append("\"note\":\(jsonString(s))") }
        try appendAudit(AuditEntry(at: r.at, who: r.who, action: "followUp", entity: "patient/\(r.patientId)/followUp/\(r.taskId)",
                                   before: nil, after: "{" + parts.joined(separator: ",") + "}"), db: db)
        return id
    }

    /// Follow-up records, oldest first; all patients when `patientId` is nil.
    public func followUpStates(patientId: String? = nil) throws -> [FollowUpStateRecord] {
        try read { db in
            let sql = "SELECT * FROM followUpState" + (patientId == nil ? "" : " WHERE patientId = ?") + " ORDER BY id"
            return try Row.fetchAll(db, sql: sql, arguments: patientId.map { [$0] } ?? []).map { r in
                let done: String? = r["done"], resched: String? = r["rescheduledDue"]
                return FollowUpStateRecord(id: r["id"], taskId: r["taskId"], patientId: r["patientId"],
                                           done: done.flatMap(LocalDate.init), rescheduledDue: resched.flatMap(LocalDate.init),
                                           reason: r["reason"], note: r["note"], who: r["who"], at: r["at"])
            }
        }
    }

    // MARK: metadata

    public func metadata(_ key: String) throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [key]) }
    }

    static func setMetadata(_ key: String, _ value: String, db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)", arguments: [key, value])
    }

    /// Current UTC time, ISO 8601, for audit records.
    public static func timestamp(_ date: Date = Date()) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    static func jsonString(_ s: String) -> String {
        guard let d = try? JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed]),
              let t = String(data: d, encoding: .utf8) else { return "\"\"" }
        return String(t.dropFirst().dropLast())
    }
}
