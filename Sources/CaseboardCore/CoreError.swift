import CaseStore
import Foundation

/// A failure of the application layer with its exit status (formats.md §4: 1 user error, 2 internal error).
/// Every error a command can meet is classified here, once, for the CLI and the terminal UI alike.
public struct CoreError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let exitCode: Int32
    public static func user(_ message: String) -> CoreError { CoreError(message: message, exitCode: 1) }
    public static func `internal`(_ message: String) -> CoreError { CoreError(message: message, exitCode: 2) }
    public var description: String { message }

    /// True for the error types this layer knows how to word (others may belong to a front end's parser).
    public static func isKnown(_ error: Error) -> Bool {
        error is CoreError || error is StoreError || error is DemoError || error is WorkflowError || error is SafetyError
    }

    /// The message and exit status for any error.
    public static func classify(_ error: Error) -> (message: String, code: Int32) {
        switch error {
        case let e as CoreError: return (e.message, e.exitCode)
        case let e as StoreError: return (e.description, e.isUserError ? 1 : 2)
        case let e as DemoError: return (e.description, 1)
        case let e as WorkflowError: return (e.description, 1)
        case let e as SafetyError: return (e.message, 1)
        default: return ("internal error: \(error)", 2)
        }
    }
}
