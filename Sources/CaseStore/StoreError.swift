import Foundation

/// Errors of the case store that a user can cause or must be told about clearly.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A write was attempted on a database opened read-only.
    case readOnly(path: String, action: String)
    /// Another program holds the lock.
    case locked(path: String)
    /// No database file where one was expected.
    case notFound(path: String)
    /// The file is not a usable Caseboard database (not SQLite, or needs a schema upgrade that a read-only open cannot do).
    case unusable(path: String, reason: String)
    /// A case id that the database does not hold.
    case unknownPatient(id: String)
    /// A stored value that cannot be decoded (a hand-edited or damaged database).
    case corrupt(table: String, column: String, value: String)
    /// Any other SQLite failure (I/O error, disk full, a missing table…): an internal fault, never an empty answer.
    case failed(path: String, action: String, reason: String)

    public var description: String {
        switch self {
        case .readOnly(let path, let action):
            return "cannot \(action): the database \(path) is open read-only (--read-only, or the file is not writable). Nothing was written."
        case .locked(let path):
            return "the database \(path) is locked: still busy after waiting \(Int(AppDatabase.busyTimeoutSeconds)) s; wait for "
                + "\(DatabaseLock.whoToWaitFor(path: path)) to finish, then try again."
        case .notFound(let path):
            return "no database at \(path) (create one with `caseboard import FILE --db \(path)`)."
        case .unusable(let path, let reason):
            return "cannot use the database \(path): \(reason)"
        case .unknownPatient(let id):
            return "unknown case id \"\(id)\": no such patient in the database."
        case .corrupt(let table, let column, let value):
            return "damaged database: table \(table), column \(column) holds an unexpected value \"\(value)\"."
        case .failed(let path, let action, let reason):
            return "could not \(action) (\(path)): \(reason)"
        }
    }

    /// True for errors the user can fix (exit status 1); false for internal faults (exit status 2).
    public var isUserError: Bool {
        switch self {
        case .corrupt, .failed: return false
        default: return true
        }
    }
}
