import ArgumentParser
import Foundation
import CaseModel

/// Options every command takes (formats.md §4).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Case database (default: the synthetic demo database, built on first use).")
    var db: String?

    @Option(name: .long, help: "Trial catalogue directory for this run (default: the catalogue the database holds).")
    var trials: String?

    @Option(name: .long, help: "Today's date, YYYY-MM-DD (default: CASEBOARD_TODAY or the system date).")
    var today: String?

    @Option(name: .long, help: "Who is acting, for the audit log (default: $USER).")
    var user: String?

    @Flag(name: .customLong("read-only"), help: "Open the database read-only: no command may write.")
    var readOnly = false

    func resolvedToday() throws -> LocalDate {
        if let t = today {
            guard let d = LocalDate(t) else { throw ValidationError("--today: expected YYYY-MM-DD, found \"\(t)\"") }
            return d
        }
        return LocalDate.today()
    }

    var resolvedUser: String { user ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown" }
}

/// What a command works on: the opened database, the trial catalogue, today.
/// CONTRACT: the foundation work (issue 2) implements the bodies; other commands code against it.
struct CommandContext {
    let options: GlobalOptions
    let today: LocalDate
    /// True when the database is the synthetic demo database ("SYNTHETIC DEMO DATA" is printed).
    var isDemo: Bool { false }

    init(_ options: GlobalOptions) throws {
        self.options = options
        self.today = try options.resolvedToday()
    }

    /// All patients, ordered by id.
    func patients() throws -> [Patient] { throw ValidationError("no database yet") }

    /// One patient; throws a user error naming the id when it does not exist.
    func patient(id: String) throws -> Patient { throw ValidationError("unknown case id \(id)") }

    /// The trial catalogue directory in force for this run.
    func trialsDirectory() throws -> URL { throw ValidationError("no trial catalogue yet") }
}
