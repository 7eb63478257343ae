import ArgumentParser
import CaseStore
import CaseboardCore
import Foundation

/// `caseboard audit verify`: walks the audit hash chain; exit 1 naming the first row altered or removed.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check that no audit row was altered or removed outside Caseboard (hash chain).")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print {rowsChecked, firstBadRow, problem, head} as JSON.") var json = false

    func run() throws {
        let v = try global.workspace().database().verifyAuditChain()
        if json { try CLI.printJSON(v) }
        guard let bad = v.firstBadRow else {
            if !json { print("audit chain intact: \(v.rowsChecked) rows, newest hash \(v.head ?? AuditChain.genesis)") }
            return
        }
        throw CLIError.user("audit chain broken at row \(bad): \(v.problem ?? "not as written"); \(v.rowsChecked) rows before it verified")
    }
}
