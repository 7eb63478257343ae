import XCTest
import CaseModel
@testable import ClinicalRules

/// MPN scores: PV thrombosis risk (ELN, Barbui et al., Leukemia 2018), revised IPSET-thrombosis (Barbui et al.,
/// Blood Cancer J 2015;5:e369) and DIPSS (Passamonti et al., Blood 2010;115:1703).
final class MPNRiskTests: XCTestCase {
    typealias F = Fixtures
    typealias R = RiskFixtures

    /// PV: age ≥ 60 or thrombosis → high.
    func testPVThrombosis() {
        XCTAssertEqual(PVThrombosis.assess(age: 59, thrombosis: false).category, "low")
        XCTAssertEqual(PVThrombosis.assess(age: 60, thrombosis: false).category, "high")
        XCTAssertEqual(PVThrombosis.assess(age: 45, thrombosis: true).category, "high")
        // Thrombosis history not recorded: a young patient cannot be called low risk.
        let u = PVThrombosis.assess(age: 45, thrombosis: nil)
        XCTAssertEqual(u.category, SchemeRiskAssessment.notEvaluable)
        XCTAssertEqual(u.missing, ["thrombosis history not recorded"])
        XCTAssertEqual(u.possible, ["low", "high"])
        // …but age alone decides for an older one.
        let o = PVThrombosis.assess(age: 70, thrombosis: nil)
        XCTAssertEqual(o.category, "high"); XCTAssertTrue(o.complete)
    }

    /// Revised IPSET-thrombosis, the four groups and the age boundary (> 60).
    func testIPSETGroups() {
        XCTAssertEqual(IPSETThrombosis.assess(age: 60, thrombosis: false, jak2V617F: false).category, "very-low")
        XCTAssertEqual(IPSETThrombosis.assess(age: 60, thrombosis: false, jak2V617F: true).category, "low")
        XCTAssertEqual(IPSETThrombosis.assess(age: 61, thrombosis: false, jak2V617F: false).category, "intermediate")
        XCTAssertEqual(IPSETThrombosis.assess(age: 61, thrombosis: false, jak2V617F: true).category, "high")
        XCTAssertEqual(IPSETThrombosis.assess(age: 40, thrombosis: true, jak2V617F: false).category, "high")
        let u = IPSETThrombosis.assess(age: 40, thrombosis: false, jak2V617F: nil)
        XCTAssertEqual(u.possible, ["very-low", "low"])
        XCTAssertEqual(u.missing, ["JAK2 not tested"])
        // Thrombosis not recorded but age > 60 with V617F: high in any case.
        XCTAssertEqual(IPSETThrombosis.assess(age: 70, thrombosis: nil, jak2V617F: true).category, "high")
    }

    func testIPSETFromPatientData() {
        let jak2 = Variant(gene: "JAK2", date: F.dx, hgvsp: "p.(Val617Phe)", consequence: .missense, vaf: 0.2, classification: .pathogenic)
        let p = R.patient(.mpn, who: "Essential thrombocythaemia", birth: "1980-01-01", variants: [jak2], panel: ["JAK2", "CALR", "MPL"],
                          findings: [R.finding("thrombosis", .flag(false))])
        let r = RiskSchemes.assess(p, today: F.today)
        XCTAssertEqual(r.map(\.scheme), ["ET-IPSET-thrombosis"])
        XCTAssertEqual(r.first?.category, "low")
        let q = R.patient(.mpn, who: "Essential thrombocythaemia", birth: "1980-01-01", panel: ["JAK2", "CALR", "MPL"],
                          findings: [R.finding("thrombosis", .flag(false)), R.finding("thrombosis", .flag(true), date: F.d("2026-03-01"))])
        XCTAssertEqual(RiskSchemes.assess(q, today: F.today).first?.category, "high")
    }

    /// DIPSS points and category boundaries (low 0; intermediate-1 1–2; intermediate-2 3–4; high 5–6).
    func testDIPSS() {
        XCTAssertEqual(DIPSS.assess(age: 65, haemoglobin: 10, wbc: 25, peripheralBlasts: 0.9, constitutionalSymptoms: false).category, "low")
        XCTAssertEqual(DIPSS.assess(age: 66, haemoglobin: 10, wbc: 25, peripheralBlasts: 0, constitutionalSymptoms: false).category, "intermediate-1")
        XCTAssertEqual(DIPSS.assess(age: 60, haemoglobin: 9.9, wbc: 10, peripheralBlasts: 0, constitutionalSymptoms: false).category, "intermediate-1")
        XCTAssertEqual(DIPSS.assess(age: 66, haemoglobin: 9.9, wbc: 10, peripheralBlasts: 0, constitutionalSymptoms: false).category, "intermediate-2")
        XCTAssertEqual(DIPSS.assess(age: 66, haemoglobin: 9.9, wbc: 25.1, peripheralBlasts: 0, constitutionalSymptoms: false).category, "intermediate-2")
        let h = DIPSS.assess(age: 66, haemoglobin: 9, wbc: 26, peripheralBlasts: 1, constitutionalSymptoms: false)
        XCTAssertEqual(h.category, "high"); XCTAssertEqual(h.score, 5)
        XCTAssertEqual(DIPSS.assess(age: 70, haemoglobin: 8, wbc: 30, peripheralBlasts: 2, constitutionalSymptoms: true).score, 6)
        // Constitutional symptoms not recorded: 0 or 1 point, so a score of 2 is intermediate-1 or -2.
        let m = DIPSS.assess(age: 60, haemoglobin: 9, wbc: 10, peripheralBlasts: 0, constitutionalSymptoms: nil)
        XCTAssertEqual(m.category, SchemeRiskAssessment.notEvaluable)
        XCTAssertEqual(m.possible, ["intermediate-1", "intermediate-2"])
        XCTAssertEqual(m.missing, ["constitutional symptoms not recorded"])
    }

    func testSubtypes() {
        XCTAssertEqual(MPNSubtype.of(Diagnosis(date: F.dx, category: .mpn, who2022: "Polycythaemia vera")), .pv)
        XCTAssertEqual(MPNSubtype.of(Diagnosis(date: F.dx, category: .mpn, who2022: "Primary myelofibrosis")), .myelofibrosis)
        XCTAssertEqual(MPNSubtype.of(Diagnosis(date: F.dx, category: .mpn, who2022: "Polycythaemia vera", postMPN: true)), .myelofibrosis)
        XCTAssertNil(MPNSubtype.of(Diagnosis(date: F.dx, category: .mpn)))
    }
}
