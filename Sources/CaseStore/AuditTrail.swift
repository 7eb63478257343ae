import CaseModel
import GRDB

/// Who changed a case and what it was before.
///
/// - Every audited write needs a non-empty actor (`--user`, else `$USER`): an empty or blank one is refused.
/// - An import that replaces a patient appends, per replaced patient, an `import.replace` row on `patient/ID` whose
///   `before` holds the SHA-256 and the size in bytes of the previous version as a `caseboard-cases` v1 file of that
///   one patient (what `caseboard export` would have written for it), so the replaced data can be identified later.
/// - `auditTrail(patientId:)` lists every change to one case: imports and replacements, nurse records, screening,
///   board decisions (entities `patient/ID`, `patient/ID/…`, `meeting/M/ID`, `screening/T/ID`).
extension AppDatabase {
    /// Throws when `who` is empty or blank.
    public static func requireActor(_ who: String, action: String) throws {
        if who.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw SafetyError("cannot \(action): the audit needs who is doing it: give --user NAME (or set $USER); no name was given. Nothing was written.")
        }
        if let why = CaseTextRules.textProblem(who, multiline: false) {
            throw SafetyError("cannot \(action): the --user name is not acceptable: \(why). Nothing was written.")
        }
    }

    /// Appends one `import.replace` row per replaced patient with the hash and size of its previous version.
    static func auditReplaced(_ ids: [String], db: Database, who: String, at: String, source: String) throws {
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            start += chunk.count
            let marks = chunk.map { _ in "?" }.joined(separator: ",")
            for p in try PatientColumnLoad.load(db, whereClause: "WHERE p.id IN (\(marks))", arguments: StatementArguments(chunk)) {
                let bytes = Array(try CaseFileWriter.data([p]))
                let before = "{\"bytes\":\(bytes.count),\"sha256\":\"\(SHA256.hex(bytes))\"}"
                try appendAudit(AuditEntry(at: at, who: who, action: "import.replace", entity: "patient/\(p.id)", before: before,
                                           after: "{\"source\":\(jsonString(source))}"), db: db)
            }
        }
    }

    /// Every audit row about one case, oldest first.
    public func auditTrail(patientId: String) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, at, who, action, entity, before, after FROM auditLog
                WHERE entity = ? OR entity LIKE ? ESCAPE '\\' OR entity LIKE ? ESCAPE '\\' OR entity LIKE ? ESCAPE '\\'
                ORDER BY id
                """, arguments: ["patient/\(patientId)", "patient/\(Self.likeEscaped(patientId))/%",
                                 "meeting/%/\(Self.likeEscaped(patientId))", "screening/%/\(Self.likeEscaped(patientId))"]).map {
                AuditEntry(id: $0["id"], at: $0["at"], who: $0["who"], action: $0["action"], entity: $0["entity"],
                           before: $0["before"], after: $0["after"])
            }
        }
    }

    static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
