import Foundation
import GRDB

/// `caseboard backup` and `caseboard restore`: SQLite's online backup copies the WHOLE
/// database (patients, trial catalogue, meetings, screening log, nurse records, audit) page by page while other
/// programs keep reading and writing; the copy is a consistent snapshot. Both write to a temporary file beside the
/// target, check it with `PRAGMA integrity_check`, make it 0600, and only then rename it into place; neither ever
/// replaces an existing file.
public enum DatabaseBackup {
    public struct Report: Sendable, Equatable {
        public var path: String
        public var patients: Int
        public var auditRows: Int
        public var bytes: Int
    }

    /// Copies the open database `db` to the new file `out`.
    public static func backup(_ db: AppDatabase, to out: String) throws -> Report {
        try refuseExisting(out, what: "a backup")
        if OutputGuard.sameFile(out, db.path) { throw SafetyError("refusing to back up \(db.path) onto itself.") }
        return try copy(from: db.dbWriter, to: out, source: db.path)
    }

    /// Checks the backup `file` (SQLite, integrity_check "ok", a Caseboard schema) and restores it into the new file `out`.
    public static func restore(_ file: String, to out: String) throws -> Report {
        try refuseExisting(out, what: "a restored database")
        switch OutputGuard.content(of: file) {
        case .caseDatabase, .demoDatabase: break
        case .nothing: throw StoreError.notFound(path: file)
        default: throw SafetyError("cannot restore \(file): it is not a Caseboard database backup.")
        }
        var config = Configuration()
        config.readonly = true
        let source: DatabaseQueue
        do { source = try DatabaseQueue(path: file, configuration: config) } catch let e as DatabaseError {
            throw SafetyError("cannot restore \(file): SQLite cannot open it (\(e.message ?? "\(e.resultCode)")).")
        }
        defer { try? source.close() }
        let problems = try integrity(source)
        if !problems.isEmpty { throw SafetyError("cannot restore \(file): integrity_check found \(problems.count) problem(s): \(problems.prefix(3).joined(separator: "; ")).") }
        let report = try copy(from: source, to: out, source: file)
        // The restored file must open as a Caseboard database (migrations complete or upgradable).
        _ = try AppDatabase.open(path: out)
        return report
    }

    /// `PRAGMA integrity_check` lines other than "ok".
    public static func integrity(_ reader: any DatabaseReader) throws -> [String] {
        try reader.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" } }
    }

    static func refuseExisting(_ out: String, what: String) throws {
        if FileManager.default.fileExists(atPath: out) {
            throw SafetyError("refusing to write \(what) to \(out): the file exists (\(OutputGuard.content(of: out).phrase)); choose a new file name. Nothing was written.")
        }
    }

    static func copy(from source: any DatabaseReader, to out: String, source name: String) throws -> Report {
        let tmp = out + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let fm = FileManager.default
        for s in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: tmp + s) }
        var done = false
        defer { if !done { for s in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: tmp + s) } } }
        let old = umask(0o077)
        let mask = old | 0o007  // never world-readable; group-shared (007) stays group-shared
        umask(mask)
        defer { umask(old) }
        do {
            let dest = try DatabaseQueue(path: tmp)
            try source.backup(to: dest)
            let problems = try integrity(dest)
            if !problems.isEmpty { throw SafetyError("the copy of \(name) failed integrity_check: \(problems.prefix(3).joined(separator: "; ")).") }
            let counts = try dest.read { db -> (Int, Int) in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patient") ?? 0,
                 (try db.tableExists("auditLog")) ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditLog") ?? 0 : 0)
            }
            try dest.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try dest.close()
            chmod(tmp, 0o666 & ~mask)
            guard rename(tmp, out) == 0 else { throw SafetyError("cannot write \(out) (\(String(cString: strerror(errno)))).") }
            done = true
            let bytes = (try fm.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
            return Report(path: out, patients: counts.0, auditRows: counts.1, bytes: bytes)
        } catch let e as DatabaseError {
            throw SafetyError("cannot write \(out): \(e.message ?? "SQLite error \(e.resultCode)").")
        }
    }
}
