import ArgumentParser
import CaseModel
import CaseboardCore
import Foundation

/// Options every command takes (formats.md §4).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Case database (default: the synthetic demo database, built on first use).") var db: String?
    @Option(name: .long, help: "Trial catalogue directory for this run (default: the catalogue the database holds).") var trials: String?
    @Option(name: .long, help: "Today's date, YYYY-MM-DD (default: CASEBOARD_TODAY or the system date).") var today: String?
    @Option(name: .long, help: "Who is acting, for the audit log (default: $USER).") var user: String?
    @Flag(name: .customLong("read-only"), help: "Open the database read-only: no command may write.") var readOnly = false
    @OptionGroup var sharing: GroupSharedOption

    func resolvedToday() throws -> LocalDate {
        if let t = today {
            guard let d = LocalDate(t) else { throw ValidationError("--today: expected YYYY-MM-DD, found \"\(t)\"") }
            return d
        }
        return LocalDate.today()
    }

    var resolvedUser: String { user ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown" }

    func workspaceOptions() throws -> WorkspaceOptions {
        WorkspaceOptions(db: db, trials: trials, today: try resolvedToday(), user: resolvedUser, readOnly: readOnly)
    }

    /// The workspace of this run; "SYNTHETIC DEMO DATA" goes to stderr when the demo database is opened.
    func workspace() throws -> Workspace {
        let w = Workspace(try workspaceOptions())
        w.onDemoOpened = { CLI.printDemoBanner() }
        w.onNotice = { CLI.stderr("caseboard: \($0)") }
        return w
    }
}
