import CaseModel
@testable import CaseStore
import Foundation
import GRDB
import XCTest

/// Issue 12 items 5 and 11: opening writes nothing when nothing needs migrating, so reads work while another
/// connection holds the write lock (rollback journal, no -wal file; and WAL); writes then wait for the busy
/// timeout and say whom to wait for.
final class OpenUnderLockTests: XCTestCase {
    func check(journal: String) throws {
        let path = TestFixtures.tempDirectory().appendingPathComponent("locked-\(journal).sqlite").path
        try AppDatabase.open(path: path, create: true).importPatients([TestFixtures.patient("P1"), TestFixtures.patient("P2")], who: "t")
        var config = Configuration()
        config.allowsUnsafeTransactions = true  // the holder keeps BEGIN IMMEDIATE open across accesses
        let holder = try DatabaseQueue(path: path, configuration: config)
        try holder.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = \(journal)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal") && journal == "delete", "no -wal in rollback mode")
        try holder.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        defer { try? holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }
        let start = Date()
        let db = try AppDatabase.open(path: path)
        XCTAssertEqual(try db.patientIDs(), ["P1", "P2"], "\(journal): reads work under another writer's lock")
        XCTAssertLessThan(Date().timeIntervalSince(start), AppDatabase.busyTimeoutSeconds, "\(journal): the open did not wait for the lock")
        XCTAssertTrue(db.writeLockHeldElsewhere())
        XCTAssertThrowsError(try db.importPatients([TestFixtures.patient("P3")], who: "t")) { e in
            XCTAssertEqual(e as? StoreError, .locked(path: path))
            XCTAssertTrue("\(e)".contains("still busy after waiting 3 s"), "\(e)")
        }
    }

    func testReadsWorkUnderAnotherWritersLockInRollbackMode() throws { try check(journal: "delete") }
    func testReadsWorkUnderAnotherWritersLockInWALMode() throws { try check(journal: "wal") }

    func testImmutableURIEscapesTheSpecialCharacters() {
        XCTAssertEqual(AppDatabase.immutableURI("/a b/c?d#e%f.sqlite"), "file:/a b/c%3fd%23e%25f.sqlite?immutable=1")
    }
}
