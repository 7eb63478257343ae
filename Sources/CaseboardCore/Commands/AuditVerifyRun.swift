import CaseStore
import Foundation

extension DataRuns {
    /// `audit verify [--json]`: walks the audit hash chain; a user error (exit 1) naming the first row altered or
    /// removed outside Caseboard.
    public static func auditVerify(_ context: Workspace, json: Bool, console: Console) throws {
        let v = try context.database().verifyAuditChain()
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            console.write(try e.encode(v))
            console.line()
        }
        guard let bad = v.firstBadRow else {
            if !json { console.line("audit chain intact: \(v.rowsChecked) rows, newest hash \(v.head ?? AuditChain.genesis)") }
            return
        }
        throw CoreError.user("audit chain broken at row \(bad): \(v.problem ?? "not as written"); \(v.rowsChecked) rows before it verified")
    }
}
