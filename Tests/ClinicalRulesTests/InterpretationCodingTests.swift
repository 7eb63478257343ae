import XCTest
import Foundation
import CaseModel
@testable import ClinicalRules

final class InterpretationCodingTests: XCTestCase {
    func testJSONHasTheKeysOfFormats() throws {
        let p = Fixtures.aml(karyotype: ["-7"], category: .apl)
        let data = try JSONEncoder().encode(Interpretation.interpret(p, today: Fixtures.today))
        let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        for k in ["eln2022", "eln2024LessIntensive", "germline", "mrd", "followUps", "age"] {
            XCTAssertTrue(obj?.keys.contains(k) == true, k)
        }
        XCTAssertTrue(obj?["eln2022"] is NSNull, "eln2022 is null for APL")
    }

    func testSummaryNamesRiskAndFlags() {
        var p = Fixtures.aml(karyotype: ["-7"], birth: "2000-01-01")
        p.mrd = [MRDResult(date: Fixtures.d("2026-03-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: false, controlCopies: 40_000),
                 MRDResult(date: Fixtures.d("2026-04-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.001)]
        let lines = Interpretation.interpret(p, today: Fixtures.d("2026-04-10")).summaryLines()
        XCTAssertTrue(lines[0].hasPrefix("ELN 2022: adverse"))
        XCTAssertTrue(lines.contains { $0.contains("[red-flag]") && $0.contains("monosomy 7") })
        XCTAssertTrue(lines.contains { $0.contains("conversion 2026-04-01") && $0.contains("confirm by 2026-04-29") })
    }
}
