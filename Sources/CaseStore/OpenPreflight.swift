import Foundation
import GRDB

/// Looks at an existing database file before Caseboard writes anything to it:
/// a SQLite file that is not Caseboard's (tables but no migration record) is refused untouched, and a database
/// whose schema is newer than this binary (migrations it does not know) is opened read-only with a notice.
public enum OpenPreflight {
    public enum Verdict: Equatable, Sendable {
        /// Empty or new file, or a Caseboard schema this binary knows.
        case ok
        /// Written by a newer Caseboard: the message names both schema versions.
        case newerSchema(message: String)
    }

    /// The identifiers of this binary's migrations, in order.
    static var knownMigrations: [String] { AppDatabase.migrator.migrations }

    public static func check(path: String) throws -> Verdict {
        var config = Configuration()
        config.readonly = true
        let q: DatabaseQueue
        do { q = try DatabaseQueue(path: path, configuration: config) } catch { return .ok } // the open itself reports it
        defer { try? q.close() }
        let found: (tables: [String], applied: [String]?)
        do {
            found = try q.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                let applied = try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : nil
                return (tables, applied)
            }
        } catch { return .ok }
        guard let applied = found.applied else {
            if found.tables.isEmpty { return .ok }
            throw StoreError.unusable(path: path, reason: "it is an SQLite database but not a Caseboard one (tables \(found.tables.sorted().prefix(5).joined(separator: ", ")), no Caseboard schema); it was left untouched.")
        }
        let known = knownMigrations
        let unknown = applied.filter { !known.contains($0) }
        if unknown.isEmpty { return .ok }
        return .newerSchema(message: "the database \(path) has a newer schema (\(applied.count) migrations, among them \(unknown.sorted().prefix(3).joined(separator: ", "))) than this Caseboard (\(known.count) migrations, up to \(known.last ?? "none")): opened read-only; use a newer Caseboard to change it.")
    }
}
