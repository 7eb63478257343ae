import XCTest
import CaseModel
@testable import ClinicalRules

/// Germline flags of clinical-reference.md §2c.
final class GermlinePredispositionTests: XCTestCase {
    typealias F = Fixtures

    func assess(_ p: Patient) -> GermlineAssessment { GermlinePredisposition.assess(p, today: F.today) }

    func testSomaticTP53At12PercentIn70YearOldRaisesNoFlag() {
        let p = F.aml(variants: [F.v("TP53", .missense, vaf: 0.12, origin: .somatic)], birth: "1955-03-01")
        let g = assess(p)
        XCTAssertTrue(g.flags.isEmpty, "\(g.flags)")
        XCTAssertFalse(g.testingRecommended)
    }

    func testConfirmedGermlineOnSkinFibroblasts() {
        let v = F.v("DDX41", .frameshift, vaf: 0.5, origin: .germline, tissue: .skinFibroblast, date: F.d("2026-02-20"))
        let g = assess(F.aml(variants: [v]))
        XCTAssertEqual(g.flags.first?.level, .confirmed)
        XCTAssertEqual(g.flags.first?.gene, "DDX41")
        XCTAssertTrue(g.flags.first?.reason.contains("skin-fibroblast") == true)
        // Issue 11 point 13: confirmed → counselling and cascade testing are due (no further germline testing),
        // and testingRecommended is true when any action is due.
        XCTAssertEqual(g.actions, [.geneticCounselling, .cascadeTestingOfRelatives])
        XCTAssertTrue(g.testingRecommended)
        XCTAssertEqual(g.strongest, .confirmed)
    }

    func testGermlineOnBloodIsOnlySuspected() {
        let v = F.v("RUNX1", .frameshift, vaf: 0.5, origin: .germline, tissue: .pb)
        let g = assess(F.aml(variants: [v]))
        XCTAssertEqual(g.flags.map(\.level), [.suspected])
        XCTAssertTrue(g.testingRecommended)
    }

    func testHeterozygousWindowEdges() {
        for (vaf, flagged) in [(0.39, false), (0.40, true), (0.5, true), (0.60, true), (0.61, false), (0.89, false), (0.90, true), (1.0, true)] {
            let g = assess(F.aml(variants: [F.v("RUNX1", .frameshift, vaf: vaf)]))
            XCTAssertEqual(g.flags.contains { $0.level == .suspected && $0.gene == "RUNX1" }, flagged, "VAF \(vaf)")
        }
    }

    func testNonPredispositionGeneAtHeterozygousVAFNoFlag() {
        XCTAssertTrue(assess(F.aml(variants: [F.v("ASXL1", .frameshift, vaf: 0.48)])).flags.isEmpty)
    }

    func testDDX41NearHeterozygous() {
        let g = assess(F.aml(variants: [F.v("DDX41", .frameshift, vaf: 0.37)]))
        XCTAssertEqual(g.flags.first?.level, .suspected)
        XCTAssertTrue(g.flags.first?.reason.contains("near-heterozygous") == true)
        XCTAssertTrue(g.testingRecommended)
        // Somatic second-hit DDX41 R525H at 8 %: no flag.
        XCTAssertTrue(assess(F.aml(variants: [F.v("DDX41", .missense, vaf: 0.08)])).flags.isEmpty)
    }

    func testPersistingAtSimilarVAFInRemission() {
        var p = F.aml(variants: [
            F.v("GATA2", .missense, vaf: 0.33, hgvsc: "c.1061C>T"),
            F.v("GATA2", .missense, vaf: 0.30, date: F.d("2026-04-01"), hgvsc: "c.1061C>T"),
        ])
        p.diseaseStatus = [DiseaseStatusEntry(date: F.dx, status: .newlyDiagnosed), DiseaseStatusEntry(date: F.d("2026-03-01"), status: .cr)]
        let g = assess(p)
        XCTAssertEqual(g.flags.first?.level, .suspected)
        XCTAssertTrue(g.flags.first?.reason.contains("persisting in remission") == true)
        // Cleared in remission: no flag.
        p.variants[1].vaf = 0.02
        XCTAssertTrue(assess(p).flags.isEmpty)
    }

