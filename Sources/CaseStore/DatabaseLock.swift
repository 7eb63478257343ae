import Foundation
import GRDB

/// Who holds a database's write lock, and whether one is held now (issue 12 items 5 and 11).
///
/// - A write waits up to `AppDatabase.busyTimeoutSeconds` (3 s) for the lock, then fails with `StoreError.locked`,
///   whose message names the process holding it when Linux tells (`/proc/locks`: a POSIX write lock on the
///   database file or its `-shm`, by process id, with `/proc/PID/comm`), else "another Caseboard process or
///   program holding FILE".
/// - `writeLockHeld` probes without waiting (`BEGIN IMMEDIATE` with no busy timeout, then `ROLLBACK`): the open uses
///   it to avoid GRDB's WAL set-up write when another process is writing, so reads still work.
public enum DatabaseLock {
    /// True when another connection holds the write (RESERVED / WAL write) lock right now.
    static func writeLockHeld(path: String) -> Bool {
        var config = Configuration()
        config.busyMode = .immediateError
        guard let q = try? DatabaseQueue(path: path, configuration: config) else { return false }
        defer { try? q.close() }
        do {
            try q.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: "ROLLBACK")
            }
            return false
        } catch let e as DatabaseError {
            return e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
        } catch {
            return false
        }
    }

    /// "process 1234 (sqlite3)" for each other process holding a POSIX write lock on `path` or `path-shm`; empty
    /// when none is found (not Linux, or the lock is not visible).
    public static func holders(path: String) -> [String] {
        var inodes = Set<UInt64>()
        for p in [path, path + "-shm"] {
            var st = stat()
            if stat(p, &st) == 0 { inodes.insert(UInt64(st.st_ino)) }
        }
        guard !inodes.isEmpty, let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return [] }
        let me = getpid()
        var pids: [Int32] = []
        for line in text.split(separator: "\n") {
            // "1: POSIX  ADVISORY  WRITE 12345 08:01:1234567 1073741825 1073741825"
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            guard f.count >= 6, f[1] == "POSIX", f[3] == "WRITE", let pid = Int32(f[4]), pid > 0, pid != me else { continue }
            guard let ino = f[5].split(separator: ":").last.flatMap({ UInt64($0) }), inodes.contains(ino) else { continue }
            if !pids.contains(pid) { pids.append(pid) }
        }
        return pids.map { pid in
            let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return "process \(pid)\(comm.map { " (\($0))" } ?? "")"
        }
    }

    /// Who to wait for, in words.
    public static func whoToWaitFor(path: String) -> String {
        let h = holders(path: path)
        if h.isEmpty { return "another Caseboard process or program holding \(path)" }
        return h.joined(separator: ", ") + " holding \(path)"
    }
}

extension AppDatabase {
    /// True when another connection holds this file's write lock right now (never for an in-memory database).
    public func writeLockHeldElsewhere() -> Bool {
        path != ":memory:" && !path.isEmpty && FileManager.default.fileExists(atPath: path) && DatabaseLock.writeLockHeld(path: path)
    }
}
