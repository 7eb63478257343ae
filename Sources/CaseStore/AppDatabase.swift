import CaseModel
import Foundation
import GRDB

/// The case database: a GRDB `DatabaseWriter` with Caseboard's schema (GRDB demo-app style). The writer and the
/// raw `read`/`write` transactions are internal: only the store touches SQLite, and what leaves it are
/// CaseModel values and `StoreError`s.
///
/// Files are opened in WAL mode with foreign keys on; migrations are append-only and named.
/// A database opened read-only refuses every write with `StoreError.readOnly`.
public struct AppDatabase: Sendable {
    let dbWriter: any DatabaseWriter
    /// Path of the file, or ":memory:".
    public let path: String
    public let isReadOnly: Bool
    /// Why the database was opened read-only although writing was asked for (a newer schema), for the user.
    public var notice: String? = nil

    /// Wraps an opened writer and brings its schema up to date (unless read-only).
    public init(_ dbWriter: any DatabaseWriter, path: String = ":memory:", readOnly: Bool = false) throws {
        self.dbWriter = dbWriter
        self.path = path
        self.isReadOnly = readOnly
        if readOnly {
            let done = try dbWriter.read { db in try AppDatabase.migrator.hasCompletedMigrations(db) }
            if !done {
                throw StoreError.unusable(path: path, reason:
                    "its schema is older than this version of Caseboard or it is not a Caseboard database; open it once without --read-only to upgrade it.")
            }
        } else {
            // Issue 12 item 5: nothing is written on open when nothing needs migrating (reads work while another
            // process holds the write lock).
            let done = try dbWriter.read { db in try AppDatabase.migrator.hasCompletedMigrations(db) }
            if !done { try AppDatabase.migrator.migrate(dbWriter) }
        }
    }

