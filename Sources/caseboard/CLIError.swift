import ArgumentParser
import CaseStore
import Foundation
import GRDB

/// A command-line failure with its exit status (formats.md §4: 1 user error, 2 internal error).
struct CLIError: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32
    static func user(_ message: String) -> CLIError { CLIError(message: message, exitCode: 1) }
    static func `internal`(_ message: String) -> CLIError { CLIError(message: message, exitCode: 2) }
    var description: String { message }

    /// Errors whose exit status this file decides (others may be ArgumentParser's own).
    static func isKnown(_ error: Error) -> Bool {
        error is CLIError || error is SafetyError || error is StoreError || error is DemoError || error is ValidationError || error is DatabaseError
    }

    /// The message and exit status for any error a command throws.
    static func classify(_ error: Error) -> (message: String, code: Int32) {
        switch error {
        case let e as CLIError: return (e.message, e.exitCode)
        case let e as StoreError: return (e.description, e.isUserError ? 1 : 2)
        case let e as SafetyError: return (e.message, 1)
        case let e as DemoError: return (e.description, 1)
        case let e as ValidationError: return (e.message, 1)
        case let e as DatabaseError:
            if e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED { return ("the database is locked by another program; try again.", 1) }
            if e.resultCode == .SQLITE_READONLY { return ("the database is read-only: nothing was written.", 1) }
            return ("internal database error: \(e.message ?? "\(e)")", 2)
        default:
            return ("internal error: \(error)", 2)
        }
    }
}