    func testGermlineTestNegativeResolvesSuspicion() {
        var p = F.aml(variants: [F.v("RUNX1", .frameshift, vaf: 0.45)])
        p.testedGenes.append(GenePanel(date: F.d("2026-03-01"), assay: "germline panel", tissue: .skinFibroblast, genes: ["RUNX1", "DDX41"]))
        XCTAssertTrue(assess(p).flags.isEmpty)
    }

    func testYoungAgeAtMyeloidNeoplasm() {
        let young = assess(F.aml(birth: "1987-01-11")) // 38 at diagnosis 2026-01-10... actually 38
        XCTAssertTrue(young.flags.contains { $0.level == .redFlag && $0.reason.contains("age 38") })
        XCTAssertTrue(young.testingRecommended)
        // 40th birthday the day of diagnosis: not under 40.
        XCTAssertFalse(assess(F.aml(birth: "1986-01-10")).flags.contains { $0.reason.contains("diagnosed at age") })
        XCTAssertTrue(assess(F.aml(birth: "1986-01-11")).flags.contains { $0.reason.contains("diagnosed at age 39") })
        // Young B-ALL is not a myeloid neoplasm.
        XCTAssertFalse(assess(F.aml(category: .bALL, birth: "2015-01-01")).flags.contains { $0.reason.contains("diagnosed at age") })
    }

    func testMonosomy7InYoungPatient() {
        let g = assess(F.aml(karyotype: ["-7"], category: .mds, birth: "2012-05-05"))
        XCTAssertTrue(g.flags.contains { $0.reason.contains("monosomy 7 at age 13") })
        XCTAssertFalse(assess(F.aml(karyotype: ["-7"], birth: "1950-05-05")).flags.contains { $0.reason.contains("monosomy 7") })
    }

    func testFamilyHistoryFirstAndSecondDegreeOnly() {
        var p = F.aml()
        p.familyHistory = [FamilyHistoryEntry(relation: .sibling, condition: "AML", ageAtDiagnosis: 45),
                           FamilyHistoryEntry(relation: .grandparent, condition: "myelodysplastic syndrome"),
                           FamilyHistoryEntry(relation: .cousin, condition: "leukaemia"),
                           FamilyHistoryEntry(relation: .parent, condition: "breast cancer")]
        let reasons = assess(p).flags.filter { $0.level == .redFlag }.map(\.reason)
        XCTAssertEqual(reasons.count, 2, "\(reasons)")
        XCTAssertTrue(reasons[0].contains("sibling (first-degree relative) with AML at age 45"))
        XCTAssertTrue(reasons[1].contains("second-degree"))
    }

    func testSyndromicFeaturesAndToxicity() {
        var p = F.aml()
        p.clinicalFeatures = ["nail-dystrophy", "lymphoedema", "radial-ray-anomaly", "excessive-chemo-toxicity", "obesity"]
        let reasons = assess(p).flags.map(\.reason)
        XCTAssertEqual(reasons.count, 4)
        XCTAssertTrue(reasons[0].contains("telomere"))
        XCTAssertTrue(reasons[1].contains("GATA2"))
        XCTAssertTrue(reasons[2].contains("Fanconi"))
        XCTAssertTrue(reasons[3].contains("chemotherapy toxicity"))
    }

    func testRedFlagAfterNegativeGermlineTestingNeedsNoMoreTesting() {
        var p = F.aml()
        p.clinicalFeatures = ["warts"]
        XCTAssertTrue(assess(p).testingRecommended)
        p.testedGenes.append(GenePanel(date: F.d("2026-03-01"), assay: "germline", tissue: .skinFibroblast, genes: ["GATA2"]))
        XCTAssertFalse(assess(p).testingRecommended)
        XCTAssertFalse(assess(p).flags.isEmpty, "the red flag itself stands")
    }
}
