import XCTest
import CaseModel
@testable import ClinicalRules

/// ALL genetic and MRD risk: T-ALL oncogenetic classifier (Trinquand et al., JCO 2013;31:4333), the NGS
/// classifier (Blood 2024;144:1570), IKZF1plus (Stanulla et al., JCO 2018;36:1240) and GRAALL MRD time points
/// (Beldjord, Blood 2014; Dhédin, Blood 2015).
final class ALLRiskTests: XCTestCase {
    typealias F = Fixtures
    typealias R = RiskFixtures

    static let graallGenes = ["NOTCH1", "FBXW7", "NRAS", "KRAS", "PTEN"]

    func tall(_ variants: [String], panel: [String] = graallGenes, cnPanel: [String] = ["PTEN"], cn: [CopyNumberFinding] = []) -> Patient {
        R.patient(.tALL, variants: variants.map { F.v($0, .missense) }, panel: panel, copyNumberPanel: cnPanel, copyNumber: cn)
    }

    func g13(_ p: Patient) -> SchemeRiskAssessment { TALLOncogenetic.graall2013(p, today: F.today) }

    func testGRAALL2013() {
        XCTAssertEqual(g13(tall(["NOTCH1"])).category, "low")
        XCTAssertEqual(g13(tall(["FBXW7"])).category, "low")
        XCTAssertEqual(g13(tall(["NOTCH1", "FBXW7"])).category, "low")
        XCTAssertEqual(g13(tall(["NOTCH1", "NRAS"])).category, "high")     // N/F with RAS: high
        XCTAssertEqual(g13(tall(["NOTCH1", "KRAS"])).category, "high")
        XCTAssertEqual(g13(tall(["NOTCH1", "PTEN"])).category, "high")
        XCTAssertEqual(g13(tall(["NOTCH1"], cn: [R.del("PTEN")])).category, "high")   // PTEN deletion
        XCTAssertEqual(g13(tall([])).category, "high")                      // no N/F mutation
        XCTAssertTrue(g13(tall([])).complete)
    }

    func testGRAALL2013MissingData() {
        // PTEN copy number not assessed: low risk not provable.
        let a = g13(tall(["NOTCH1"], cnPanel: []))
        XCTAssertEqual(a.category, SchemeRiskAssessment.notEvaluable)
        XCTAssertEqual(a.possible, ["low", "high"])
        XCTAssertEqual(a.missing, ["PTEN deletion not tested (no copy-number assay)"])
        // No driver, exclusion genes not tested: high all the same (clinical-next.md §1 point 2).
        let b = g13(tall([], panel: ["NOTCH1", "FBXW7"], cnPanel: []))
        XCTAssertEqual(b.category, "high"); XCTAssertTrue(b.complete)
        // A RAS mutation decides high even with FBXW7 untested.
        XCTAssertEqual(g13(tall(["NRAS"], panel: ["NOTCH1", "NRAS"], cnPanel: [])).category, "high")
        // NOTCH1 wild type, FBXW7 not tested, exclusions clean: not evaluable.
        XCTAssertEqual(g13(tall([], panel: ["NOTCH1", "NRAS", "KRAS", "PTEN"])).possible, ["low", "high"])
    }

    func testNGS2024() {
        let all = TALLOncogenetic.drivers2024 + TALLOncogenetic.exclusions2024
        func ngs(_ v: [String], cn: [CopyNumberFinding] = [], cnPanel: [String] = ["PTEN", "IKZF1"]) -> SchemeRiskAssessment {
            TALLOncogenetic.ngs2024(tall(v, panel: all, cnPanel: cnPanel, cn: cn), today: F.today)
        }
        XCTAssertEqual(ngs(["PHF6"]).category, "low")
        XCTAssertEqual(ngs(["EP300"]).category, "low")
        XCTAssertEqual(ngs(["NOTCH1", "DNMT3A"]).category, "high")
        XCTAssertEqual(ngs(["NOTCH1", "TP53"]).category, "high")
        XCTAssertEqual(ngs(["NOTCH1", "PIK3R1"]).category, "high")
        XCTAssertEqual(ngs(["NOTCH1", "IDH2"]).category, "high")
        XCTAssertEqual(ngs(["NOTCH1"], cn: [R.del("IKZF1")]).category, "high")
        XCTAssertEqual(ngs([]).category, "high")
        // The 2013 classifier is low for NOTCH1 + DNMT3A: the two versions are distinct.
        XCTAssertEqual(g13(tall(["NOTCH1", "DNMT3A"])).category, "low")
        let m = ngs(["NOTCH1"], cnPanel: ["PTEN"])
        XCTAssertEqual(m.category, SchemeRiskAssessment.notEvaluable)
        XCTAssertEqual(m.missing, ["IKZF1 deletion not tested (no copy-number assay)"])
    }

