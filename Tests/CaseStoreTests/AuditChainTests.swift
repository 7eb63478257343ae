import CaseModel
@testable import CaseStore
import Foundation
import GRDB
import XCTest

/// Issue 12 item 8: the audit log is append-only (triggers refuse UPDATE and DELETE) and hash-chained, so a row
/// altered or removed outside the app is found by `verifyAuditChain` (`caseboard audit verify`), which names the
/// first bad row. Hash: SHA-256, FIPS 180-4 (vectors in SHA256Tests).
final class AuditChainTests: XCTestCase {
    /// Three fixture patients imported (one audit row) plus screening writes (one row each).
    func populated() throws -> AppDatabase {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db, user: "coord.z")
        try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "SL-AML-0001", status: .identified))
        try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "SL-AML-0001", status: .preScreened))
        try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-002", patient: "SL-AML-0002", status: .identified))
        try s.undoLastChange()
        return db
    }

    func ids(_ db: AppDatabase) throws -> [Int64] {
        try db.read { try Int64.fetchAll($0, sql: "SELECT id FROM auditLog ORDER BY id") }
    }

    func testEveryRowIsChainedToThePreviousOne() throws {
        let db = try populated()
        let rows = try db.read { try Row.fetchAll($0, sql: "SELECT id, prevHash, hash FROM auditLog ORDER BY id") }
        XCTAssertEqual(rows.count, 5, "import + 3 screening changes + 1 undo")
        XCTAssertEqual(rows[0]["prevHash"] as String?, AuditChain.genesis)
        for i in 1..<rows.count { XCTAssertEqual(rows[i]["prevHash"] as String?, rows[i - 1]["hash"] as String?) }
        let v = try db.verifyAuditChain()
        XCTAssertTrue(v.intact, v.problem ?? "")
        XCTAssertEqual(v.rowsChecked, 5)
        XCTAssertEqual(v.head, rows[4]["hash"] as String?)
    }

    func testUpdateAndDeleteAreRefusedByTheTriggers() throws {
        let db = try populated()
        XCTAssertThrowsError(try db.dbWriter.write { try $0.execute(sql: "UPDATE auditLog SET who = 'mallory' WHERE id = 2") }) {
            XCTAssertTrue("\($0)".contains("append-only"), "\($0)")
        }
        XCTAssertThrowsError(try db.dbWriter.write { try $0.execute(sql: "DELETE FROM auditLog WHERE id = 2") }) {
            XCTAssertTrue("\($0)".contains("append-only"), "\($0)")
        }
        XCTAssertThrowsError(try db.dbWriter.write {
            try $0.execute(sql: "INSERT INTO auditLog (at, who, action, entity) VALUES ('x', 'mallory', 'forged', 'patient')")
        }) { XCTAssertTrue("\($0)".contains("hash chain"), "\($0)") }
        XCTAssertEqual(try ids(db).count, 5)
        XCTAssertTrue(try db.verifyAuditChain().intact)
    }

    func testARowAlteredOutsideTheAppIsNamed() throws {
        let db = try populated()
        try db.dbWriter.write { db in
            try db.execute(sql: "DROP TRIGGER auditLog_append_only_update")
            try db.execute(sql: "UPDATE auditLog SET who = 'mallory' WHERE id = 3")
        }
        let v = try db.verifyAuditChain()
        XCTAssertEqual(v.firstBadRow, 3)
        XCTAssertEqual(v.rowsChecked, 2)
        XCTAssertTrue(v.problem?.contains("row 3 was changed") == true, v.problem ?? "")
    }

    func testARowRemovedOutsideTheAppIsFoundAtTheNextRow() throws {
        let db = try populated()
        try db.dbWriter.write { db in
            try db.execute(sql: "DROP TRIGGER auditLog_append_only_delete")
            try db.execute(sql: "DELETE FROM auditLog WHERE id = 2")
        }
        let v = try db.verifyAuditChain()
        XCTAssertEqual(v.firstBadRow, 3)
        XCTAssertTrue(v.problem?.contains("removed") == true, v.problem ?? "")
    }

    func testTheNewestRowRemovedIsFoundThroughTheHeadAnchor() throws {
        let db = try populated()
        try db.dbWriter.write { db in
            try db.execute(sql: "DROP TRIGGER auditLog_append_only_delete")
            try db.execute(sql: "DELETE FROM auditLog WHERE id = 5")
        }
        let v = try db.verifyAuditChain()
        XCTAssertEqual(v.firstBadRow, 5)
        XCTAssertFalse(v.intact)
        // Appending after a truncation never reuses the removed id.
        try db.appendAudit(AuditEntry(at: "t", who: "w", action: "a", entity: "e", before: nil, after: nil))
        XCTAssertEqual(try ids(db).last, 6)
    }

    /// Undo appends (never updates the undone row): the undone row's hash still verifies after the undo.
    func testUndoLeavesTheUndoneRowAsWritten() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        try s.setScreeningStatus(ScreeningChange(trial: "SL-T-AML-001", patient: "SL-AML-0001", status: .identified))
        let before = try db.read { try Row.fetchOne($0, sql: "SELECT * FROM auditLog WHERE id = 2") }
        let undo = try s.undoLastChange()
        let after = try db.read { try Row.fetchOne($0, sql: "SELECT * FROM auditLog WHERE id = 2") }
        XCTAssertEqual(before, after)
        XCTAssertEqual(try db.read { try Int64.fetchOne($0, sql: "SELECT undoes FROM auditLog WHERE id = ?", arguments: [undo.id]) }, 2)
        WorkflowTestSupport.assertThrows(.nothingToUndo) { try s.undoLastChange() }
        XCTAssertTrue(try db.verifyAuditChain().intact)
    }

    /// A database written before the chain existed: the new migration chains its rows and turns the legacy
    /// `undoneBy` link into `undoes` on the undo row.
    func testTheMigrationChainsExistingRows() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v12-hardening-decision-version")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO auditLog (at, who, action, entity, session) VALUES ('t1', 'a', 'screening.identified', 'screening/T/P', 's')")
            try db.execute(sql: "INSERT INTO auditLog (at, who, action, entity, session) VALUES ('t2', 'a', 'undo', 'screening/T/P', 's')")
            try db.execute(sql: "UPDATE auditLog SET undoneBy = 2 WHERE id = 1")
            try db.execute(sql: "INSERT INTO auditLog (at, who, action, entity) VALUES ('t3', 'b', 'import', 'patient')")
        }
        let db = try AppDatabase(queue)
        let v = try db.verifyAuditChain()
        XCTAssertTrue(v.intact, v.problem ?? "")
        XCTAssertEqual(v.rowsChecked, 3)
        XCTAssertEqual(try db.read { try Int64.fetchOne($0, sql: "SELECT undoes FROM auditLog WHERE id = 2") }, 1)
        try db.appendAudit(AuditEntry(at: "t4", who: "c", action: "x", entity: "e", before: nil, after: nil))
        XCTAssertEqual(try db.verifyAuditChain().rowsChecked, 4)
    }

    /// The canonical serialisation is length-prefixed: moving text between fields changes the hash.
    func testCanonicalFormIsUnambiguous() {
        let a = AuditChain.Fields(id: 1, at: "ab", who: "c", action: "x", entity: "e", before: nil, after: nil,
                                  session: nil, undoes: nil, prevHash: AuditChain.genesis)
        var b = a; b.at = "a"; b.who = "bc"
        var c = a; c.before = ""
        XCTAssertNotEqual(AuditChain.hash(a), AuditChain.hash(b))
        XCTAssertNotEqual(AuditChain.hash(a), AuditChain.hash(c), "NULL and empty differ")
        XCTAssertEqual(AuditChain.hash(a), AuditChain.hash(a))
    }
}
