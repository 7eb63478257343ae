import CaseModel
import XCTest
@testable import CaseStore

/// Issue 11 point 8: an MRD value is a fraction of cells or copies (formats.md §1 MRDResult: "0 ≤ value ≤ 1
/// … a value above 1 is an import error"); a VAF is a fraction 0–1 (formats.md §1 Variant).
final class MRDPlausibilityTests: XCTestCase {
    func problems(_ extra: String) -> [String] {
        let patient = "{\"id\": \"P-1\", \"sex\": \"male\", \"birthDate\": \"1970-05-04\", \"diagnoses\": [{\"date\": \"2026-01-10\", \"category\": \"AML\"}], \(extra)}"
        var r = CaseFileReader()
        r.read(data: TestFixtures.caseFile([patient]), file: "in.json")
        return r.errors.map(\.description)
    }

    func mrd(_ values: [String]) -> String {
        "\"mrd\": [" + values.enumerated().map { i, v in
            "{\"date\": \"2026-0\(i + 1)-01\", \"marker\": \"NPM1\", \"method\": \"qPCR\", \"tissue\": \"PB\", \"detected\": true, \"value\": \(v)}"
        }.joined(separator: ", ") + "]"
    }

    func testMRDValueAboveOneIsAnErrorNamingThePath() {
        // The issue's own example: the fourth result (mrd[3]) recorded as 581 (a percent or copy number).
        XCTAssertEqual(problems(mrd(["0.01", "0.001", "0.0001", "581"])),
                       ["in.json: patient P-1: $.patients[0].mrd[3].value: MRD value is a fraction (0–1), found 581"])
    }

    func testMRDBoundaries() {
        // 1 (every cell) and 0 are the ends of the allowed range; just above 1 is not.
        XCTAssertEqual(problems(mrd(["1", "0"])), [])
        XCTAssertEqual(problems(mrd(["1.0001"])),
                       ["in.json: patient P-1: $.patients[0].mrd[0].value: MRD value is a fraction (0–1), found 1.0001"])
    }

    func testMRDSensitivityAboveOneIsAnError() {
        let m = "\"mrd\": [{\"date\": \"2026-01-01\", \"marker\": \"NPM1\", \"method\": \"qPCR\", \"tissue\": \"PB\", \"detected\": false, \"sensitivity\": 10}]"
        XCTAssertEqual(problems(m),
                       ["in.json: patient P-1: $.patients[0].mrd[0].sensitivity: MRD sensitivity is a fraction (0–1), found 10"])
    }

    func testVAFOutsideZeroOneIsAnError() {
        XCTAssertEqual(problems("\"variants\": [{\"gene\": \"TP53\", \"date\": \"2026-01-10\", \"vaf\": 1.5}]"),
                       ["in.json: patient P-1: $.patients[0].variants[0].vaf: VAF (a fraction) must be between 0 and 1, found 1.5"])
        XCTAssertEqual(problems("\"variants\": [{\"gene\": \"TP53\", \"date\": \"2026-01-10\", \"vaf\": 1}]"), [])
    }
}
