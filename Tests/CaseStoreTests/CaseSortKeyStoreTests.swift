import CaseModel
import GRDB
import XCTest
@testable import CaseStore

/// The case list's sort keys stored beside the trial verdicts (migration v14-case-sort-keys, issue #16): written by
/// `recomputeMatches` with the verdicts, from the engine's inputs with the nurses' records applied, and renewed
/// exactly when the verdicts are (same revision and day logic; a nurse's record now gives the patient a new revision).
final class CaseSortKeyStoreTests: XCTestCase {
    /// The recording engine of MatchStoreTests that also gives sort inputs: rank = 10 × variants, the test schedule's tasks.
    final class KeyedEngine: MatchEngine {
        let inner = MatchStoreTests.RecordingEngine(["T1": (11, ["A"])])
        var sortCalls: [String] = []
        var trialFingerprints: [String: UInt64] { inner.trialFingerprints }
        func fingerprint(of patient: Patient) -> UInt64 { inner.fingerprint(of: patient) }
        func match(_ patient: Patient, today: LocalDate, trialIDs: Set<String>?) -> [StoredMatch] { inner.match(patient, today: today, trialIDs: trialIDs) }
        func sortInputs(_ patients: [Patient], today: LocalDate) -> [CaseListSortInput]? {
            sortCalls += patients.map(\.id)
            return patients.map { CaseListSortInput(riskRank: 10 * $0.variants.count, tasks: WorkflowTestSupport.schedule($0, today)) }
        }
    }

    let today = WorkflowTestSupport.today

    func testTheKeysAreStoredWithTheVerdictsAndRenewedByANursesRecord() throws {
        let db = try WorkflowTestSupport.database()
        let engine = KeyedEngine()
        try db.recomputeMatches(engine: engine, today: today)
        var keys = try db.storedCaseListSortKeys()
        XCTAssertEqual(Set(keys.keys), ["SL-AML-0001", "SL-AML-0002", "SL-ALL-0003"], "one row per patient")
        // The test schedule: vaccination due 2026-11-01 (overdue, most urgent), CBC due 2026-12-01.
        XCTAssertEqual(keys["SL-AML-0001"], CaseListSortKeys(riskRank: 10, nextDue: TestFixtures.date("2026-11-01")))

        // A nurse records the vaccination done: the patient is stale (as after an edit of its data), only it is
        // recomputed, and its next follow-up is now the CBC.
        let service = try WorkflowTestSupport.service(db)
        _ = try service.completeTask(id: "SL-AML-0001:vacc-1")
        XCTAssertFalse(try db.matchesAreCurrent(engine: engine, today: today), "a nurse's record makes the stored keys stale")
        engine.sortCalls = []
        let r = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r.patientsRecomputed, ["SL-AML-0001"])
        XCTAssertEqual(engine.sortCalls, ["SL-AML-0001"])
        keys = try db.storedCaseListSortKeys()
        XCTAssertEqual(keys["SL-AML-0001"]?.nextDue, TestFixtures.date("2026-12-01"))
        let next = try service.tasks(for: try XCTUnwrap(try db.patient(id: "SL-AML-0001"))).first { $0.status != .done }
        XCTAssertEqual(keys["SL-AML-0001"]?.nextDue, next?.due, "the stored key is the workflows' next open task")
        XCTAssertEqual(keys["SL-AML-0002"]?.nextDue, TestFixtures.date("2026-11-01"), "other patients untouched")

        // Another day renews everyone's keys; a deleted patient's go with it.
        engine.sortCalls = []
        try db.recomputeMatches(engine: engine, today: today.adding(days: 1))
        XCTAssertEqual(engine.sortCalls.sorted(), ["SL-ALL-0003", "SL-AML-0001", "SL-AML-0002"])
        try db.write("test") { try $0.execute(sql: "DELETE FROM patient WHERE id = 'SL-AML-0002'") }
        XCTAssertNil(try db.storedCaseListSortKeys()["SL-AML-0002"])
    }

    func testAnEngineWithoutSortInputsStoresNoKeys() throws {
        let db = try WorkflowTestSupport.database()
        try db.recomputeMatches(engine: KeyedEngine(), today: today)
        XCTAssertEqual(try db.storedCaseListSortKeys().count, 3)
        // The plain engine gives none: a patient it recomputes keeps no key from older data.
        try db.recomputeMatches(engine: MatchStoreTests.RecordingEngine(["T1": (11, ["A"])]), today: today.adding(days: 1))
        XCTAssertTrue(try db.storedCaseListSortKeys().isEmpty, "never served from older data")
    }

    func testTheMigrationIsLastAndRecomputesEveryPatientOnce() throws {
        XCTAssertEqual(AppDatabase.migrator.migrations.last, CaseSortKeyStore.migrationName)
    }
}
