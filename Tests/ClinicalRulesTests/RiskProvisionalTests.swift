import XCTest
import Foundation
import CaseModel
@testable import ClinicalRules

/// Issue 11 points 1–3: provisional risk (formats.md §4 `complete`/`missing`), ELN 2024 less-intensive
/// corrections (Döhner et al., Blood 2024;144:2169, Table 1) and karyotype / fusion conflicts
/// (ELN 2022, Döhner et al., Blood 2022;140:1345, Table 6; clinical-reference.md §2a).
final class RiskProvisionalTests: XCTestCase {
    typealias F = Fixtures

    // MARK: point 1 — provisional, not silent.

    func testNoKaryotypeAndFLT3UntestedIsProvisional() {
        // SL-AML-0064's situation: NPM1 mutated, no karyotype, FLT3 not tested.
        let p = F.aml(karyotype: nil, variants: [F.npm1], panel: F.myeloidPanel.filter { $0 != "FLT3" })
        guard let r = ELN2022.assess(p) else { return XCTFail("AML must be classified") }
        XCTAssertEqual(r.risk, .favorable)
        XCTAssertFalse(r.complete)
        XCTAssertEqual(r.missing, ["karyotype", "FLT3 not tested"])
        XCTAssertEqual(r.displayText, "favourable (provisional)")  // displayed spelling (issue #17); JSON keeps "favorable"
        XCTAssertEqual(r.risk.rawValue, "favorable")
        XCTAssertEqual(r.shortText, "fav?")
    }

    func testCompleteDataIsNotProvisional() {
        let p = F.aml(karyotype: [], variants: [F.npm1])
        guard let r = ELN2022.assess(p) else { return XCTFail("AML must be classified") }
        XCTAssertTrue(r.complete)
        XCTAssertEqual(r.shortText, "fav")
    }

    func testCompleteAndMissingAreInTheJSON() throws {
        let p = F.aml(karyotype: nil, variants: [F.npm1])
        guard let r = ELN2022.assess(p) else { return XCTFail("AML must be classified") }
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(r)) as? [String: Any]
        XCTAssertEqual(json?["complete"] as? Bool, false)
        XCTAssertEqual(json?["missing"] as? [String], ["karyotype"])
        // Decoding stored JSON without `applicable` keeps it applicable.
        let old = #"{"risk":"adverse","drivers":[],"missing":[],"rule":"x"}"#
        let back = try JSONDecoder().decode(RiskAssessment.self, from: Data(old.utf8))
        XCTAssertTrue(back.applicable && back.complete)
    }

    // MARK: point 2 — ELN 2024 less-intensive.

    func testELN2024TP53AdverseAtAnyVAF() {
        // SL-AML-0009: TP53 VAF 0.099 is adverse under ELN 2024 (no 10 % floor) but not under ELN 2022.
        let tp53 = F.v("TP53", .missense, vaf: 0.099)
        let p = F.aml(karyotype: [], variants: [tp53])
        XCTAssertEqual(ELN2024LessIntensive.assess(p)?.risk, .adverse)
        XCTAssertNotEqual(ELN2022.assess(p)?.risk, .adverse)
        XCTAssertEqual(ELN2024LessIntensive.assess(F.aml(karyotype: [], variants: [F.v("TP53", .missense, vaf: 0.02)]))?.risk, .adverse)
    }

    func testELN2024DoesNotApplyAfterPriorHMA() {
        var p = F.aml(karyotype: [], variants: [F.npm1])
        p.therapies = [Therapy(start: F.d("2025-03-01"), end: F.d("2025-09-01"), regimen: "azacitidine (MDS)",
                               agents: ["azacitidine"], intent: .other)]
        guard let r = ELN2024LessIntensive.assess(p) else { return XCTFail("AML must be assessed") }
        XCTAssertFalse(r.applicable)
        XCTAssertFalse(r.complete)
        XCTAssertEqual(r.displayText, "not applicable")
        XCTAssertTrue(r.drivers[0].hasPrefix("does not apply after prior HMA treatment"))
    }

    func testELN2024IDH1WithSignallingFavourableOnlyForAzaIvosidenib() {
        let idh1 = F.v("IDH1", .missense, vaf: 0.4), nras = F.v("NRAS", .missense, vaf: 0.2)
        var p = F.aml(karyotype: [], variants: [idh1, nras])
        XCTAssertEqual(ELN2024LessIntensive.assess(p)?.risk, .intermediate, "IDH1 + NRAS on venetoclax-based therapy")
        p.therapies = [Therapy(start: F.d("2026-01-20"), regimen: "AZA-IVO", agents: ["azacitidine", "ivosidenib"], intent: .induction)]
        XCTAssertEqual(ELN2024LessIntensive.assess(p)?.risk, .favorable, "IDH1 favourable irrespective of NRAS for AZA+IVO")
        // IDH1 without signalling lesions stays favourable whatever the regimen.
        XCTAssertEqual(ELN2024LessIntensive.assess(F.aml(karyotype: [], variants: [idh1]))?.risk, .favorable)
    }

    func testELN2024NeverSaysTP53WildTypeWhenUntested() {
        let p = F.aml(karyotype: [], variants: [F.npm1], panel: ["NPM1", "FLT3", "NRAS", "KRAS"])
        guard let r = ELN2024LessIntensive.assess(p) else { return XCTFail("AML must be assessed") }
        XCTAssertFalse(r.drivers.contains { $0.contains("TP53 wild-type") }, r.drivers.joined(separator: " | "))
        XCTAssertTrue(r.missing.contains("TP53 not tested"))
        XCTAssertFalse(r.complete)
        let q = F.aml(karyotype: [], variants: [F.npm1], panel: ["NPM1", "TP53"])
        XCTAssertEqual(ELN2024LessIntensive.assess(q)?.missing, ["FLT3 not tested", "NRAS not tested", "KRAS not tested"])
    }

    // MARK: point 3 — contradictions are shown.

    func testKaryotypeFusionConflictNamedClassFromCytogeneticsProvisional() {
        // t(6;11)(q27;q23.3) is KMT2A::AFDN (adverse, t(v;11q23.3)); KMT2A::MLLT3 is t(9;11) (intermediate).
        let p = F.aml(karyotype: ["t(6;11)(q27;q23.3)"], fusions: ["KMT2A::MLLT3"])
        guard let r = ELN2022.assess(p) else { return XCTFail("AML must be classified") }
        XCTAssertEqual(r.risk, .adverse, "class from the cytogenetic finding")
        XCTAssertTrue(r.drivers[0].hasPrefix("conflict to resolve: karyotype t(6;11)(q27;q23.3)"), r.drivers[0])
        XCTAssertTrue(r.drivers[0].contains("KMT2A::MLLT3"))
        XCTAssertFalse(r.complete)
    }

    func testAgreeingKaryotypeAndFusionAreNoConflict() {
        let p = F.aml(karyotype: ["t(9;11)(p21.3;q23.3)"], fusions: ["KMT2A::MLLT3"])
        XCTAssertEqual(ELN2022.assess(p)?.risk, .intermediate)
        XCTAssertEqual(CytogeneticProfile.diagnostic(for: p).conflicts, [])
        // A variable-partner token does not contradict a specific fusion.
        let v = F.aml(karyotype: ["t(v;11)(v;q23.3)"], fusions: ["KMT2A::MLLT3"])
        XCTAssertEqual(CytogeneticProfile.diagnostic(for: v).conflicts, [])
    }
}
