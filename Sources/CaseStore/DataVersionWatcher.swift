import Foundation
import GRDB

/// Notices commits made to the database file by other processes (the command line, another user's UI):
/// SQLite's `PRAGMA data_version` changes whenever ANOTHER connection committed since it was last read on a
/// connection. It is read on this process's writer connection (serialized with its writes, outside any
/// transaction), so this process's own writes (the UI's, the stored verdicts' background update) do not count.
/// The UI polls it about once a second and reloads what it shows.
public final class DataVersionWatcher: @unchecked Sendable {
    private let writer: any DatabaseWriter
    private let lock = NSLock()
    private var last: Int64?
    public let path: String

    /// A watcher on the file of `database`; nil for an in-memory database (no other connection can reach it).
    public init?(_ database: AppDatabase) throws {
        guard database.path != ":memory:", !database.path.isEmpty else { return nil }
        path = database.path
        writer = database.dbWriter
        last = try version()
    }

    /// The connection's current `data_version`.
    public func version() throws -> Int64 {
        do {
            return try writer.writeWithoutTransaction { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch let e as DatabaseError {
            throw AppDatabase.failure(e, path: path, action: "read the database's change counter")
        }
    }

    /// True when another connection committed since the last call (or since the watcher was made).
    public func hasChanged() throws -> Bool {
        let v = try version()
        lock.lock(); defer { lock.unlock() }
        defer { last = v }
        return last != v
    }
}
