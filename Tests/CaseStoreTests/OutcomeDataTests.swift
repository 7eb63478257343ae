import CaseModel
import GRDB
import XCTest
@testable import CaseStore

/// Outcome data of formats.md §1 (`vitalStatus`, `lastContact`, `death`): validation, storage, round trip,
/// and the demo generator's synthetic outcomes.
final class OutcomeDataTests: XCTestCase {
    func with(_ extra: String) -> String {
        "{\"id\": \"P-1\", \"sex\": \"male\", \"birthDate\": \"1970-05-04\", \"diagnoses\": [{\"date\": \"2026-01-10\", \"category\": \"AML\"}], \(extra)}"
    }

    func read(_ patient: String) -> CaseFileReader {
        var r = CaseFileReader()
        r.read(data: TestFixtures.caseFile([patient]), file: "in.json")
        return r
    }

    func testValidOutcomeIsRead() throws {
        let r = read(with("\"vitalStatus\": \"dead\", \"lastContact\": \"2026-05-01\", \"death\": {\"date\": \"2026-06-02\", \"cause\": \"infection\"}"))
        XCTAssertEqual(r.errors, [])
        let p = try XCTUnwrap(r.patients.first)
        XCTAssertEqual(p.vitalStatus, .dead)
        XCTAssertEqual(p.lastContact, LocalDate("2026-05-01"))
        XCTAssertEqual(p.death, Death(date: LocalDate(year: 2026, month: 6, day: 2)!, cause: .infection))
        let plain = read(TestFixtures.minimalPatient).patients.first
        XCTAssertEqual(plain?.vitalStatus, .unknown, "absent means not recorded, never alive")
        XCTAssertNil(plain?.lastContact)
    }

    func testADeathWithoutVitalStatusMeansDead() {
        XCTAssertEqual(read(with("\"death\": {\"date\": \"2026-06-02\"}")).patients.first?.vitalStatus, .dead)
    }

    func testInconsistentOutcomesAreErrors() {
        XCTAssertEqual(read(with("\"vitalStatus\": \"alive\", \"death\": {\"date\": \"2026-06-02\"}")).errors.map(\.description),
                       ["in.json: patient P-1: $.patients[0].vitalStatus: a death is recorded but vitalStatus is \"alive\" (expected dead)"])
        XCTAssertEqual(read(with("\"lastContact\": \"2026-07-01\", \"death\": {\"date\": \"2026-06-02\"}")).errors.map(\.description),
                       ["in.json: patient P-1: $.patients[0].lastContact: the last contact (2026-07-01) is after the death (2026-06-02)"])
        XCTAssertEqual(read(with("\"lastContact\": \"2025-07-01\"")).errors.map(\.description),
                       ["in.json: patient P-1: $.patients[0].lastContact: the last contact (2025-07-01) is before the first diagnosis (2026-01-10)"])
        XCTAssertEqual(read(with("\"death\": {\"date\": \"2026-06-02\", \"cause\": \"old age\"}")).errors.map(\.description),
                       ["in.json: patient P-1: $.patients[0].death.cause: expected one of disease, treatment, infection, other, unknown; found \"old age\""])
        XCTAssertEqual(read(with("\"vitalStatus\": \"gone\"")).errors.map(\.description),
                       ["in.json: patient P-1: $.patients[0].vitalStatus: expected one of alive, dead, unknown; found \"gone\""])
        XCTAssertEqual(read(with("\"death\": \"2026-06-02\"")).errors.map(\.description),
                       ["in.json: patient P-1: $.patients[0].death: expected an object {date, cause?}, found a string"])
        XCTAssertEqual(read(with("\"death\": {\"cause\": \"disease\"}")).errors.map(\.description),
                       ["in.json: patient P-1: $.patients[0].death.date: required field is missing"])
    }

