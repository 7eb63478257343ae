import CaseModel
@testable import CaseStore
import Foundation
import GRDB
import XCTest

/// Issue 12, failure 2: `demo-db --out EXISTING` silently replaced a real case database and `export --db X --out X`
/// overwrote the database with JSON. Build item 2: backup and restore of the whole database; item 7: file modes.
final class OverwriteGuardTests: XCTestCase {
    func realDatabase(_ dir: URL) throws -> (AppDatabase, String) {
        let path = dir.appendingPathComponent("real.sqlite").path
        let db = try AppDatabase.open(path: path, create: true)
        try db.importPatients([TestFixtures.patient("P1"), TestFixtures.patient("P2")], who: "import")
        let s = try WorkflowTestSupport.service(db, user: "dr.b")
        let m = try s.createMeeting(date: WorkflowTestSupport.today, name: "RCP")
        _ = try s.addToAgenda(meetingId: m.id, patientId: "P1", question: "allo?")
        try s.completeTask(id: "P1:vacc-1")
        return (db, path)
    }

    func testContentIsRecognised() throws {
        let dir = TestFixtures.tempDirectory()
        let (_, real) = try realDatabase(dir)
        XCTAssertEqual(OutputGuard.content(of: real), .caseDatabase)
        XCTAssertEqual(OutputGuard.content(of: dir.appendingPathComponent("none").path), .nothing)
        let json = dir.appendingPathComponent("e.json")
        try CaseFileWriter.data([TestFixtures.patient("P1")]).write(to: json)
        XCTAssertEqual(OutputGuard.content(of: json.path), .caseFile)
        let txt = dir.appendingPathComponent("notes.txt")
        try Data("my notes".utf8).write(to: txt)
        XCTAssertEqual(OutputGuard.content(of: txt.path), .other)
        let foreign = dir.appendingPathComponent("foreign.sqlite").path
        let q = try DatabaseQueue(path: foreign)
        try q.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        try q.close()
        XCTAssertEqual(OutputGuard.content(of: foreign), .otherSQLite)
        XCTAssertEqual(OutputGuard.content(of: dir.path), .other)
    }

