import CaseModel
import GRDB

extension WorkflowService {
    /// The number of the next meeting of `date`: one above the highest `RCP-<date>-<n>` in the meeting table and in
    /// the audit log (entities `meeting/RCP-<date>-<n>` and `meeting/RCP-<date>-<n>/<case>`), so an id is never
    /// given to a second meeting, even after the first was deleted (undo) — the audit log is append-only.
    static func nextMeetingNumber(_ db: Database, date: LocalDate) throws -> Int {
        let prefix = "RCP-\(date)-"
        var highest = 0
        func note(_ id: Substring) {
            guard id.hasPrefix(prefix) else { return }
            let digits = id.dropFirst(prefix.count).prefix { $0.isNumber }
            if let n = Int(digits), n > highest { highest = n }
        }
        for id in try String.fetchAll(db, sql: "SELECT id FROM meeting WHERE id LIKE ?", arguments: [prefix + "%"]) { note(Substring(id)) }
        for e in try String.fetchAll(db, sql: "SELECT entity FROM auditLog WHERE entity LIKE ?", arguments: ["meeting/" + prefix + "%"]) {
            note(e.dropFirst("meeting/".count))
        }
        return highest + 1
    }
}
