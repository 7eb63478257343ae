import XCTest
import CaseModel
@testable import ClinicalRules

/// Aplastic anaemia severity (Camitta 1976; Bacigalupo 1988; Killick et al., Br J Haematol 2016;172:187):
/// severe = cellularity < 25 % (or 25–50 % with < 30 % residual haematopoietic cells) and ≥ 2 of ANC < 0.5,
/// platelets < 20, reticulocytes < 60 ×10⁹/L; very severe = also ANC < 0.2.
final class AASeverityTests: XCTestCase {
    func cat(_ c: Double?, _ r: Double? = nil, anc: Double?, plt: Double?, retic: Double?) -> SchemeRiskAssessment {
        AASeverity.assess(cellularity: c, residualHaematopoiesis: r, anc: anc, platelets: plt, reticulocytes: retic)
    }

    func testBoundaries() {
        XCTAssertEqual(cat(20, anc: 0.4, plt: 15, retic: 80).category, "severe")
        XCTAssertEqual(cat(20, anc: 0.19, plt: 15, retic: 80).category, "very-severe")
        XCTAssertEqual(cat(20, anc: 0.2, plt: 15, retic: 80).category, "severe")          // ANC 0.2 is not < 0.2
        XCTAssertEqual(cat(20, anc: 0.5, plt: 15, retic: 80).category, "non-severe")      // only one count criterion
        XCTAssertEqual(cat(20, anc: 0.6, plt: 19, retic: 59).category, "severe")
        XCTAssertEqual(cat(20, anc: 0.6, plt: 20, retic: 60).category, "non-severe")
        XCTAssertEqual(cat(25, 29, anc: 0.4, plt: 15, retic: 80).category, "severe")      // 25–50 % with < 30 % residual
        XCTAssertEqual(cat(25, 30, anc: 0.4, plt: 15, retic: 80).category, "non-severe")
        XCTAssertEqual(cat(55, anc: 0.1, plt: 5, retic: 10).category, "non-severe")       // cellular marrow
    }

    func testMissingData() {
        let a = cat(nil, anc: 0.1, plt: 5, retic: 10)
        XCTAssertEqual(a.category, SchemeRiskAssessment.notEvaluable)
        XCTAssertEqual(a.possible, ["non-severe", "very-severe"])
        XCTAssertEqual(a.missing, ["marrow cellularity"])
        // Counts alone exclude severe: non-severe whatever the marrow shows, nothing reported missing.
        let b = cat(nil, anc: 1.2, plt: 50, retic: 80)
        XCTAssertEqual(b.category, "non-severe"); XCTAssertTrue(b.complete)
        // 25–50 % without the residual-cell fraction.
        let c = cat(40, anc: 0.4, plt: 15, retic: 80)
        XCTAssertEqual(c.possible, ["non-severe", "severe"])
        XCTAssertTrue(c.missing.first?.contains("residual") ?? false)
        // ANC missing: reticulocytes and platelets suffice for severe, but very severe is then open.
        let d = cat(10, anc: nil, plt: 5, retic: 10)
        XCTAssertEqual(d.possible, ["severe", "very-severe"])
    }
}
