import CaseModel
import GRDB
import XCTest
@testable import CaseStore

/// The column-by-column load path (`PatientColumnLoad`, issue #16) against the reference row-by-row loader
/// (`PatientRows.load`): the same patients, field for field, for full and filtered loads; corrupt values are
/// refused with the same table/column/value.
final class PatientColumnLoadTests: XCTestCase {
    func demoFile(_ count: Int) throws -> (path: String, patients: [Patient]) {
        let sources = try DemoSources.load(demoDirectory: DemoDatabaseTests.demoDirectory())
        var gen = DemoGenerator(sources: sources)
        let patients = try gen.generate(count: count) + [TestFixtures.patient("ZZ-1", variants: 3)]
        let path = TestFixtures.tempDirectory().appendingPathComponent("load.sqlite").path
        let db = try AppDatabase.open(path: path, create: true)
        try db.importPatients(patients, who: "t")
        return (path, patients)
    }

    func testSamePatientsAsTheRowLoaderFullAndFiltered() throws {
        let (path, patients) = try demoFile(250)
        let db = try AppDatabase.open(path: path)
        let fast = try db.patients(), reference = try db.patientsThroughRows()
        XCTAssertEqual(fast.count, patients.count)
        XCTAssertEqual(fast, reference)
        XCTAssertEqual(fast, patients.sorted { $0.id < $1.id }.map(TestFixtures.stored))
        // The generator fills every child table somewhere: a loader that dropped one would differ above only if the
        // data has it, so check that it does.
        XCTAssertTrue(fast.contains { !$0.variants.isEmpty } && fast.contains { !$0.mrd.isEmpty } && fast.contains { !$0.therapies.isEmpty })
        XCTAssertTrue(fast.contains { !$0.karyotypes.isEmpty } && fast.contains { !$0.labs.isEmpty } && fast.contains { !$0.followUps.isEmpty })
        for p in fast.prefix(40) { XCTAssertEqual(try db.patient(id: p.id), p) }
        let ids = fast.map(\.id)
        let lo = ids[10], hi = ids[60]
        let range = try db.read { try PatientColumnLoad.load($0, whereClause: "WHERE p.id BETWEEN ? AND ?", arguments: [lo, hi]) }
        let rangeReference = try db.read { try PatientRows.load($0, whereClause: "WHERE p.id BETWEEN ? AND ?", arguments: [lo, hi]) }
        XCTAssertEqual(range.count, 51)
        XCTAssertEqual(range, rangeReference)
        XCTAssertThrowsError(try db.patient(id: "no-such-id")) { e in
            guard case StoreError.unknownPatient(let id) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(id, "no-such-id")
        }
    }

    func testBaselineReadsEveryRowTheLoaderReads() throws {
        let (path, _) = try demoFile(60)
        let db = try AppDatabase.open(path: path)
        let expected = try db.read { db in
            try PatientColumnLoad.childTables.reduce(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patient") ?? -1) {
                $0 + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($1.table)") ?? -1)
            }
        }
        XCTAssertEqual(try db.readPatientRowsBaseline().rows, expected)
    }

    func testCorruptValuesAreRefusedNamingTableColumnAndValue() throws {
        for (sql, table, column, value) in [
            ("UPDATE diagnosis SET date = '2025-02-29'", "diagnosis", "date", "2025-02-29"),
            ("UPDATE variant SET origin = 'sideways'", "variant", "origin", "sideways"),
            ("UPDATE patient SET birthDate = '1960-2-29'", "patient", "birthDate", "1960-2-29"),
        ] {
            let (path, _) = try demoFile(3)
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: sql) }
            try queue.close()
            let db = try AppDatabase.open(path: path)
            for load in [{ try db.patients() }, { try db.patientsThroughRows() }] {
                XCTAssertThrowsError(try load(), sql) { e in
                    guard case StoreError.corrupt(let t, let c, let v) = e else { return XCTFail("\(sql): \(e)") }
                    XCTAssertEqual([t, c, v], [table, column, value], sql)
                }
            }
        }
    }

    func testListColumnsKeepEmptyElementsLikeTheRowLoader() throws {
        var p = TestFixtures.patient("L-1")
        p.karyotypes = [Karyotype(date: TestFixtures.date("2026-01-10"), tissue: .bm, iscn: nil, abnormalities: ["", "-7", ""]),
                        Karyotype(date: TestFixtures.date("2026-01-11"), tissue: .bm, iscn: "46,XX[20]", abnormalities: [])]
        let db = try AppDatabase.inMemory()
        try db.importPatients([p], who: "t")
        let loaded = try db.patients()
        XCTAssertEqual(loaded.first?.karyotypes.map(\.abnormalities), [["", "-7", ""], []])
        XCTAssertEqual(loaded, try db.patientsThroughRows())
    }
}
