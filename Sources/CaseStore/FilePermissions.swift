import Foundation

/// File modes of everything Caseboard creates: the database and its `-wal`/`-shm`
/// (SQLite gives them the database's mode), the demo, backups, exports and board records are created 0600 and
/// directories 0700, whatever the user's umask: they hold names, MRNs and birth dates. On a board host where a
/// group of users shares one database, `--group-shared` (or `CASEBOARD_GROUP_SHARED=1`) makes them 0660 / 0770 instead.
public enum FilePermissions {
    /// The umask Caseboard runs with: 077, or 007 with `--group-shared` or `CASEBOARD_GROUP_SHARED=1`.
    public static func mask(environment: [String: String] = ProcessInfo.processInfo.environment, groupShared: Bool = false) -> mode_t {
        groupShared || environment["CASEBOARD_GROUP_SHARED"] == "1" ? 0o007 : 0o077
    }

    /// True when the command line asks for `--group-shared` (before a `--` that ends the options). Read before
    /// the arguments are parsed, so that the umask is in force before any file is created.
    public static func groupSharedRequested(_ arguments: [String]) -> Bool {
        arguments.dropFirst().prefix { $0 != "--" }.contains("--group-shared")
    }

    /// Sets the process umask so that every file and directory created from now on is private (or group-shared).
    public static func restrictNewFiles(environment: [String: String] = ProcessInfo.processInfo.environment,
                                        arguments: [String] = []) {
        umask(mask(environment: environment, groupShared: groupSharedRequested(arguments)))
    }

    /// The process umask now (read without changing it for longer than the call).
    public static func currentMask() -> mode_t {
        let m = umask(0o077)
        umask(m)
        return m
    }

    /// Gives a database file Caseboard just created the mode the umask asks for (0600, or 0660 when group-shared):
    /// SQLite creates files 0644 & ~umask, which leaves a group-shared database read-only for the group. Its
    /// `-wal`/`-shm` then follow (SQLite gives them the database file's mode).
    public static func applyCreationMode(_ path: String) {
        chmod(path, 0o666 & ~currentMask())
    }
}
