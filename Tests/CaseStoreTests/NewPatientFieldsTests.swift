import CaseModel
import Foundation
import XCTest
@testable import CaseStore

/// formats.md §1 patient fields `comorbiditiesReviewed` and `testedFusions` (issue 11 points 16–17): read,
/// validated, written and stored losslessly (migration "v4-comorbidities-reviewed-fusion-panels").
final class NewPatientFieldsTests: XCTestCase {
    let json = """
        {"id": "P-1", "sex": "male", "birthDate": "1970-05-04", "diagnoses": [{"date": "2026-01-10", "category": "AML"}],
         "comorbiditiesReviewed": "2026-01-12",
         "testedFusions": [{"date": "2026-01-11", "assay": "RNA fusion panel", "tissue": "BM", "genes": ["NUP98", "KMT2A"]}]}
        """

    func read(_ patient: String) -> CaseFileReader {
        var r = CaseFileReader()
        r.read(data: TestFixtures.caseFile([patient]), file: "in.json")
        return r
    }

    func testReadStoreAndWriteRoundTrip() throws {
        let r = read(json)
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.warnings, [], "the fields are known, not kept as unknown-field warnings")
        guard let p = r.patients.first else { return XCTFail("patient not read") }
        XCTAssertEqual(p.comorbiditiesReviewed, LocalDate("2026-01-12"))
        XCTAssertEqual(p.testedFusions, [FusionPanel(date: LocalDate("2026-01-11") ?? p.diagnoses[0].date, assay: "RNA fusion panel",
                                                    tissue: .bm, genes: ["NUP98", "KMT2A"])])
        let db = try AppDatabase.inMemory()
        _ = try db.importPatients([p])
        XCTAssertEqual(try db.patient(id: "P-1"), p, "lossless through the store")
        let data = try JSONEncoder().encode(CaseFile(patients: [p]))
        XCTAssertEqual(try JSONDecoder().decode(CaseFile.self, from: data).patients, [p], "lossless through the writer")
        var absent = p
        absent.comorbiditiesReviewed = nil; absent.testedFusions = []
        let text = String(decoding: try JSONEncoder().encode(absent), as: UTF8.self)
        XCTAssertFalse(text.contains("comorbiditiesReviewed") || text.contains("testedFusions"), "absent stays absent")
    }

    func testBadValuesNameThePath() {
        let bad = json.replacingOccurrences(of: "\"2026-01-12\"", with: "\"2026-13-12\"")
            .replacingOccurrences(of: "\"genes\": [\"NUP98\", \"KMT2A\"]", with: "\"genes\": \"NUP98\"")
        XCTAssertEqual(read(bad).errors.map(\.description), [
            "in.json: patient P-1: $.patients[0].comorbiditiesReviewed: \"2026-13-12\" is not a real calendar date",
            "in.json: patient P-1: $.patients[0].testedFusions[0].genes: expected an array, found a string",
        ])
    }
}