    func testIKZF1plus() {
        let genes = ["IKZF1", "CDKN2A", "CDKN2B", "PAX5", "PAR1", "ERG"]
        func ik(_ cn: [CopyNumberFinding], panel: [String] = genes) -> SchemeRiskAssessment {
            IKZF1plus.assess(R.patient(.bALL, birth: "2016-01-01", copyNumberPanel: panel, copyNumber: cn), today: F.today)
        }
        XCTAssertEqual(ik([R.del("IKZF1"), R.del("CDKN2A", .homozygousDeletion)]).category, "positive")
        XCTAssertEqual(ik([R.del("IKZF1"), R.del("PAR1")]).category, "positive")
        XCTAssertEqual(ik([R.del("IKZF1"), R.del("PAX5"), R.del("ERG")]).category, "negative")   // ERG deletion excludes
        XCTAssertEqual(ik([R.del("IKZF1")]).category, "negative")                                // IKZF1 deletion only
        XCTAssertEqual(ik([R.del("PAX5")]).category, "negative")                                 // no IKZF1 deletion
        let u = ik([R.del("IKZF1"), R.del("PAX5")], panel: ["IKZF1", "PAX5"])
        XCTAssertEqual(u.category, SchemeRiskAssessment.notEvaluable)
        XCTAssertEqual(u.missing, ["ERG deletion not tested (no copy-number assay)"])
        XCTAssertEqual(ik([], panel: []).possible, ["negative", "positive"])
    }

    func mrd(_ date: String, _ value: Double?, sensitivity: Double = 1e-5) -> MRDResult {
        MRDResult(date: F.d(date), marker: "IG/TR", method: .qPCR, tissue: .bm, detected: value != nil, value: value, sensitivity: sensitivity)
    }

    func allPatient(_ results: [MRDResult]) -> Patient {
        var p = R.patient(.bALL)
        p.therapies = [Therapy(start: F.d("2026-01-12"), end: F.d("2026-02-20"), regimen: "GRAALL induction", agents: [], intent: .induction),
                       Therapy(start: F.d("2026-02-25"), end: F.d("2026-04-01"), regimen: "consolidation 1", agents: [], intent: .consolidation),
                       Therapy(start: F.d("2026-04-15"), regimen: "consolidation 2", agents: [], intent: .consolidation)]
        p.mrd = results
        return p
    }

    func testALLMRDTimePoints() {
        func risk(_ r: [MRDResult]) -> SchemeRiskAssessment { ALLMRDRisk.assess(allPatient(r), today: F.today) }
        XCTAssertEqual(risk([mrd("2026-02-22", 1e-4)]).category, "high")            // MRD1 ≥ 10⁻⁴
        XCTAssertEqual(risk([mrd("2026-02-22", 0.99e-4)]).category, "low")
        XCTAssertEqual(risk([mrd("2026-02-22", nil)]).category, "low")              // negative, sensitivity 10⁻⁵
        let h = risk([mrd("2026-02-22", 2e-3)])
        XCTAssertTrue(h.drivers.contains("allogeneic transplant indication: MRD1 ≥ 10⁻³"))
        let m2 = risk([mrd("2026-02-22", 5e-5), mrd("2026-04-08", 1e-4)])
        XCTAssertEqual(m2.category, "low")
        XCTAssertTrue(m2.drivers.contains("allogeneic transplant indication: MRD2 ≥ 10⁻⁴"))
        // A negative with a sensitivity of 10⁻³ cannot show < 10⁻⁴.
        let ne = risk([mrd("2026-02-22", nil, sensitivity: 1e-3)])
        XCTAssertEqual(ne.category, SchemeRiskAssessment.notEvaluable)
        XCTAssertFalse(ne.complete)
        // No sample at the end of induction.
        let none = risk([mrd("2026-05-20", 1e-2)])
        XCTAssertEqual(none.missing, ["MRD after induction (MRD1) not recorded"])
    }