    func testDeadWithoutADateIsAWarning() {
        let r = read(with("\"vitalStatus\": \"dead\""))
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.warnings.map(\.description),
                       ["in.json: patient P-1: $.patients[0].death: vitalStatus is dead but no death date is recorded: the patient is excluded from survival endpoints"])
    }

    func testStoredAndLoaded() throws {
        let db = try AppDatabase.inMemory()
        var dead = TestFixtures.patient("A-1")
        dead.vitalStatus = .dead
        dead.lastContact = LocalDate("2026-03-01")
        dead.death = Death(date: LocalDate(year: 2026, month: 3, day: 4)!, cause: nil)
        var alive = TestFixtures.patient("A-2")
        alive.vitalStatus = .alive
        alive.lastContact = LocalDate("2026-11-01")
        let unknown = TestFixtures.patient("A-3")
        try db.importPatients([dead, alive, unknown])
        XCTAssertEqual(try db.patients(), [dead, alive, unknown].map(TestFixtures.stored))
        XCTAssertEqual(try db.patient(id: "A-1").death?.cause, nil)
        let rows = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM patientOutcome") }
        XCTAssertEqual(rows, 2, "nothing recorded → no row")
        try db.importPatients([unknown].map { var p = $0; p.id = "A-1"; return p })
        XCTAssertEqual(try db.patient(id: "A-1").vitalStatus, .unknown, "re-import replaces the outcome row")
    }

    func testCaseFileRoundTripKeepsOutcomes() throws {
        var p = TestFixtures.patient("R-1")
        p.vitalStatus = .dead
        p.death = Death(date: LocalDate(year: 2026, month: 2, day: 1)!, cause: .disease)
        let data = try CaseFileWriter.data([p])
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"vitalStatus\" : \"dead\""))
        var r = CaseFileReader()
        r.read(data: data, file: "rt.json")
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.patients, [p])
    }

    // MARK: demo outcomes

    func demo(_ n: Int = 264) throws -> [Patient] {
        let sources = try DemoSources.load(demoDirectory: DemoDatabaseTests.demoDirectory())
        var g = DemoGenerator(sources: sources)
        return try g.generate(count: n)
    }

    func testDemoOutcomesAreConsistentAndDeterministic() throws {
        let a = try demo(), b = try demo()
        XCTAssertEqual(a, b, "same seed, same outcomes")
        let ref = LocalDate(year: 2026, month: 11, day: 29)!
        XCTAssertTrue(a.allSatisfy { $0.vitalStatus != .unknown })
        let dead = a.filter { $0.vitalStatus == .dead }
        XCTAssertGreaterThan(dead.count, 20)
        for p in dead {
            let d = try XCTUnwrap(p.death?.date, p.id)
            XCTAssertLessThan(d, ref, p.id)
            XCTAssertGreaterThan(d, p.diagnoses[0].date, p.id)
            XCTAssertLessThanOrEqual(DemoGenerator.latestDate(p) ?? d, d, "\(p.id): no datum after the death")
            XCTAssertLessThanOrEqual(p.lastContact ?? d, d, p.id)
        }
        for p in a where p.vitalStatus == .alive {
            let lc = try XCTUnwrap(p.lastContact, p.id)
            XCTAssertLessThanOrEqual(lc, ref, p.id)
            XCTAssertGreaterThanOrEqual(lc, DemoGenerator.latestDate(p) ?? lc, "\(p.id): last contact is the latest datum or later")
        }
        let lost = a.filter { $0.vitalStatus == .alive && ($0.lastContact ?? ref) < ref.adding(days: -120) }
        XCTAssertGreaterThanOrEqual(lost.count, 3, "some patients are lost to follow-up")
    }

    /// The generator's AML risk proxy orders death rates favourable < intermediate < adverse (on a larger cohort).
    func testDemoAMLDeathRatesFollowRisk() throws {
        let aml = try demo(1500).filter { $0.diagnosis?.category == .aml && $0.id.hasPrefix("SL-AML-") }
        func rate(_ r: DemoGenerator.RiskProxy) -> Double {
            let g = aml.filter { DemoGenerator.amlRiskProxy($0) == r }
            return Double(g.filter { $0.vitalStatus == .dead }.count) / Double(max(1, g.count))
        }
        XCTAssertLessThan(rate(.favourable), rate(.intermediate))
        XCTAssertLessThan(rate(.intermediate), rate(.adverse))
    }
}