    func testDemoOutputRefusesARealDatabaseUnlessForced() throws {
        let dir = TestFixtures.tempDirectory()
        let (_, real) = try realDatabase(dir)
        let before = FileManager.default.contents(atPath: real)
        XCTAssertThrowsError(try OutputGuard.check(real, writing: "a synthetic demo database", mayReplace: [.demoDatabase], force: false, openDatabase: nil)) { e in
            XCTAssertEqual("\(e)", "refusing to replace \(real): it holds a Caseboard case database, not a synthetic demo database; choose another file, or pass --force to replace it. Nothing was written.")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: real), before)
        XCTAssertNoThrow(try OutputGuard.check(real, writing: "a synthetic demo database", mayReplace: [.demoDatabase], force: true, openDatabase: nil))
        // An earlier demo may be replaced.
        let demo = dir.appendingPathComponent("demo.sqlite").path
        let ddb = try AppDatabase.open(path: demo, create: true)
        try ddb.write("mark") { try AppDatabase.setMetadata("demo", "true", db: $0) }
        XCTAssertEqual(OutputGuard.content(of: demo), .demoDatabase)
        XCTAssertNoThrow(try OutputGuard.check(demo, writing: "a synthetic demo database", mayReplace: [.demoDatabase], force: false, openDatabase: nil))
    }

    func testExportNeverWritesOntoTheOpenDatabaseEvenWithForce() throws {
        let dir = TestFixtures.tempDirectory()
        let (db, real) = try realDatabase(dir)
        for force in [false, true] {
            for target in [real, real + "-wal", dir.appendingPathComponent("./real.sqlite").path] {
                XCTAssertThrowsError(try OutputGuard.check(target, writing: "a caseboard-cases export", mayReplace: [.caseFile], force: force, openDatabase: db.path)) { e in
                    XCTAssertTrue("\(e)".contains("it is the database this command has open"), "\(e)")
                }
            }
        }
        let json = dir.appendingPathComponent("e.json").path
        try CaseFileWriter.data([TestFixtures.patient("P1")]).write(to: URL(fileURLWithPath: json))
        XCTAssertNoThrow(try OutputGuard.check(json, writing: "a caseboard-cases export", mayReplace: [.caseFile], force: false, openDatabase: db.path))
    }

    func testBackupCopiesEverythingAndRestoreChecksIntegrity() throws {
        let dir = TestFixtures.tempDirectory()
        let (db, _) = try realDatabase(dir)
        let backup = dir.appendingPathComponent("b.sqlite").path
        let r = try DatabaseBackup.backup(db, to: backup)
        XCTAssertEqual(r.patients, 2)
        let tables = ["patient", "meeting", "meetingItem", "followUpState", "auditLog", "trialFile", "workflowTask"]
        func counts(_ path: String) throws -> [Int] {
            let q = try DatabaseQueue(path: path)
            defer { try? q.close() }
            return try q.read { db in try tables.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 } }
        }
        XCTAssertEqual(try counts(backup), try counts(db.path))
        XCTAssertGreaterThan(try counts(backup)[4], 0, "the audit is in the backup")
        XCTAssertThrowsError(try DatabaseBackup.backup(db, to: backup)) { XCTAssertTrue("\($0)".contains("the file exists"), "\($0)") }
        let restored = dir.appendingPathComponent("r.sqlite").path
        _ = try DatabaseBackup.restore(backup, to: restored)
        XCTAssertEqual(try counts(restored), try counts(db.path))
        XCTAssertEqual(try AppDatabase.open(path: restored).patientIDs(), ["P1", "P2"])
        XCTAssertThrowsError(try DatabaseBackup.restore(backup, to: restored)) { XCTAssertTrue("\($0)".contains("the file exists"), "\($0)") }
        // A damaged backup is refused: overwrite a page in the middle of the file.
        let damaged = dir.appendingPathComponent("damaged.sqlite").path
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: backup))
        XCTAssertGreaterThan(bytes.count, 3 * 4096)
        for i in (2 * 4096)..<(2 * 4096 + 600) { bytes[i] = 0x5A }
        try bytes.write(to: URL(fileURLWithPath: damaged))
        XCTAssertThrowsError(try DatabaseBackup.restore(damaged, to: dir.appendingPathComponent("r2.sqlite").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r2.sqlite").path))
        // File modes: backups are 0600 whatever the umask.
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
    }

    func testPermissionsMask() {
        XCTAssertEqual(FilePermissions.mask(environment: [:]), 0o077)
        XCTAssertEqual(FilePermissions.mask(environment: ["CASEBOARD_GROUP_SHARED": "1"]), 0o007)
        // Issue 12 item 7: the --group-shared option (read from the raw arguments, before a `--`).
        XCTAssertEqual(FilePermissions.mask(environment: [:], groupShared: true), 0o007)
        XCTAssertTrue(FilePermissions.groupSharedRequested(["caseboard", "demo-db", "--group-shared", "--out", "x"]))
        XCTAssertFalse(FilePermissions.groupSharedRequested(["caseboard", "demo-db", "--out", "x"]))
        XCTAssertFalse(FilePermissions.groupSharedRequested(["caseboard", "note", "--", "--group-shared"]))
        XCTAssertFalse(FilePermissions.groupSharedRequested(["--group-shared"]), "argument 0 is the program")
    }
}

/// Issue 12, failures 13 and 16: a stored trial path outside its directory; CSV formula injection with `-`.
final class PathAndCSVHardeningTests: XCTestCase {
    func testStoredTrialPathWithDotDotOrSlashIsRefused() throws {
        let db = try AppDatabase.inMemory()
        for bad in ["../../../../outside/x.yaml", "sub/x.yaml", "..", ".hidden.yaml", "a\\b.yaml", "", "x\u{0}.yaml"] {
            XCTAssertNotNil(StoredTrialFile.pathProblem(bad), bad)
            XCTAssertThrowsError(try db.replaceTrialFiles([StoredTrialFile(path: bad, yaml: "id: X")], who: "t"), bad) {
                XCTAssertTrue($0 is SafetyError, "\($0)")
            }
        }
        XCTAssertNil(StoredTrialFile.pathProblem("AML-MENIN-01.yaml"))
        // A crafted database (row written behind the app's back) is refused on read, before anything is written.
        try db.write("craft") { try $0.execute(sql: "INSERT INTO trialFile (path, sha, yaml) VALUES ('../../../../outside/x.yaml', 'x', 'id: X')") }
        XCTAssertThrowsError(try db.trialFiles()) { e in
            XCTAssertEqual("\(e)", "refusing to use the database's trial catalogue: the trial catalogue holds \"../../../../outside/x.yaml\", a path with a directory separator, not a plain file name. Nothing was written.")
        }
    }

