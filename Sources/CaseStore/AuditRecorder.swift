import CaseModel
import Foundation
import GRDB

/// Collects the rows one workflow write touches, snapshots them before and after, and appends ONE
/// audit entry whose `before`/`after` are JSON arrays `[{"table": T, "id": ID, "row": {column: value} | null}]`
/// (null: the row did not exist). Undo restores the `before` rows from that record.
final class AuditRecorder {
    let db: Database
    private var touched: [(table: String, id: DatabaseValue)] = []
    private var before: [Any] = []

    /// Set by a write that learns its entity inside the transaction (a new meeting's id).
    var entity: String?

    init(_ db: Database) { self.db = db }

    /// Call before changing (or deleting) an existing row, or right after inserting one (`inserted: true`).
    func touch(_ table: String, id: some DatabaseValueConvertible, inserted: Bool = false) throws {
        let key = id.databaseValue
        if touched.contains(where: { $0.table == table && $0.id == key }) { return }
        touched.append((table, key))
        let row: [String: Any]? = inserted ? nil : try AuditRecorder.snapshot(db, table: table, id: key)
        before.append(row.map { $0 as Any } ?? NSNull())
    }

    /// Appends the audit entry (after the changes) and returns it with its id.
    @discardableResult
    func finish(action: String, entity defaultEntity: String, who: String, at: String, session: String,
                undoes: Int64? = nil) throws -> AuditEntry {
        let entity = self.entity ?? defaultEntity
        var after: [Any] = []
        for t in touched { after.append(try AuditRecorder.snapshot(db, table: t.table, id: t.id) ?? NSNull()) }
        let b = AuditRecorder.json(zip(touched, before).map { AuditRecorder.change($0.0, $0.1) })
        let a = AuditRecorder.json(zip(touched, after).map { AuditRecorder.change($0.0, $0.1) })
        let id = try AuditChain.append(db, at: at, who: who, action: action, entity: entity, before: b, after: a,
                                       session: session, undoes: undoes)
        return AuditEntry(id: id, at: at, who: who, action: action, entity: entity, before: b, after: a)
    }

    static func change(_ t: (table: String, id: DatabaseValue), _ row: Any) -> [String: Any] {
        ["table": t.table, "id": jsonValue(t.id), "row": row]
    }

    /// The row as a JSON object (column → value), or nil when absent.
    static func snapshot(_ db: Database, table: String, id: DatabaseValue) throws -> [String: Any]? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) WHERE id = ?", arguments: [id])
        else { return nil }
        var out: [String: Any] = [:]
        for (column, value) in row { out[column] = jsonValue(value) }
        return out
    }

    static func jsonValue(_ v: DatabaseValue) -> Any {
        switch v.storage {
        case .null: return NSNull()
        case .int64(let i): return NSNumber(value: i)
        case .double(let d): return NSNumber(value: d)
        case .string(let s): return s
        case .blob(let d): return d.base64EncodedString()
        }
    }

    static func databaseValue(_ v: Any) -> DatabaseValue {
        switch v {
        case is NSNull: return .null
        case let s as String: return s.databaseValue
        case let n as NSNumber:
            // Integral numbers go back as integers; a REAL column's affinity turns them back into reals.
            let d = n.doubleValue
            if d == d.rounded(), abs(d) < 9.0e15 { return n.int64Value.databaseValue }
            return d.databaseValue
        default: return .null
        }
    }

    static func json(_ value: Any) -> String {
        guard let d = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]),
              let s = String(data: d, encoding: .utf8) else { return "null" }
        return s
    }

    static func canonical(_ value: Any) -> String {
        if value is NSNull { return "null" }
        return json(value)
    }
}
