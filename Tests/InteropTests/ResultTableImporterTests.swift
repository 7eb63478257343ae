import CaseModel
import CaseStore
import Foundation
@testable import Interop
import XCTest

/// `import-results` with the example maps shipped under demo-db/interop/ and hand-made bad tables.
final class ResultTableImporterTests: XCTestCase {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("demo-db/interop")

    func write(_ text: String, _ ext: String) throws -> String {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("rt-\(UUID().uuidString).\(ext)")
        try text.write(to: u, atomically: true, encoding: .utf8)
        return u.path
    }

    func testGenericLabExample() throws {
        let m = try ResultTableImporter.map(path: Self.demo.appendingPathComponent("lab-results.map.yaml").path)
        let (rows, warnings) = try ResultTableImporter.rows(path: Self.demo.appendingPathComponent("lab-results.example.csv").path, map: m)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(rows.compactMap(\.lab).map { "\($0.date) \($0.test) \($0.value) \($0.unit)" },
                       ["2026-11-02 ANC 1.2 G/L", "2026-11-02 platelets 85.0 G/L", "2026-11-02 hemoglobin 9.8 g/dL", "2026-11-02 creatinine 78.0 µmol/L"])
    }

    func testMRDExampleAndDuplicates() throws {
        let m = try ResultTableImporter.map(path: Self.demo.appendingPathComponent("mrd-qpcr.map.yaml").path)
        let (rows, _) = try ResultTableImporter.rows(path: Self.demo.appendingPathComponent("mrd-qpcr.example.csv").path, map: m)
        let mrd = rows.compactMap(\.mrd)
        XCTAssertEqual(mrd.count, 3)
        XCTAssertEqual(mrd[0].value ?? -1, 0.0052, accuracy: 1e-12, "0.52 % as a fraction")
        XCTAssertTrue(mrd[0].detected)
        XCTAssertEqual(mrd[0].controlCopies, 48000); XCTAssertEqual(mrd[0].sensitivity, 0.00001)
        XCTAssertFalse(mrd[1].detected); XCTAssertNil(mrd[1].value, "negative: not detected, no value (never 0 by default)")
        XCTAssertEqual(mrd[2].tissue, .bm); XCTAssertEqual(mrd[2].method, .qPCR)
        let lab = LabResult(date: LocalDate("2026-11-01")!, test: "ANC", value: 1, unit: "G/L")
        let p = Patient(id: "DEMO-EXAMPLE", sex: .male, birthDate: LocalDate("1970-01-01"), diagnoses: [], mrd: [mrd[0]], labs: [lab])
        let merged = ResultTableImporter.merge(rows, into: [p])
        XCTAssertEqual(merged.added, 2); XCTAssertEqual(merged.duplicates, 1, "the result already stored is skipped and counted")
        XCTAssertEqual(merged.patients.first?.mrd.count, 3)
        XCTAssertEqual(merged.perPatient.map { "\($0.id) \($0.added) \($0.unchanged)" }, ["DEMO-EXAMPLE 2 1"])
        XCTAssertEqual(merged.patients.first?.labs, [lab], "labs not carried by the table are kept")
        XCTAssertEqual(ResultTableImporter.merge(rows, into: []).unknown, ["DEMO-EXAMPLE"])
    }

    func testBadTablesEveryProblemLocated() throws {
        let map = try write("kind: mrd\ncolumns: {patient: P, date: D, marker: M, value: V, unit: U, tissue: T}\nconstants: {method: qPCR}\n", "yaml")
        let csv = try write("P,D,M,V,U,T\n,2026-01-01,NPM1,0.1,%,PB\nA,2026-02-30,NPM1,0.1,%,PB\nA,2026-01-01,NPM1,12,,PB\nA,2026-01-01,NPM1,abc,%,PB\nA,2026-01-01,NPM1,0.1,copies,PB\nA,2026-01-01,NPM1,0.1,%,CSF\n", "csv")
        let m = try ResultTableImporter.map(path: map)
        XCTAssertThrowsError(try ResultTableImporter.rows(path: csv, map: m)) { e in
            XCTAssertEqual((e as? InteropFailure)?.problems.map(\.description), [
                "\(csv): row 1, column P: no patient id",
                "\(csv): row 2, column D: expected a date YYYY-MM-DD, found \"2026-02-30\"",
                "\(csv): row 3, column V: an MRD value is a fraction 0–1 (or a percent with unit %), found 12.0",
                "\(csv): row 4, column V: expected a number, found \"abc\"",
                "\(csv): row 5, column U: MRD unit 'copies' is neither % nor a fraction (map it under units)",
                "\(csv): row 6, column T: unknown tissue 'CSF' (PB, BM)",
            ])
        }
        let missingCol = try write("P,D\nA,2026-01-01\n", "csv")
        XCTAssertThrowsError(try ResultTableImporter.rows(path: missingCol, map: m)) { e in
            XCTAssertTrue("\(e)".contains("line 1: column 'M' (marker) not in the header"), "\(e)")
        }
        let labMap = try write("kind: lab\ncolumns: {patient: P, date: D, test: T, value: V, unit: U}\n", "yaml")
        let labCSV = try write("P,D,T,V,U\nA,2026-01-01,bilirubin,1.2,furlongs\nA,2026-01-01,ANC,1.5,\n", "csv")
        XCTAssertThrowsError(try ResultTableImporter.rows(path: labCSV, map: try ResultTableImporter.map(path: labMap))) { e in
            XCTAssertEqual((e as? InteropFailure)?.problems.map(\.description), [
                "\(labCSV): row 1, column U: unit 'furlongs' cannot be converted for bilirubin (µmol/L)",
                "\(labCSV): row 2, column U: ANC 1.5 without a unit",
            ])
        }
        let badMap = try write("kind: labs\ncolumns: {patient: P}\n", "yaml")
        XCTAssertThrowsError(try ResultTableImporter.map(path: badMap)) { e in XCTAssertTrue("\(e)".contains("line 1: kind must be lab or mrd"), "\(e)") }
        let badKey = try write("kind: lab\ncolumns: {patient: P, date: D, test: T, value: V, colour: C}\nextra: 1\n", "yaml")
        XCTAssertThrowsError(try ResultTableImporter.map(path: badKey)) { e in
            let d = "\(e)"
            XCTAssertTrue(d.contains("unknown field 'extra'") && d.contains("columns: unknown key 'colour'"), d)
        }
    }
}
