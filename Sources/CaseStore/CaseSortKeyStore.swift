import CaseModel
import Foundation
import GRDB

/// What the engine gives for one patient's stored case-list sort keys (`MatchEngine.sortInputs`): the rank of what
/// the Risk column shows (`CaseListRisk.rank`) and the follow-up tasks the rules generate; the store applies the
/// app's tasks and the nurses' records to the tasks (as `WorkflowService.tasks(for:)` does) to find the next one due.
public struct CaseListSortInput: Sendable, Equatable {
    public var riskRank: Int
    public var tasks: [FollowUpTask]
    public init(riskRank: Int, tasks: [FollowUpTask]) { self.riskRank = riskRank; self.tasks = tasks }
}

/// The case list's computed sort keys stored beside the trial verdicts (migration "v14-case-sort-keys", issue #16):
/// `caseSortKey(patientId, riskRank, nextDueDay)`, one row per patient, written by `recomputeMatches` in the same
/// write as the patient's verdicts and computed, like them, with no transaction open. They are current exactly when
/// the verdicts are: the same revision and day decide (the migration adds revision triggers on `followUpState` and
/// `workflowTask`, so a nurse's record or an app task makes the patient stale as an edit of its data does).
enum CaseSortKeyStore {
    static let migrationName = "v14-case-sort-keys"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE caseSortKey (
              patientId TEXT NOT NULL PRIMARY KEY REFERENCES patient(id) ON DELETE CASCADE,
              riskRank INTEGER NOT NULL,
              nextDueDay INTEGER
            ) WITHOUT ROWID;
            """)
        // The next follow-up depends on the nurses' records and the app's tasks: their writes give the patient a
        // new revision (both tables name their patient in `patientId`).
        for table in ["followUpState", "workflowTask"] {
            try AppDatabase.createChildRevisionTriggers(db, table: table)
        }
        // Every patient is recomputed once, so that each gets its sort keys with its verdicts.
        try db.execute(sql: "DELETE FROM matchPatientState")
    }

    /// The app tasks and nurses' records of the patients `lo`…`hi` (a chunk's id range), by patient id.
    static func workflowRecords(_ db: Database, lo: String, hi: String) throws -> (app: [String: [FollowUpTask]], states: [String: [WorkflowTaskState]]) {
        let app = try WorkflowTaskStore.appTasks(db, patientId: nil, between: (lo, hi))
        let states = try WorkflowTaskStore.states(db, patientId: nil, between: (lo, hi))
        return (Dictionary(grouping: app, by: \.patient), Dictionary(grouping: states, by: \.patientId))
    }

    /// The next open follow-up's due date of `patient`, the nurses' records applied (nil: none open).
    static func nextDue(_ patient: Patient, _ input: CaseListSortInput, app: [FollowUpTask], states: [WorkflowTaskState],
                        today: LocalDate) -> LocalDate? {
        WorkflowService.listedTasks(input.tasks, of: patient, appTasks: app, states: states, today: today)
            .first { $0.status != .done }?.due
    }

    /// Removes one patient's keys (an engine that computes none: none may be served from older data).
    static func remove(_ db: Database, _ patientId: String) throws {
        try db.cachedStatement(sql: "DELETE FROM caseSortKey WHERE patientId = ?").execute(arguments: [patientId])
    }

    /// Stores one patient's keys (unchanged rows are not rewritten).
    static func store(_ db: Database, _ patientId: String, _ keys: CaseListSortKeys) throws {
        try db.cachedStatement(sql: """
            INSERT INTO caseSortKey (patientId, riskRank, nextDueDay) VALUES (?,?,?)
            ON CONFLICT(patientId) DO UPDATE SET riskRank = excluded.riskRank, nextDueDay = excluded.nextDueDay
            WHERE riskRank IS NOT excluded.riskRank OR nextDueDay IS NOT excluded.nextDueDay
            """).execute(arguments: [patientId, keys.riskRank, keys.nextDue?.daysSinceEpoch])
    }
}

extension AppDatabase {
    /// Every patient's stored case-list sort keys (one query), by patient id. Current when the stored verdicts are
    /// (`recomputeMatches` done, nothing stale); read together with them.
    public func storedCaseListSortKeys() throws -> [String: CaseListSortKeys] {
        try read { db in
            var out: [String: CaseListSortKeys] = [:]
            let cursor = try Row.fetchCursor(db, sql: "SELECT patientId, riskRank, nextDueDay FROM caseSortKey")
            while let r = try cursor.next() {
                let day: Int? = r[2]
                out[r[0]] = CaseListSortKeys(riskRank: r[1], nextDue: day.map { LocalDate(daysSinceEpoch: $0) })
            }
            return out
        }
    }
}
