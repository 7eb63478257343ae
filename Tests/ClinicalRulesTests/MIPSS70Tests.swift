import CaseModel
import XCTest
@testable import ClinicalRules

/// MIPSS70, Guglielmelli et al., J Clin Oncol 2018;36:310, Table 3: Hb < 10 g/dL 1; leukocytes > 25 ×10⁹/L 2;
/// platelets < 100 ×10⁹/L 2; circulating blasts ≥ 2 % 1; BM fibrosis grade ≥ 2 1; constitutional symptoms 1;
/// absence of CALR type-1/like 1; one HMR mutation (ASXL1, EZH2, SRSF2, IDH1/2) 1, ≥ 2 HMR mutations 2.
/// Low 0–1, intermediate 2–4, high ≥ 5. Every threshold tested on both sides, every category boundary, missing inputs.
final class MIPSS70Tests: XCTestCase {
    /// Every input recorded and scoring 0.
    func zero() -> MIPSS70.Inputs {
        MIPSS70.Inputs(haemoglobin: 12, leukocytes: 8, platelets: 250, peripheralBlasts: 0, fibrosisGrade: 1,
                       constitutionalSymptoms: false, calrType1: true, hmrMutated: [], hmrUntested: [])
    }

    func score(_ x: MIPSS70.Inputs) -> Double? { MIPSS70.assess(x).score }

    func testEachTermOnBothSidesOfItsThreshold() {
        XCTAssertEqual(score(zero()), 0)
        var x = zero(); x.haemoglobin = 10; XCTAssertEqual(score(x), 0, "Hb 10 is not < 10")
        x.haemoglobin = 9.9; XCTAssertEqual(score(x), 1)
        x = zero(); x.leukocytes = 25; XCTAssertEqual(score(x), 0, "WBC 25 is not > 25")
        x.leukocytes = 25.1; XCTAssertEqual(score(x), 2)
        x = zero(); x.platelets = 100; XCTAssertEqual(score(x), 0, "platelets 100 is not < 100")
        x.platelets = 99; XCTAssertEqual(score(x), 2)
        x = zero(); x.peripheralBlasts = 1.9; XCTAssertEqual(score(x), 0)
        x.peripheralBlasts = 2; XCTAssertEqual(score(x), 1, "blasts ≥ 2 %")
        x = zero(); x.fibrosisGrade = 2; XCTAssertEqual(score(x), 1, "MF-2")
        x.fibrosisGrade = 3; XCTAssertEqual(score(x), 1)
        x = zero(); x.constitutionalSymptoms = true; XCTAssertEqual(score(x), 1)
        x = zero(); x.calrType1 = false; XCTAssertEqual(score(x), 1, "absence of CALR type 1")
        x = zero(); x.hmrMutated = ["ASXL1"]; XCTAssertEqual(score(x), 1)
        x.hmrMutated = ["ASXL1", "SRSF2"]; XCTAssertEqual(score(x), 2, "≥ 2 HMR")
        x.hmrMutated = ["ASXL1", "SRSF2", "IDH1"]; XCTAssertEqual(score(x), 2, "≥ 2 HMR is 2 points, not 3")
    }

    func testCategoryBoundaries() {
        var x = zero(); x.calrType1 = false                          // 1
        XCTAssertEqual(MIPSS70.assess(x).category, "low")
        x.haemoglobin = 9                                             // 2
        XCTAssertEqual(MIPSS70.assess(x).category, "intermediate")
        x.leukocytes = 30                                             // 4
        XCTAssertEqual(score(x), 4)
        XCTAssertEqual(MIPSS70.assess(x).category, "intermediate")
        x.constitutionalSymptoms = true                              // 5
        XCTAssertEqual(MIPSS70.assess(x).category, "high")
        var top = x; top.platelets = 50; top.peripheralBlasts = 5; top.fibrosisGrade = 3; top.hmrMutated = ["EZH2", "IDH2"]
        XCTAssertEqual(score(top), 11, "the maximum")
        XCTAssertEqual(MIPSS70.assess(top).category, "high")
    }

    func testMissingInputsAreIntervalsNeverDefaults() {
        var x = zero(); x.fibrosisGrade = nil
        let a = MIPSS70.assess(x)
        XCTAssertFalse(a.complete)
        XCTAssertNil(a.score)
        XCTAssertEqual(a.category, "low", "0–1: low whatever the grade")
        XCTAssertEqual(a.missing, ["marrow fibrosis grade"])
        x = zero(); x.calrType1 = false; x.fibrosisGrade = nil         // 1–2
        XCTAssertEqual(MIPSS70.assess(x).category, SchemeRiskAssessment.notEvaluable)
        XCTAssertEqual(MIPSS70.assess(x).possible, ["low", "intermediate"])
        // Untested HMR genes: one mutated + two untested → 1–2 HMR points.
        x = zero(); x.hmrMutated = ["ASXL1"]; x.hmrUntested = ["EZH2", "SRSF2"]
        let h = MIPSS70.assess(x)
        XCTAssertEqual(h.possible, ["low", "intermediate"])
        XCTAssertTrue(h.missing.contains("HMR genes not tested: EZH2, SRSF2"))
        x = zero(); x.calrType1 = nil; x.haemoglobin = nil; x.leukocytes = nil; x.platelets = nil
        XCTAssertEqual(MIPSS70.assess(x).possible, ["low", "intermediate", "high"])
    }

