import XCTest
import CaseModel
@testable import ClinicalRules

/// IPSS-R (Greenberg et al., Blood 2012;120:2454, Tables 2–4; cytogenetic groups of Schanz et al., JCO 2012).
final class IPSSRTests: XCTestCase {
    typealias F = Fixtures
    typealias R = RiskFixtures

    func cyto(_ tokens: [String]) -> IPSSRCytogenetics {
        let abn = tokens.map(KaryotypeAbnormality.parse)
        return IPSSRCytogenetics.classify(abn, count: CytogeneticProfile.analyse(karyotype: Karyotype(date: F.dx, tissue: .bm, abnormalities: tokens)).abnormalityCount).group
    }

    /// Greenberg 2012 Table 2 / Schanz 2012: each cytogenetic group.
    func testCytogeneticGroups() {
        XCTAssertEqual(cyto(["-Y"]), .veryGood)
        XCTAssertEqual(cyto(["del(11)(q14q23)"]), .veryGood)
        XCTAssertEqual(cyto([]), .good)
        XCTAssertEqual(cyto(["del(5)(q13q33)"]), .good)
        XCTAssertEqual(cyto(["del(12p)"]), .good)
        XCTAssertEqual(cyto(["del(20q)"]), .good)
        XCTAssertEqual(cyto(["del(5q)", "+8"]), .good)                // double including del(5q)
        XCTAssertEqual(cyto(["del(7q)"]), .intermediate)
        XCTAssertEqual(cyto(["+8"]), .intermediate)
        XCTAssertEqual(cyto(["+19"]), .intermediate)
        XCTAssertEqual(cyto(["i(17q)"]), .intermediate)
        XCTAssertEqual(cyto(["t(1;3)(p36;q21)"]), .poor)              // t(3q)
        XCTAssertEqual(cyto(["+8", "+19"]), .intermediate)            // any other double
        XCTAssertEqual(cyto(["-Y", "+8"]), .intermediate)             // −Y is very good only single
        XCTAssertEqual(cyto(["-7"]), .poor)
        XCTAssertEqual(cyto(["inv(3)(q21q26)"]), .poor)
        XCTAssertEqual(cyto(["del(3q)"]), .poor)
        XCTAssertEqual(cyto(["-7", "+8"]), .poor)                     // double including −7
        XCTAssertEqual(cyto(["del(7q)", "+8"]), .poor)                // double including del(7q)
        XCTAssertEqual(cyto(["del(5q)", "-7"]), .poor)                // −7/del(7q) read as taking precedence
        XCTAssertEqual(cyto(["+8", "+19", "del(20q)"]), .poor)        // complex, 3 abnormalities
        XCTAssertEqual(cyto(["+8", "+19", "del(20q)", "-7"]), .veryPoor)  // complex, > 3
    }

    /// Greenberg 2012 Table 3: the point boundaries of each clinical variable.
    func testPointBoundaries() {
        XCTAssertEqual(IPSSR.blastPoints(2), 0); XCTAssertEqual(IPSSR.blastPoints(2.1), 1)
        XCTAssertEqual(IPSSR.blastPoints(4.9), 1); XCTAssertEqual(IPSSR.blastPoints(5), 2)
        XCTAssertEqual(IPSSR.blastPoints(10), 2); XCTAssertEqual(IPSSR.blastPoints(10.1), 3)
        XCTAssertEqual(IPSSR.haemoglobinPoints(10), 0); XCTAssertEqual(IPSSR.haemoglobinPoints(9.9), 1)
        XCTAssertEqual(IPSSR.haemoglobinPoints(8), 1); XCTAssertEqual(IPSSR.haemoglobinPoints(7.9), 1.5)
        XCTAssertEqual(IPSSR.plateletPoints(100), 0); XCTAssertEqual(IPSSR.plateletPoints(99), 0.5)
        XCTAssertEqual(IPSSR.plateletPoints(50), 0.5); XCTAssertEqual(IPSSR.plateletPoints(49), 1)
        XCTAssertEqual(IPSSR.ancPoints(0.8), 0); XCTAssertEqual(IPSSR.ancPoints(0.79), 0.5)
    }

    /// Greenberg 2012 Table 4: very low ≤ 1.5, low > 1.5–3, intermediate > 3–4.5, high > 4.5–6, very high > 6.
    func testCategoryBoundaries() {
        let l = IPSSR.ladder
        XCTAssertEqual(l.category(0), "very-low"); XCTAssertEqual(l.category(1.5), "very-low")
        XCTAssertEqual(l.category(2), "low"); XCTAssertEqual(l.category(3), "low")
        XCTAssertEqual(l.category(3.5), "intermediate"); XCTAssertEqual(l.category(4.5), "intermediate")
        XCTAssertEqual(l.category(5), "high"); XCTAssertEqual(l.category(6), "high")
        XCTAssertEqual(l.category(6.5), "very-high"); XCTAssertEqual(l.category(10), "very-high")
    }

    /// Worked example: patient pp347 of the IPSS-M authors' example file (good karyotype, 9 % blasts,
    /// Hb 9.6, platelets 281, ANC 4.84): 1 + 2 + 1 + 0 + 0 = 4 → intermediate.
    func testPatientFromCaseData() {
        let p = R.patient(.mds, blastsBM: 9, karyotype: [],
                          labs: [R.lab("hemoglobin", 96, "g/L"), R.lab("platelets", 281, "10^9/L"), R.lab("ANC", 4.84, "10^9/L")])
        let a = IPSSR.assess(RiskInputs(p, today: F.today))
        XCTAssertEqual(a.scheme, "IPSS-R")
        XCTAssertEqual(a.score, 4)
        XCTAssertEqual(a.category, "intermediate")
        XCTAssertTrue(a.complete)
        XCTAssertEqual(a.missing, [])
    }

    /// Missing data: never a default. The missing ANC (0–0.5 points) keeps 4 + [0, 0.5] inside intermediate:
    /// provisional intermediate; a missing karyotype (0–4 points) spans several categories: not evaluable.
    func testMissingInputs() {
        let c = (group: IPSSRCytogenetics.good, reason: "normal karyotype")
        let a = IPSSR.assess(cytogenetics: c, marrowBlasts: 9, haemoglobin: 9.6, platelets: 281, anc: nil)
        XCTAssertEqual(a.category, "intermediate")
        XCTAssertFalse(a.complete)
        XCTAssertEqual(a.missing, ["ANC at diagnosis"])
        XCTAssertNil(a.score)
        let b = IPSSR.assess(cytogenetics: nil, marrowBlasts: 9, haemoglobin: 9.6, platelets: 281, anc: 4.84)
        XCTAssertEqual(b.category, SchemeRiskAssessment.notEvaluable)
        // 2 + 1 + 0 + 0 = 3 plus [0, 4] = 3 … 7: low to very high.
        XCTAssertEqual(b.possible, ["low", "intermediate", "high", "very-high"])
        XCTAssertEqual(b.missing, ["karyotype at diagnosis"])
        // Labs far from the diagnosis date are not "at diagnosis".
        let p = R.patient(.mds, blastsBM: 9, karyotype: [], labs: [R.lab("hemoglobin", 9.6, "g/dL", date: F.d("2026-04-01"))])
        XCTAssertTrue(IPSSR.assess(RiskInputs(p, today: F.today)).missing.contains("haemoglobin at diagnosis"))
    }
}