    func testDispatch() {
        XCTAssertEqual(RiskSchemes.assess(tall(["NOTCH1"]), today: F.today).map(\.scheme), ["T-ALL-GRAALL-2013", "T-ALL-NGS-2024", "ALL-MRD"])
        XCTAssertEqual(RiskSchemes.assess(allPatient([]), today: F.today).map(\.scheme), ["IKZF1plus", "ALL-MRD"])
        XCTAssertEqual(RiskSchemes.assess(F.aml(), today: F.today), [])
        XCTAssertEqual(RiskSchemes.shortForm(g13(tall(["NOTCH1", "NRAS"]))), "T-ALL HR")
    }
}

/// The case list's short forms (issue 15: `IPSS-R hi`, `ELTS low`, `T-ALL HR`, `SAA`).
final class RiskShortFormTests: XCTestCase {
    func a(_ scheme: String, _ category: String, complete: Bool = true) -> SchemeRiskAssessment {
        SchemeRiskAssessment(scheme: scheme, version: "v", category: category, complete: complete)
    }

    func testShortForms() {
        XCTAssertEqual(RiskSchemes.shortForm(a("IPSS-R", "high")), "IPSS-R hi")
        XCTAssertEqual(RiskSchemes.shortForm(a("ELTS", "low")), "ELTS low")
        XCTAssertEqual(RiskSchemes.shortForm(a("T-ALL-GRAALL-2013", "high")), "T-ALL HR")
        XCTAssertEqual(RiskSchemes.shortForm(a("AA-severity", "severe")), "SAA")
        XCTAssertEqual(RiskSchemes.shortForm(a("AA-severity", "very-severe", complete: false)), "vSAA?")
        XCTAssertEqual(RiskSchemes.shortForm(a("T-ALL-GRAALL-2013", SchemeRiskAssessment.notEvaluable, complete: false)), "T-ALL ?")
        XCTAssertEqual(RiskSchemes.shortForm(a("DIPSS", "intermediate-2")), "DIPSS int-2")
    }
}

/// `caseboard cases --filter risk=SCHEME[:CATEGORY]`.
final class RiskFilterTests: XCTestCase {
    func testParseAndMatch() throws {
        let risks = [SchemeRiskAssessment(scheme: "IPSS-R", version: "v", category: "high", complete: true)]
        guard case .success(let any) = RiskFilter.parse("ipss-r") else { return XCTFail("ipss-r should parse") }
        XCTAssertTrue(any.matches(risks))
        guard case .success(let hi) = RiskFilter.parse("IPSS-R:HIGH") else { return XCTFail("IPSS-R:HIGH should parse") }
        XCTAssertTrue(hi.matches(risks))
        guard case .success(let low) = RiskFilter.parse("IPSS-R:low") else { return XCTFail("IPSS-R:low should parse") }
        XCTAssertFalse(low.matches(risks))
        guard case .success(let elts) = RiskFilter.parse("ELTS") else { return XCTFail("ELTS should parse") }
        XCTAssertFalse(elts.matches(risks))
        guard case .failure(let e) = RiskFilter.parse("ELTS:huge") else { return XCTFail("ELTS:huge must fail") }
        XCTAssertEqual(e.message, "unknown ELTS category \"huge\" (low, intermediate, high, not-evaluable)")
        guard case .failure = RiskFilter.parse("IPSS-X") else { return XCTFail("IPSS-X must fail") }
    }
}