    func testInputsFromThePatient() {
        let dx = LocalDate("2026-01-10")!
        var p = Patient(id: "MF-1", sex: .male, birthDate: LocalDate("1970-01-01"), diagnoses: [Diagnosis(date: dx, category: .mpn, who2022: "Primary myelofibrosis")])
        p.variants = [Variant(gene: "CALR", date: dx, hgvsc: "NM_004343.4:c.1092_1143del", consequence: .frameshift, vaf: 0.4),
                      Variant(gene: "ASXL1", date: dx, hgvsp: "p.(Gly646TrpfsTer12)", consequence: .frameshift, vaf: 0.3)]
        p.testedGenes = [GenePanel(date: dx, assay: "myeloid", tissue: .pb, genes: ["CALR", "ASXL1", "EZH2", "SRSF2", "IDH1", "IDH2", "JAK2"])]
        p.labs = [LabResult(date: dx, test: "hemoglobin", value: 9.5, unit: "g/dL"), LabResult(date: dx, test: "WBC", value: 12, unit: "10^9/L"),
                  LabResult(date: dx, test: "platelets", value: 80, unit: "10^9/L"), LabResult(date: dx, test: "PB-blasts", value: 1, unit: "%")]
        p.findings = [ClinicalFinding(date: dx, kind: "marrow-fibrosis-grade", value: .number(3)),
                      ClinicalFinding(date: dx, kind: "constitutional-symptoms", value: .flag(false))]
        let a = MIPSS70.assess(p, today: LocalDate("2026-02-01")!)
        // Hb 1 + platelets 2 + fibrosis 1 + CALR type 1 present 0 + one HMR 1 = 5.
        XCTAssertEqual(a.score, 5)
        XCTAssertEqual(a.category, "high")
        XCTAssertTrue(a.complete, "\(a.missing)")
    }

    /// MIPSS70 is a score at diagnosis (Guglielmelli 2018: clinical and molecular data at diagnosis, PMF ≤ 70 years):
    /// values far from the diagnosis are not read; it joins DIPSS for primary myelofibrosis only; over 70 at diagnosis
    /// a driver says the patient is outside the derivation cohort.
    func testWiredForPrimaryMyelofibrosisAtDiagnosis() {
        let dx = LocalDate("2026-01-10")!, today = LocalDate("2026-06-01")!
        func pmf(who: String, born: String) -> Patient {
            var p = Patient(id: "MF-2", sex: .female, birthDate: LocalDate(born), diagnoses: [Diagnosis(date: dx, category: .mpn, who2022: who)])
            p.variants = [Variant(gene: "JAK2", date: dx, hgvsp: "p.(Val617Phe)", consequence: .missense, vaf: 0.5)]
            p.testedGenes = [GenePanel(date: dx, assay: "MPN", tissue: .pb, genes: ["JAK2", "CALR", "MPL"] + MIPSS70.hmrGenes)]
            p.labs = [LabResult(date: dx.adding(days: 5), test: "hemoglobin", value: 11, unit: "g/dL"),
                      LabResult(date: dx, test: "WBC", value: 10, unit: "10^9/L"), LabResult(date: dx, test: "platelets", value: 200, unit: "10^9/L"),
                      LabResult(date: dx, test: "PB-blasts", value: 0, unit: "%"),
                      // Five months later: anaemic. DIPSS (dynamic) reads it; MIPSS70 (at diagnosis) does not.
                      LabResult(date: today, test: "hemoglobin", value: 8, unit: "g/dL")]
            p.findings = [ClinicalFinding(date: dx, kind: "marrow-fibrosis-grade", value: .number(2)),
                          ClinicalFinding(date: dx, kind: "constitutional-symptoms", value: .flag(false))]
            return p
        }
        let risks = RiskSchemes.assess(pmf(who: "Primary myelofibrosis", born: "1970-01-01"), today: today)
        XCTAssertEqual(risks.map(\.scheme), ["DIPSS", "MIPSS70"])
        let m = risks[1]
        XCTAssertEqual(m.score, 2, "\(m.drivers)")   // no CALR type 1: 1 + MF-2: 1; the later Hb 8 is not at diagnosis
        XCTAssertEqual(m.category, "intermediate")
        XCTAssertTrue(m.drivers.contains("haemoglobin 11 g/dL: 0"), "\(m.drivers)")
        XCTAssertFalse(m.drivers.contains { $0.contains("derived in patients aged") })
        XCTAssertTrue(risks[0].drivers.contains("haemoglobin 8 g/dL: 2"), "DIPSS reads the latest value: \(risks[0].drivers)")
        let old = RiskSchemes.assess(pmf(who: "Primary myelofibrosis", born: "1950-01-01"), today: today)
        XCTAssertTrue(old[1].drivers.contains("age 76 at diagnosis: MIPSS70 was derived in patients aged ≤ 70 (transplant age)"), "\(old[1].drivers)")
        XCTAssertEqual(RiskSchemes.assess(pmf(who: "Post-essential thrombocythaemia myelofibrosis", born: "1970-01-01"), today: today).map(\.scheme),
                       ["DIPSS"], "secondary myelofibrosis: DIPSS only")
        var noBiopsy = pmf(who: "Primary myelofibrosis", born: "1970-01-01")
        noBiopsy.findings[0].date = dx.adding(days: 200)   // a biopsy long after diagnosis is not the diagnostic grade
        let n = RiskSchemes.assess(noBiopsy, today: dx.adding(days: 300))[1]
        XCTAssertFalse(n.complete)
        XCTAssertEqual(n.missing, ["marrow fibrosis grade"])
    }
}
