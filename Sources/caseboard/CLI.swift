import ArgumentParser
import CaseModel
import CaseStore
import CaseboardCore
import Foundation

/// The command line's one error type is the core's (`CoreError`: message + exit status 1 or 2).
typealias CLIError = CoreError

/// The command line's output and error conventions (formats.md §4): JSON on stdout, diagnostics on stderr,
/// exit status 0 success, 1 user error, 2 internal error.
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

    static func stderr(_ s: String) { FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8)) }

    static func warn(_ command: String, _ message: String) { stderr("caseboard \(command): warning: \(message)") }

    /// `CASEBOARD_MATCH_REPORT=1`: what a command recomputed of the stored trial results, on stderr.
    static func matchReport(_ command: String) -> ((MatchRecomputeReport) -> Void)? {
        guard ProcessInfo.processInfo.environment["CASEBOARD_MATCH_REPORT"] == "1" else { return nil }
        return { r in
            stderr("caseboard \(command): stored match results: \(r.patientsRecomputed.count) patients and "
                   + "\(r.trialsRecomputed.count) trials recomputed, \(r.trialsRemoved.count) trials removed, \(r.rowsWritten) rows written")
        }
    }

    /// Pretty-printed, sorted-keys JSON with a final newline.
    static func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try e.encode(value)
        d.append(10)
        return d
    }

    static func printJSON<T: Encodable>(_ value: T) throws { FileHandle.standardOutput.write(try encodeJSON(value)) }

    /// The workflow service of this run (the core's, one wiring for the CLI and the UI).
    static func service(_ context: Workspace, withCatalogue: Bool = true) throws -> WorkflowService {
        try Workflows.service(context, withCatalogue: withCatalogue)
    }

    /// A date option: `YYYY-MM-DD`, `today` or an offset from `today` (`+7d`, `+2w`, `+3m`).
    static func date(_ text: String, option: String, today: LocalDate) throws -> LocalDate {
        guard let d = RelativeDate.parse(text, today: today) else {
            throw CLIError.user("\(option): expected a date (\(RelativeDate.hint)), found \"\(text)\"")
        }
        return d
    }


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

    /// Writes `text` to `out` (a file) or stdout.
    static func emit(_ text: String, out: String?) throws {
        if let out {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out)) } catch {
                throw CLIError.user("--out: cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}

/// A failure already worded for stderr (`caseboard COMMAND: message`), with its exit status.
struct CommandFailure: Error {
    let line: String
    let code: Int32
}
