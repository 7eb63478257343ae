import XCTest
import CaseModel
@testable import ClinicalRules

/// ELTS (Pfirrmann et al., Leukemia 2016;30:48) and Sokal (Sokal et al., Blood 1984;63:789): the published
/// formulas evaluated by hand (values below computed independently from the papers' formulas) and the
/// published category cut-offs (ELTS low ≤ 1.5680 < intermediate ≤ 2.2185 < high; Sokal low < 0.8 ≤
/// intermediate ≤ 1.2 < high).
final class CMLScoreTests: XCTestCase {
    typealias F = Fixtures
    typealias R = RiskFixtures

    func testELTSFormula() {
        XCTAssertEqual(ELTS.score(age: 30, spleen: 0, blasts: 0, platelets: 250), 0.8883, accuracy: 1e-4)
        XCTAssertEqual(ELTS.score(age: 50, spleen: 5, blasts: 2, platelets: 300), 1.5797, accuracy: 1e-4)
        XCTAssertEqual(ELTS.score(age: 70, spleen: 10, blasts: 5, platelets: 600), 2.5283, accuracy: 1e-4)
        XCTAssertEqual(ELTS.assess(age: 30, spleen: 0, blasts: 0, platelets: 250).category, "low")
        XCTAssertEqual(ELTS.assess(age: 50, spleen: 5, blasts: 2, platelets: 300).category, "intermediate")
        XCTAssertEqual(ELTS.assess(age: 70, spleen: 10, blasts: 5, platelets: 600).category, "high")
    }

    func testSokalFormula() {
        XCTAssertEqual(Sokal.score(age: 30, spleen: 0, blasts: 0, platelets: 250), 0.5053, accuracy: 1e-4)
        XCTAssertEqual(Sokal.score(age: 50, spleen: 5, blasts: 2, platelets: 300), 0.9137, accuracy: 1e-4)
        XCTAssertEqual(Sokal.score(age: 70, spleen: 10, blasts: 5, platelets: 600), 1.9817, accuracy: 1e-4)
        XCTAssertEqual(Sokal.assess(age: 30, spleen: 0, blasts: 0, platelets: 250).category, "low")
        XCTAssertEqual(Sokal.assess(age: 50, spleen: 5, blasts: 2, platelets: 300).category, "intermediate")
        XCTAssertEqual(Sokal.assess(age: 70, spleen: 10, blasts: 5, platelets: 600).category, "high")
        // Discordance the ELTS paper describes: Sokal high, ELTS low (older patient, high platelets).
        XCTAssertEqual(Sokal.assess(age: 60, spleen: 3, blasts: 3, platelets: 900).category, "high")
        XCTAssertEqual(ELTS.assess(age: 60, spleen: 3, blasts: 3, platelets: 900).category, "low")
    }

    func testCategoryBoundaries() {
        XCTAssertEqual(ELTS.ladder.category(1.5680), "low"); XCTAssertEqual(ELTS.ladder.category(1.5681), "intermediate")
        XCTAssertEqual(ELTS.ladder.category(2.2185), "intermediate"); XCTAssertEqual(ELTS.ladder.category(2.2186), "high")
        XCTAssertEqual(Sokal.ladder.category(0.7999), "low"); XCTAssertEqual(Sokal.ladder.category(0.8), "intermediate")
        XCTAssertEqual(Sokal.ladder.category(1.2), "intermediate"); XCTAssertEqual(Sokal.ladder.category(1.2001), "high")
    }

    /// Missing spleen size: never 0 cm. A young patient with low counts stays provisional; an old one is
    /// high whatever the spleen (ELTS ≥ 2.2185 already at spleen 0).
    func testMissingSpleen() {
        let a = ELTS.assess(age: 30, spleen: nil, blasts: 0, platelets: 250)
        XCTAssertEqual(a.category, SchemeRiskAssessment.notEvaluable)
        XCTAssertFalse(a.complete)
        XCTAssertNil(a.score)
        XCTAssertEqual(a.missing, ["spleen size at diagnosis (cm below the costal margin)"])
        XCTAssertEqual(a.possible, ["low", "intermediate", "high"])
        let b = ELTS.assess(age: 85, spleen: nil, blasts: 10, platelets: 600)
        XCTAssertEqual(b.category, "high")
        XCTAssertFalse(b.complete)
    }

    func testFromPatientData() {
        let p = R.patient(.cml, birth: "1976-01-01", blastsPB: 2,
                          labs: [R.lab("platelets", 300, "10^9/L")], findings: [R.finding("spleen-cm", .number(5))])
        let risks = RiskSchemes.assess(p, today: F.today)
        XCTAssertEqual(risks.map(\.scheme), ["ELTS", "Sokal", "CML-ELN2020-milestone"])
        XCTAssertEqual(risks[0].category, "intermediate")   // age 50 at diagnosis → 1.5797
        XCTAssertEqual(risks[0].score ?? 0, 1.5797, accuracy: 1e-4)
        XCTAssertEqual(risks[1].category, "intermediate")
        XCTAssertTrue(risks[0].complete && risks[1].complete)
        // No BCR::ABL1 result and no TKI: the milestone assessment is not evaluable and says so (never a default).
        XCTAssertEqual(risks[2].category, SchemeRiskAssessment.notEvaluable)
        XCTAssertFalse(risks[2].complete)
    }
}
