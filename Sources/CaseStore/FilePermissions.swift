import Foundation

/// File modes of everything Caseboard creates: the database and its `-wal`/`-shm`
/// (SQLite gives them the database's mode), the demo, backups, exports and board records are created 0600 and
/// directories 0700, whatever the user's umask: they hold names, MRNs and birth dates. On a board host where a
/// group of users shares one database, `CASEBOARD_GROUP_SHARED=1` makes them 0660 / 0770 instead.
public enum FilePermissions {
    /// The umask Caseboard runs with: 077, or 007 when `CASEBOARD_GROUP_SHARED=1`.
    public static func mask(environment: [String: String] = ProcessInfo.processInfo.environment) -> mode_t {
        environment["CASEBOARD_GROUP_SHARED"] == "1" ? 0o007 : 0o077
    }

    /// Sets the process umask so that every file and directory created from now on is private (or group-shared).
    public static func restrictNewFiles(environment: [String: String] = ProcessInfo.processInfo.environment) {
        umask(mask(environment: environment))
    }
}
