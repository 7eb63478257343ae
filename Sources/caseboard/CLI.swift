import ArgumentParser
import CaseboardCore
import Foundation

/// The command line's one error type is the core's (`CoreError`: message + exit status 1 or 2).
typealias CLIError = CoreError

/// The command line's output and error conventions (formats.md §4): JSON on stdout, diagnostics on stderr,
/// exit status 0 success, 1 user error, 2 internal error. What each command does is in CaseboardCore/Commands.
enum CLI {
    /// Errors whose exit status this layer decides (others may be ArgumentParser's own).
    static func isKnown(_ error: Error) -> Bool { CoreError.isKnown(error) || error is ValidationError }

    static func classify(_ error: Error) -> (message: String, code: Int32) {
        if let e = error as? ValidationError { return (e.message, 1) }
        return CoreError.classify(error)
    }

    /// Commands run on the main thread only; the banner is printed once per process.
    nonisolated(unsafe) private static var bannerPrinted = false

    static func printDemoBanner() {
        guard !bannerPrinted else { return }
        bannerPrinted = true
        stderr("SYNTHETIC DEMO DATA — fictitious patients, not for clinical use")
    }

    static func stderr(_ s: String) { Console.standard.err(s) }

    /// Runs `body`; any error becomes a `CommandFailure` worded `caseboard COMMAND: message` with exit status
    /// 1 (user) or 2 (internal), printed by `Caseboard.main`.
    static func run(_ command: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as ExitCode {
            throw e
        } catch let e as CommandFailure {
            throw e
        } catch {
            let (message, code) = CLI.classify(error)
            throw CommandFailure(line: "caseboard \(command): \(message)", code: code)
        }
    }
}

/// A failure already worded for stderr (`caseboard COMMAND: message`), with its exit status.
struct CommandFailure: Error {
    let line: String
    let code: Int32
}
