import Foundation
import GRDB

/// Nothing overwrites a database by accident. A command that writes a file checks what is
/// there first: `demo-db --out` may replace only an earlier synthetic demo database, `export --out` only an earlier
/// export (a `caseboard-cases` JSON file); anything else needs `--force`. No command ever writes onto the database
/// it has open (nor its `-wal`/`-shm`), `--force` or not.
public enum OutputGuard {
    /// What a path holds.
    public enum Content: Equatable, Sendable {
        case nothing
        /// A Caseboard database built by the demo generator (`metadata.demo = true`).
        case demoDatabase
        /// A Caseboard database with real data (or any SQLite file with a `patient` table).
        case caseDatabase
        /// Another SQLite database.
        case otherSQLite
        /// A `caseboard-cases` JSON file (an earlier export).
        case caseFile
        /// Anything else (a directory, a text file, …).
        case other

        var phrase: String {
            switch self {
            case .nothing: return "nothing"
            case .demoDatabase: return "a synthetic demo database"
            case .caseDatabase: return "a Caseboard case database"
            case .otherSQLite: return "an SQLite database that is not Caseboard's"
            case .caseFile: return "a caseboard-cases export"
            case .other: return "a file that is not a Caseboard output"
            }
        }
    }

    /// Looks at `path` without writing to it.
    public static func content(of path: String) -> Content {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return .nothing }
        if isDir.boolValue { return .other }
        guard let h = FileHandle(forReadingAtPath: path) else { return .other }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 4096)) ?? Data()
        if head.starts(with: Array("SQLite format 3\u{0}".utf8)) {
            var config = Configuration()
            config.readonly = true
            guard let q = try? DatabaseQueue(path: path, configuration: config) else { return .otherSQLite }
            defer { try? q.close() }
            let kind: Content? = try? q.read { db in
                guard try db.tableExists("patient") else { return .otherSQLite }
                if try db.tableExists("metadata"),
                   try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = 'demo'") == "true" { return .demoDatabase }
                return .caseDatabase
            }
            return kind ?? .otherSQLite
        }
        if head.isEmpty { return .other }
        let text = String(decoding: head, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{"), text.contains("\"caseboard-cases\"") { return .caseFile }
        return .other
    }

    /// True when `a` and `b` are the same file (same device and inode), or `a` is `b`'s `-wal`/`-shm`/`-journal`.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        func id(_ p: String) -> (UInt64, UInt64)? {
            var st = stat()
            guard stat(p, &st) == 0 else { return nil }
            return (UInt64(st.st_dev), UInt64(st.st_ino))
        }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            if let x = id(a), let y = id(b + suffix), x == y { return true }
            let ua = URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
            let ub = URL(fileURLWithPath: b + suffix).standardizedFileURL.resolvingSymlinksInPath().path
            if ua == ub { return true }
        }
        return false
    }

    /// Refuses to write `output` (what the command writes, `mayReplace` what it may replace) at `path`.
    /// `openDatabase` is the database the command has open, if any: never written onto.
    public static func check(_ path: String, writing output: String, mayReplace: Set<Content>, force: Bool,
                             openDatabase: String?) throws {
        if let open = openDatabase, open != ":memory:", sameFile(path, open) {
            throw SafetyError("refusing to write \(output) to \(path): it is the database this command has open. Nothing was written.")
        }
        let found = content(of: path)
        if found == .nothing || mayReplace.contains(found) { return }
        if found == .other, isDirectory(path) {
            throw SafetyError("refusing to write \(output) to \(path): it is a directory. Nothing was written.")
        }
        if !force {
            throw SafetyError("refusing to replace \(path): it holds \(found.phrase), not \(output); choose another file, or pass --force to replace it. Nothing was written.")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
