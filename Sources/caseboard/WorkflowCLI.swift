import ArgumentParser
import CaseModel
import CaseStore
import ClinicalRules
import Foundation
import TrialEngine

/// Shared wiring of the workflow commands (meeting, screening, followups done/reschedule/note):
/// builds the `WorkflowService` over the opened database and maps errors to exit statuses
/// (1 for anything a user can cause, naming the id; 2 for internal faults).
enum WorkflowCLI {
    /// The service for this run: who is `--user` or $USER; "today" is `--today`; the follow-up schedule
    /// comes from ClinicalRules; trial ids are checked against the catalogue in force (when there is one).
    /// Audit timestamps come from the clock, or from `CASEBOARD_NOW` when set (reproducible scripts).
    /// `withCatalogue: false` for read-only uses that need no trial ids (the worklist).
    static func service(_ context: CommandContext, withCatalogue: Bool = true) throws -> WorkflowService {
        let db = try context.database()
        let directory = withCatalogue ? try catalogueDirectory(context) : nil
        let trials = withCatalogue ? try knownTrials(context) : nil
        let now = ProcessInfo.processInfo.environment["CASEBOARD_NOW"]
        let today = context.today
        // Verdicts for the trial proposed at a board: compiled only when a decision names a trial.
        let verdicts: WorkflowService.VerdictProvider = { patient in
            guard let directory, let catalogue = try? TrialLoader.loadDirectory(directory), !catalogue.trials.isEmpty else { return nil }
            return Matcher.compile(catalogue).verdicts(for: patient, interpretation: Interpretation.interpret(patient, today: today),
                                                       today: today)
        }
        return try WorkflowService(db: db, user: context.options.resolvedUser, today: today,
                                   taskProvider: { FollowUpScheduler.tasks(for: $0, today: $1) },
                                   verdictProvider: verdicts, knownTrials: trials,
                                   clock: { now ?? AppDatabase.timestamp() })
    }

    /// The trial catalogue directory in force (`--trials`, the demo's, or the database's), nil when none.
    static func catalogueDirectory(_ context: CommandContext) throws -> URL? {
        if context.options.trials == nil, try context.database().trialFiles().isEmpty, !context.isDemo { return nil }
        return try? context.trialsDirectory()
    }

    /// Trial ids of the catalogue in force, or nil when no catalogue is available (ids are then not checked).
    static func knownTrials(_ context: CommandContext) throws -> Set<String>? {
        if context.options.trials != nil { _ = try context.trialsDirectory() }  // names a missing --trials directory
        guard let dir = try catalogueDirectory(context) else { return nil }
        let files = (try? CommandContext.yamlFiles(in: dir)) ?? []
        let ids = Set(files.compactMap { trialId(yaml: $0.yaml) })
        return ids.isEmpty ? nil : ids
    }

    /// The top-level `id:` of a trial file (without parsing the whole YAML).
    static func trialId(yaml: String) -> String? {
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix("id:") {
            var v = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            if let hash = v.range(of: " #") { v = String(v[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
            if v.count >= 2, let f = v.first, f == "\"" || f == "'", v.last == f { v = String(v.dropFirst().dropLast()) }
            return v.isEmpty ? nil : v
        }
        return nil
    }

    static func date(_ text: String, option: String) throws -> LocalDate {
        guard let d = LocalDate(text) else { throw CLIError.user("\(option): expected a date YYYY-MM-DD, found \"\(text)\"") }
        return d
    }

    static func warn(_ command: String, _ message: String) {
        FileHandle.standardError.write(Data("caseboard \(command): warning: \(message)\n".utf8))
    }

    /// Runs `body`, printing any error as `caseboard COMMAND: message` and exiting 1 (user) or 2 (internal).
    static func run(_ command: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as ExitCode {
            throw e
        } catch let e as WorkflowError {
            fail(command, e.description, 1)
        } catch let e as StoreError {
            fail(command, e.description, e.isUserError ? 1 : 2)
        } catch {
            let (message, code) = CLIError.classify(error)
            fail(command, message, code)
        }
    }

    static func fail(_ command: String, _ message: String, _ code: Int32) -> Never {
        FileHandle.standardError.write(Data("caseboard \(command): \(message)\n".utf8))
        Foundation.exit(code)
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

    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// A plain text table, columns padded, trailing spaces trimmed.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            var s = ""
            for (i, c) in cells.enumerated() {
                s += i == cells.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count + 2)
            }
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