    /// A fresh, empty in-memory database (one per test).
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration(readOnly: false)))
    }

    /// Opens (or, when `create` is true, creates) the database file at `path`.
    /// A file that is not writable is opened read-only. Errors are `StoreError` with a clear message.
    public static func open(path: String, readOnly: Bool = false, create: Bool = false) throws -> AppDatabase {
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        if !exists && (!create || readOnly) { throw StoreError.notFound(path: path) }
        var ro = readOnly || (exists && !fm.isWritableFile(atPath: path))
        var notice: String?
        do {
            if exists {
                // Refuse anything that is not SQLite before SQLite tries to interpret it.
                if let h = AppDatabase.header(path), !h.isEmpty, h != Array("SQLite format 3\u{0}".utf8) {
                    throw StoreError.unusable(path: path, reason: "the file is not an SQLite database.")
                }
                // Issue 12: a foreign SQLite file is refused untouched; a newer schema is opened read-only.
                if let h = AppDatabase.header(path), !h.isEmpty, case .newerSchema(let message) = try OpenPreflight.check(path: path) {
                    if !ro { notice = message }
                    ro = true
                }
            }
            if ro {
                // A read-only directory: SQLite cannot create the -shm/-wal a WAL reader needs, and nobody can write
                // there either, so the file is opened immutable (issue 12 item 11).
                let target = exists && AppDatabase.inReadOnlyDirectory(path) ? AppDatabase.immutableURI(path) : path
                let queue = try DatabaseQueue(path: target, configuration: makeConfiguration(readOnly: true))
                var app = try AppDatabase(queue, path: path, readOnly: true)
                app.notice = notice
                return app
            }
            // GRDB's pool writes on open (WAL set-up) when the file is not in WAL mode or has no -wal yet; while another
            // process holds the write lock that write would wait and fail, so the file is opened as a queue instead
            // (reads work now, writes wait for the lock like any write).
            if exists && AppDatabase.poolOpenWouldWrite(path) && DatabaseLock.writeLockHeld(path: path) {
                let queue = try DatabaseQueue(path: path, configuration: makeConfiguration(readOnly: false))
                return try AppDatabase(queue, path: path, readOnly: false)
            }
            let pool = try DatabasePool(path: path, configuration: makeConfiguration(readOnly: false))
            if !exists { FilePermissions.applyCreationMode(path) }
            return try AppDatabase(pool, path: path, readOnly: false)
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError {
            throw AppDatabase.storeError(e, path: path, action: "open the database") ?? AppDatabase.failure(e, path: path, action: "open the database")
        }
    }

    /// The first 16 bytes of a file (the SQLite magic string), without reading the rest.
    static func header(_ path: String) -> [UInt8]? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        return (try? h.read(upToCount: 16)).map { Array($0) } ?? []
    }

    /// How long a statement waits for another process's lock before `StoreError.locked` (README: "Locks").
    public static let busyTimeoutSeconds: TimeInterval = 3

    /// True when opening a `DatabasePool` would write: the file is not in WAL mode (header bytes 18–19 ≠ 2) or its
    /// `-wal` is missing or empty (GRDB then writes to create one).
    static func poolOpenWouldWrite(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        guard let bytes = try? h.read(upToCount: 20), bytes.count == 20 else { return false }
        if Array(bytes)[18] != 2 || Array(bytes)[19] != 2 { return true }
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return size == 0
    }

    /// True when the file's directory cannot be written (no -shm/-wal can be created there).
    static func inReadOnlyDirectory(_ path: String) -> Bool {
        let dir = (path as NSString).deletingLastPathComponent
        return access(dir.isEmpty ? "." : dir, W_OK) != 0 && !FileManager.default.fileExists(atPath: path + "-shm")
    }

    /// `file:PATH?immutable=1` (SQLite URI; `%`, `?` and `#` escaped).
    static func immutableURI(_ path: String) -> String {
        let abs = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let escaped = abs.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3f")
            .replacingOccurrences(of: "#", with: "%23")
        return "file:\(escaped)?immutable=1"
    }

    static func makeConfiguration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        config.busyMode = .timeout(busyTimeoutSeconds)
        config.label = "caseboard"
        return config
    }

    /// Maps SQLite's read-only and busy errors to `StoreError`; nil for anything else.
    static func storeError(_ error: DatabaseError, path: String, action: String) -> StoreError? {
        switch error.resultCode {
        case .SQLITE_READONLY: return .readOnly(path: path, action: action)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_NOTADB: return .unusable(path: path, reason: "the file is not an SQLite database.")
        case .SQLITE_CANTOPEN: return .unusable(path: path, reason: "SQLite cannot open it (\(error.message ?? "no detail")).")
        default: return nil
        }
    }

    /// Every other SQLite error as a `StoreError` (no GRDB type reaches a caller of the store).
    static func failure(_ error: DatabaseError, path: String, action: String) -> StoreError {
        .failed(path: path, action: action, reason: "\(error.message ?? "SQLite error \(error.resultCode.rawValue)") [\(error.resultCode)]")
    }

    /// Runs `updates` in one write transaction; refuses on a read-only database and maps lock errors.
    func write<T>(_ action: String, _ updates: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path, action: action) }
        do {
            return try dbWriter.write(updates)
        } catch let e as DatabaseError {
            throw AppDatabase.storeError(e, path: path, action: action) ?? AppDatabase.failure(e, path: path, action: action)
        }
    }

    /// `write` for a bulk write (an import), with SQLite set for it on this connection and restored after (issue #16).
    /// Every INSERT into a child table fires a revision trigger, so SQLite keeps a statement journal of the pages each
    /// statement changes, by default in a temporary FILE: 3.2 million pwrite calls for 10,000 patients.
    /// `temp_store = MEMORY` (which cannot change inside a transaction) keeps those journals in memory, and a cache
    /// of up to 128 MiB keeps the dirtied pages until the commit instead of spilling them to the WAL.
    func bulkWrite<T>(_ action: String, _ updates: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path, action: action) }
        do {
            return try dbWriter.writeWithoutTransaction { db in
                let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                let temp = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                let restore = "PRAGMA cache_size = \(cache); PRAGMA temp_store = \(temp)"
                try db.execute(sql: "PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY")
                var result: T?
                do {
                    try db.inTransaction(.immediate) { result = try updates(db); return .commit }
                } catch {
                    try db.execute(sql: restore)
                    throw error
                }
                try db.execute(sql: restore)
                guard let result else { throw StoreError.failed(path: path, action: action, reason: "the transaction returned nothing") }
                return result
            }
        } catch let e as DatabaseError {
            throw AppDatabase.storeError(e, path: path, action: action) ?? AppDatabase.failure(e, path: path, action: action)
        }
    }

    /// Runs `value` in a read transaction, mapping lock errors.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try dbWriter.read(value)
        } catch let e as DatabaseError {
            throw AppDatabase.storeError(e, path: path, action: "read the database") ?? AppDatabase.failure(e, path: path, action: "read the database")
        }
    }
}
