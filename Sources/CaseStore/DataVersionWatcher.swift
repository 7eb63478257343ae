import Foundation
import GRDB

/// Notices commits made to the database file by other connections (another process: the command line, another
/// user's UI): SQLite's `PRAGMA data_version`, read on a connection of its own, changes whenever any other
/// connection committed since it was last read. The UI polls it about once a second and reloads what it shows.
/// The UI's own writes come through the pool's writer, another connection: they are noticed too (one reload).
public final class DataVersionWatcher: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let lock = NSLock()
    private var last: Int64?
    public let path: String

    /// A watcher on the file of `database`; nil for an in-memory database (no other connection can reach it).
    public init?(_ database: AppDatabase) throws {
        guard database.path != ":memory:", !database.path.isEmpty else { return nil }
        path = database.path
        do {
            queue = try DatabaseQueue(path: database.path, configuration: AppDatabase.makeConfiguration(readOnly: true))
        } catch let e as DatabaseError {
            throw AppDatabase.failure(e, path: database.path, action: "watch the database for changes")
        }
        last = try version()
    }

    /// The connection's current `data_version`.
    public func version() throws -> Int64 {
        do {
            return try queue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
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
