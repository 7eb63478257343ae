import XCTest
import CaseModel
@testable import BoardApp

/// Issue 11 point 1 (formats.md §4: "when `complete` is false the risk is provisional and every display
/// says so"): the case list shows `fav?`, the case header "(provisional)", ELN 2024 "not applicable".
final class ProvisionalRiskDisplayTests: XCTestCase {
    func testCaseListGlyph() {
        XCTAssertEqual(ClinicalGlyphs.eln(.favorable, complete: false).text, "fav?")
        XCTAssertEqual(ClinicalGlyphs.eln(.favorable, complete: true).text, "fav")
        XCTAssertEqual(ClinicalGlyphs.eln(nil, complete: false, ascii: true).text, "-", "no risk stays a dash")
    }

    func testCaseHeaderWord() {
        let provisional = RiskAssessment(risk: .favorable, drivers: [], missing: ["karyotype"], rule: "ELN 2022")
        XCTAssertEqual(ClinicalGlyphs.elnWord(provisional).text, "favourable (provisional)")
        var na = RiskAssessment(risk: .intermediate, drivers: [], rule: "ELN 2024")
        na.applicable = false
        XCTAssertEqual(ClinicalGlyphs.elnWord(na).text, "not applicable")
    }
}
