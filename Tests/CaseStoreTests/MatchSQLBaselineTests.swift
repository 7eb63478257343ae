import CaseModel
import GRDB
import XCTest
@testable import CaseStore

/// The SQL baseline's execution and pair comparison on a small database (the queries are hand-written here; the
/// translator that writes them is tested in TrialEngineTests, and `caseboard bench` checks both end to end).
final class MatchSQLBaselineTests: XCTestCase {
    func testEligiblePairsAndDiff() throws {
        let db = try AppDatabase.inMemory()
        var ps = (0..<200).map { TestFixtures.patient("P-\(String(format: "%03d", $0))", variants: $0 % 3) }
        for i in ps.indices where i % 4 == 0 { ps[i].comorbidities = ["hiv"] }
        try db.importPatients(ps)
        let baseline = SQLBaseline(queries: [
            .init(trialId: "T1", armId: "A", sql: "SELECT p.id FROM patient p WHERE NOT EXISTS (SELECT 1 FROM comorbidity c WHERE c.patientId = p.id AND c.tag = 'hiv')"),
            .init(trialId: "T2", armId: "B", sql: "SELECT p.id FROM patient p WHERE (SELECT count(*) FROM variant v WHERE v.patientId = p.id) >= 2"),
        ])
        let pairs = try baseline.eligiblePairs(db)
        XCTAssertEqual(pairs.filter { $0.trialId == "T1" }.count, 150)
        XCTAssertEqual(pairs.filter { $0.trialId == "T2" }.count, ps.filter { $0.variants.count >= 2 }.count)
        XCTAssertEqual(try baseline.countEligible(db), pairs.count)
        // Same set as an independent computation in Swift: no difference.
        var expected = Set<SQLBaseline.Pair>()
        for p in ps where !p.comorbidities.contains("hiv") { expected.insert(.init(trialId: "T1", armId: "A", patientId: p.id)) }
        for p in ps where p.variants.count >= 2 { expected.insert(.init(trialId: "T2", armId: "B", patientId: p.id)) }
        let same = SQLBaseline.diff(engine: expected, sql: Set(pairs))
        XCTAssertTrue(same.onlyEngine.isEmpty && same.onlySQL.isEmpty)
        // A one-pair disagreement is found on the right side.
        var wrong = expected
        let extra = SQLBaseline.Pair(trialId: "T1", armId: "A", patientId: "P-000")
        wrong.insert(extra)
        let missing = SQLBaseline.Pair(trialId: "T2", armId: "B", patientId: ps.first { $0.variants.count >= 2 }?.id ?? "")
        wrong.remove(missing)
        let d = SQLBaseline.diff(engine: wrong, sql: Set(pairs))
        XCTAssertEqual(d.onlyEngine, [extra])
        XCTAssertEqual(d.onlySQL, [missing])
    }

    func testBadSQLNamesTheArm() throws {
        let db = try AppDatabase.inMemory()
        let baseline = SQLBaseline(queries: [.init(trialId: "T9", armId: "Z", sql: "SELECT nope FROM nowhere")])
        XCTAssertThrowsError(try baseline.eligiblePairs(db)) { e in XCTAssertTrue("\(e)".contains("T9 arm Z"), "\(e)") }
    }

    func testMigrationAddsMatchTablesAndIndexes() throws {
        let db = try AppDatabase.inMemory()
        let names = try db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
        XCTAssertFalse(names.contains("matchResult"), "v13-match-packed replaces matchResult")
        for n in ["matchPacked", "matchLayout", "matchPatientState", "matchTrialState", "lab_patient_test_date", "diseaseStatus_patient_date", "variant_patient_gene"] {
            XCTAssertTrue(names.contains(n), n)
        }
    }
}