    func testCSVNeutralisesEveryFormulaStart() {
        XCTAssertEqual(ScreeningExport.field("-2+3"), "'-2+3")
        XCTAssertEqual(ScreeningExport.field("+1"), "'+1")
        XCTAssertEqual(ScreeningExport.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(ScreeningExport.field("\tx"), "'\tx")
        XCTAssertEqual(ScreeningExport.field("\r=cmd"), "\"'\r=cmd\"")
        XCTAssertEqual(ScreeningExport.field("\r\n=cmd"), "\"'\r\n=cmd\"")
        XCTAssertEqual(ScreeningExport.field("a-b"), "a-b")
    }
}

/// Issue 12, failure 15: "who" was free text (`--user ''` stored empty) and a re-import that replaced a case left
/// no trace of the old data.
final class AuditHardeningTests: XCTestCase {
    func testActorIsRequiredAndNonEmpty() throws {
        let db = try WorkflowTestSupport.database()
        for who in ["", "  ", "a\u{0}b"] {
            XCTAssertThrowsError(try db.importPatients([TestFixtures.patient("P9")], who: who)) { XCTAssertTrue($0 is SafetyError, "\($0)") }
            let s = try WorkflowTestSupport.service(db, user: who)
            XCTAssertThrowsError(try s.completeTask(id: "SL-AML-0001:vacc-1")) { XCTAssertTrue($0 is SafetyError, "\($0)") }
        }
        XCTAssertEqual(try db.taskStates().count, 0)
        XCTAssertFalse(try db.patientIDs().contains("P9"))
    }

    func testReplacedPatientLeavesItsHashAndSizeAndTheTrailListsEveryChange() throws {
        let db = try WorkflowTestSupport.database()
        let old = try db.patient(id: "SL-AML-0001")
        let oldBytes = Array(try CaseFileWriter.data([old]))
        var changed = TestFixtures.patient("SL-AML-0001", variants: 0)
        changed.mrd = []
        XCTAssertEqual(try db.importPatients([changed], who: "dr.reimport", source: "new.json"), 1)
        let s = try WorkflowTestSupport.service(db, user: "nurse.t")
        try s.completeTask(id: "SL-AML-0001:vacc-1")
        let trail = try db.auditTrail(patientId: "SL-AML-0001")
        let replace = try XCTUnwrap(trail.first { $0.action == "import.replace" })
        XCTAssertEqual(replace.who, "dr.reimport")
        XCTAssertEqual(replace.before, "{\"bytes\":\(oldBytes.count),\"sha256\":\"\(SHA256.hex(oldBytes))\"}")
        XCTAssertTrue(trail.contains { $0.action == "followUp.done" && $0.who == "nurse.t" }, "\(trail.map(\.action))")
        // Another case's rows are not in this trail (ids are matched exactly, `_` is not a wildcard).
        XCTAssertFalse(trail.contains { $0.entity.contains("SL-AML-0002") })
    }
}

/// Issue 12, failure 12: a foreign SQLite file with its own `patient` table got a `grdb_migrations` table added
/// (and the command exited 2); a database from a future schema was read and written without a warning.
final class OpenSafetyTests: XCTestCase {
    func testForeignSQLiteIsRefusedUntouched() throws {
        let path = TestFixtures.tempDirectory().appendingPathComponent("foreign.sqlite").path
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "CREATE TABLE patient (name TEXT); INSERT INTO patient VALUES ('x')") }
        try q.close()
        let before = FileManager.default.contents(atPath: path)
        XCTAssertThrowsError(try AppDatabase.open(path: path)) { e in
            guard let s = e as? StoreError, s.isUserError else { return XCTFail("\(e)") }
            XCTAssertTrue(s.description.contains("not a Caseboard one"), s.description)
        }
        XCTAssertEqual(FileManager.default.contents(atPath: path), before)
        let check = try DatabaseQueue(path: path)
        XCTAssertFalse(try check.read { try $0.tableExists("grdb_migrations") })
        try check.close()
    }

    func testNewerSchemaOpensReadOnlyWithANotice() throws {
        let path = TestFixtures.tempDirectory().appendingPathComponent("future.sqlite").path
        let db = try AppDatabase.open(path: path, create: true)
        try db.importPatients([TestFixtures.patient("P1")], who: "t")
        try db.write("future") { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        let again = try AppDatabase.open(path: path)
        XCTAssertTrue(again.isReadOnly)
        XCTAssertTrue(again.notice?.contains("newer schema") == true && again.notice?.contains("v99-from-the-future") == true, again.notice ?? "")
        XCTAssertEqual(try again.patientIDs(), ["P1"])
        XCTAssertThrowsError(try again.importPatients([TestFixtures.patient("P2")], who: "t"))
        XCTAssertNil(try AppDatabase.open(path: path, readOnly: true).notice, "asked read-only: nothing to say")
    }
}
