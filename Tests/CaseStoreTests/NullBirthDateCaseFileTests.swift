import CaseModel
@testable import CaseStore
import Foundation
import XCTest

/// formats.md §1: `birthDate` is required but may be `null` when the source does not record it; the export writes it
/// back as null (import → export → import lossless).
final class NullBirthDateCaseFileTests: XCTestCase {
    let base = #"{"id": "P-1", "sex": "unknown", "diagnoses": [{"date": "2026-01-10", "category": "AML"}]"#

    func testNullIsAcceptedMissingIsNot() throws {
        var r = CaseFileReader()
        r.read(data: TestFixtures.caseFile([base + #", "birthDate": null}"#]), file: "in.json")
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.patients.count, 1)
        XCTAssertNil(r.patients.first?.birthDate)
        var m = CaseFileReader()
        m.read(data: TestFixtures.caseFile([base + "}"]), file: "in.json")
        XCTAssertEqual(m.errors.map(\.description), ["in.json: patient P-1: $.patients[0].birthDate: required field is missing"])
        var bad = CaseFileReader()
        bad.read(data: TestFixtures.caseFile([base + #", "birthDate": "1970-02-30"}"#]), file: "in.json")
        XCTAssertEqual(bad.errors.count, 1)

        let db = try AppDatabase.inMemory()
        try db.importPatients(r.patients, who: "t", source: "t")
        let text = String(decoding: try CaseFileWriter.data(try db.patients()), as: UTF8.self)
        XCTAssertTrue(text.contains(#""birthDate" : null"#), text)
        var again = CaseFileReader()
        again.read(data: Data(text.utf8), file: "export.json")
        XCTAssertEqual(again.errors, [])
        XCTAssertEqual(again.patients, try db.patients())
    }
}
