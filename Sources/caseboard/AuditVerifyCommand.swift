import ArgumentParser
import CaseboardCore

/// `caseboard audit verify`: walks the audit hash chain; exit 1 naming the first row altered or removed.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check that no audit row was altered or removed outside Caseboard (hash chain).")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print {rowsChecked, firstBadRow, problem, head} as JSON.") var json = false

    func run() throws { try DataRuns.auditVerify(try global.workspace(), json: json, console: .standard) }
}
