import CaseModel
@testable import CaseStore
import Foundation
import GRDB
import XCTest

/// formats.md: `birthDate` may be null. A database made before the change (NOT NULL column) is migrated in place:
/// rows, child rows, indexes and the revision triggers survive, and a patient without a birth date can be stored.
final class NullableBirthDateMigrationTests: XCTestCase {
    func testOldDatabaseIsMigratedAndKeepsEverything() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nullable-birth-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let dependents = "SELECT type || ' ' || name FROM sqlite_master WHERE tbl_name = 'patient' AND type IN ('trigger', 'index') ORDER BY name"
        var before: [String] = []
        do {
            let q = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(q, upTo: "v3-match-revisions")
            try q.write { db in
                try db.execute(sql: "INSERT INTO patient (id, sex, birthDate) VALUES ('OLD-1', 'female', '1970-05-06')")
                try db.execute(sql: "INSERT INTO variant (patientId, seq, gene, date, origin) VALUES ('OLD-1', 0, 'NPM1', '2026-01-02', 'somatic')")
                XCTAssertThrowsError(try db.execute(sql: "INSERT INTO patient (id, sex, birthDate) VALUES ('X', 'male', NULL)"), "the old column is NOT NULL")
                before = try String.fetchAll(db, sql: dependents)
            }
        }
        let db = try AppDatabase.open(path: path)
        let old = try db.patient(id: "OLD-1")
        XCTAssertEqual(old.birthDate, LocalDate("1970-05-06"))
        XCTAssertEqual(old.variants.map(\.gene), ["NPM1"], "child rows kept (foreign keys off during the rebuild)")
        let p = Patient(id: "NEW-1", sex: .unknown, birthDate: nil, diagnoses: [])
        try db.importPatients([p], who: "test", source: "test")
        XCTAssertNil(try db.patient(id: "NEW-1").birthDate)
        XCTAssertNil(try db.caseIndex().first { $0.id == "NEW-1" }?.birthDate)
        XCTAssertTrue(before.contains { $0.hasPrefix("trigger patient_revision") }, "\(before)")
        XCTAssertEqual(try db.read { try String.fetchAll($0, sql: dependents) }, before, "indexes and triggers re-created")
        let fkProblems = try db.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        XCTAssertTrue(fkProblems.isEmpty)
    }
}
