import CaseModel
import XCTest
@testable import CaseStore

final class CaseImporterTests: XCTestCase {
    func testFailedImportLeavesTheDatabaseByteForByteUnchanged() throws {
        let dir = TestFixtures.tempDirectory()
        let dbPath = dir.appendingPathComponent("cases.sqlite").path
        let good = dir.appendingPathComponent("good.json"), bad = dir.appendingPathComponent("bad.json")
        try CaseFileWriter.data([TestFixtures.patient("P1")]).write(to: good)
        _ = try CaseImporter.importFiles([good.path], into: dbPath, who: "t")
        let files = ["", "-wal", "-shm"].map { dbPath + $0 }
        let before = files.map { FileManager.default.contents(atPath: $0) }
        // A valid new patient plus one error far away: nothing at all may be written.
        var p2 = TestFixtures.patient("P2")
        p2.site = "Changed"
        var text = String(decoding: try CaseFileWriter.data([TestFixtures.patient("P1"), p2]), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"ecog\" : 1", with: "\"ecog\" : 7")
        try Data(text.utf8).write(to: bad)
        XCTAssertThrowsError(try CaseImporter.importFiles([bad.path], into: dbPath, who: "t")) { e in
            guard case .invalid(let errors, _)? = e as? CaseImporter.Failure else { return XCTFail("\(e)") }
            XCTAssertEqual(errors.map(\.description), [
                "\(bad.path): patient P1: $.patients[0].performanceStatus[0].ecog: ECOG must be an integer from 0 to 4, found 7",
                "\(bad.path): patient P2: $.patients[1].performanceStatus[0].ecog: ECOG must be an integer from 0 to 4, found 7",
            ])
        }
        XCTAssertEqual(files.map { FileManager.default.contents(atPath: $0) }, before)
        XCTAssertEqual(try AppDatabase.open(path: dbPath).patientIDs(), ["P1"])
    }

    func testFailedImportDoesNotCreateADatabase() throws {
        let dir = TestFixtures.tempDirectory()
        let bad = dir.appendingPathComponent("bad.json")
        try TestFixtures.caseFile(["{\"id\": \"X\"}"]).write(to: bad)
        let dbPath = dir.appendingPathComponent("new.sqlite").path
        XCTAssertThrowsError(try CaseImporter.importFiles([bad.path], into: dbPath, who: "t"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dbPath))
    }

    func testRoundTripImportExportImportIsLossless() throws {
        let dir = TestFixtures.tempDirectory()
        let sources = try DemoSources.load(demoDirectory: DemoDatabaseTests.demoDirectory())
        var gen = DemoGenerator(sources: sources)
        let generated = try gen.generate(count: 120)
        let patients = generated + [TestFixtures.patient("ZZ-1", variants: 3)]
        let first = dir.appendingPathComponent("first.json")
        try CaseFileWriter.data(patients).write(to: first)
        let db1 = dir.appendingPathComponent("one.sqlite").path, db2 = dir.appendingPathComponent("two.sqlite").path
        _ = try CaseImporter.importFiles([first.path], into: db1, who: "t")
        let exported = try CaseFileWriter.data(try AppDatabase.open(path: db1).patients())
        let second = dir.appendingPathComponent("second.json")
        try exported.write(to: second)
        _ = try CaseImporter.importFiles([second.path], into: db2, who: "t")
        let again = try AppDatabase.open(path: db2).patients()
        XCTAssertEqual(again, patients.sorted { $0.id < $1.id }.map(TestFixtures.stored))
        XCTAssertEqual(again, try AppDatabase.open(path: db1).patients())
        XCTAssertEqual(try CaseFileWriter.data(again), exported, "export is deterministic")
    }

    func testExportIsSortedAndPrettyWithSortedKeys() throws {
        let text = String(decoding: try CaseFileWriter.data([TestFixtures.patient("B"), TestFixtures.patient("A")]), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"format\" : \"caseboard-cases\",\n  \"patients\" : ["), text)
        let a = try XCTUnwrap(text.range(of: "\"id\" : \"A\"")), b = try XCTUnwrap(text.range(of: "\"id\" : \"B\""))
        XCTAssertLessThan(a.lowerBound, b.lowerBound)
        XCTAssertTrue(text.hasSuffix("\"version\" : 1\n}\n"))
    }

    func testReadOnlyImportIsRefused() throws {
        let dir = TestFixtures.tempDirectory()
        let dbPath = dir.appendingPathComponent("c.sqlite").path
        let good = dir.appendingPathComponent("good.json")
        try CaseFileWriter.data([TestFixtures.patient("P1")]).write(to: good)
        _ = try CaseImporter.importFiles([good.path], into: dbPath, who: "t")
        XCTAssertThrowsError(try CaseImporter.importFiles([good.path], into: dbPath, readOnly: true, who: "t")) { e in
            XCTAssertEqual(e as? StoreError, .readOnly(path: dbPath, action: "import patients"))
        }
    }
}
