import XCTest
import CaseModel
@testable import ClinicalRules

/// ELN 2022 (Döhner et al., Blood 2022, Table 6) and the precedence cases of clinical-reference.md §2a.
final class ELN2022Tests: XCTestCase {
    typealias F = Fixtures

    func risk(_ p: Patient, file: StaticString = #filePath, line: UInt = #line) -> RiskAssessment {
        guard let r = ELN2022.assess(p) else {
            XCTFail("no ELN 2022 assessment", file: file, line: line)
            return RiskAssessment(risk: .intermediate, drivers: [], rule: "")
        }
        return r
    }

    // MARK: favourable

    func testT821Favourable() {
        let r = risk(F.aml(karyotype: ["t(8;21)(q22;q22.1)"]))
        XCTAssertEqual(r.risk, .favorable)
        XCTAssertTrue(r.drivers[0].contains("t(8;21)"))
        XCTAssertEqual(r.rule, ELN2022.rule)
    }

    func testCBFStaysFavourableWithKITFLT3AndMRGenes() {
        let kit = F.v("KIT", .missense, vaf: 0.3)
        let r = risk(F.aml(karyotype: ["t(8;21)(q22;q22.1)"], variants: [kit, F.flt3ITD, F.v("ASXL1", .frameshift)]))
        XCTAssertEqual(r.risk, .favorable)
        XCTAssertTrue(r.drivers.contains { $0.contains("does not alter risk") })
        XCTAssertTrue(r.drivers.contains { $0.contains("does not downgrade") })
    }

    func testInv16WithKITD816VFavourable() {
        var kit = F.v("KIT", .missense, vaf: 0.25)
        kit.hgvsp = "p.D816V"
        let r = risk(F.aml(karyotype: ["inv(16)(p13.1q22)"], variants: [kit]))
        XCTAssertEqual(r.risk, .favorable)
        XCTAssertTrue(r.drivers[0].contains("CBFB::MYH11"))
    }

    func testCBFFusionFoundMolecularlyCountsWithoutKaryotype() {
        let r = risk(F.aml(karyotype: nil, fusions: ["RUNX1::RUNX1T1"]))
        XCTAssertEqual(r.risk, .favorable)
        XCTAssertTrue(r.drivers[0].contains("RUNX1::RUNX1T1"))
    }

    func testCBFWithComplexLookingKaryotypeStaysFavourable() {
        XCTAssertEqual(risk(F.aml(karyotype: ["t(8;21)(q22;q22.1)", "-Y", "del(9q)", "+8"])).risk, .favorable)
    }

    func testNPM1WithoutFLT3ITDFavourable() {
        let r = risk(F.aml(variants: [F.npm1]))
        XCTAssertEqual(r.risk, .favorable)
        XCTAssertTrue(r.drivers[0].contains("NPM1"))
        XCTAssertTrue(r.drivers[0].contains("without FLT3-ITD"))
        XCTAssertTrue(r.missing.isEmpty)
    }

    func testNPM1WithASXL1StaysFavourable() {
        let r = risk(F.aml(variants: [F.npm1, F.v("ASXL1", .frameshift)]))
        XCTAssertEqual(r.risk, .favorable)
        XCTAssertTrue(r.drivers.contains { $0.contains("MR-gene") && $0.contains("does not downgrade") })
    }

    func testCEBPAInFrameBZIPFavourable() {
        let c = F.v("CEBPA", .inframeInsertion, vaf: 0.4, domain: "bZIP")
        XCTAssertEqual(risk(F.aml(variants: [c])).risk, .favorable)
        // MR-gene mutations do not downgrade it.
        XCTAssertEqual(risk(F.aml(variants: [c, F.v("RUNX1", .frameshift)])).risk, .favorable)
    }

    func testCEBPABiallelicNonBZIPNotFavourable() {
        let tad1 = F.v("CEBPA", .frameshift, vaf: 0.4, domain: "TAD1")
        let tad2 = F.v("CEBPA", .frameshift, vaf: 0.38, domain: "TAD2")
        let r = risk(F.aml(variants: [tad1, tad2]))
        XCTAssertEqual(r.risk, .intermediate)
        XCTAssertTrue(r.drivers.contains { $0.contains("not in-frame in bZIP") })
    }

    func testCEBPABZIPFrameshiftNotFavourable() {
        let c = F.v("CEBPA", .frameshift, vaf: 0.4, domain: "bZIP")
        XCTAssertEqual(risk(F.aml(variants: [c])).risk, .intermediate)
    }

    // MARK: intermediate

    func testNPM1WithFLT3ITDIntermediate() {
        let r = risk(F.aml(karyotype: [], variants: [F.npm1, F.flt3ITD]))
        XCTAssertEqual(r.risk, .intermediate)
        XCTAssertTrue(r.drivers[0].contains("FLT3-ITD"))
    }

    func testWildTypeNPM1WithFLT3ITDIntermediate() {
        let r = risk(F.aml(variants: [F.flt3ITD]))
        XCTAssertEqual(r.risk, .intermediate)
        XCTAssertTrue(r.drivers[0].contains("wild-type NPM1 with FLT3-ITD"))
    }

    func testFLT3ITDWithAdverseMutationIsAdverse() {
        XCTAssertEqual(risk(F.aml(variants: [F.flt3ITD, F.v("RUNX1", .frameshift)])).risk, .adverse)
    }

    func testT911OutranksRareAdverseMutations() {
        let r = risk(F.aml(karyotype: ["t(9;11)(p21.3;q23.3)"], variants: [F.v("ASXL1", .nonsense)]))
        XCTAssertEqual(r.risk, .intermediate)
        XCTAssertTrue(r.drivers.contains { $0.contains("takes precedence") })
        // Found as a fusion, with TP53 ≥ 10 %.
        let r2 = risk(F.aml(karyotype: [], variants: [F.v("TP53", .missense, vaf: 0.3)], fusions: ["KMT2A::MLLT3"]))
        XCTAssertEqual(r2.risk, .intermediate)
    }

    func testKMT2APTDIsNotARearrangement() {
        let r = risk(F.aml(variants: [F.v("KMT2A", .ptd, vaf: nil)]))
        XCTAssertEqual(r.risk, .intermediate)
        XCTAssertTrue(r.drivers.contains { $0.contains("not a KMT2A rearrangement") })
        XCTAssertEqual(risk(F.aml(fusions: ["KMT2A::KMT2A"])).risk, .intermediate)
    }

    func testHyperdiploidTrisomiesIntermediate() {
        XCTAssertEqual(risk(F.aml(karyotype: ["+8", "+10", "+21"])).risk, .intermediate)
    }

    func testNormalKaryotypeNothingFoundIntermediate() {
        let r = risk(F.aml())
        XCTAssertEqual(r.risk, .intermediate)
        XCTAssertTrue(r.missing.isEmpty, "\(r.missing)")
    }

    // MARK: adverse

    func testAdverseCytogeneticsTable() {
        for tokens in [["t(6;9)(p23.3;q34.1)"], ["t(v;11q23.3)"], ["t(11;19)(q23.3;p13.1)"], ["t(9;22)(q34.1;q11.2)"],
                       ["t(8;16)(p11.2;p13.3)"], ["inv(3)(q21.3q26.2)"], ["t(3;3)(q21.3;q26.2)"], ["t(3;21)(q26.2;q22)"],
                       ["-5"], ["del(5q)"], ["-7"], ["-17"], ["del(17p)"], ["i(17q)"],
                       ["del(7q)", "+8", "del(12p)"], ["-13", "-18"]] {
            XCTAssertEqual(risk(F.aml(karyotype: tokens)).risk, .adverse, "\(tokens)")
        }
    }

    func testAdverseFusionsFoundMolecularly() {
        for f in ["DEK::NUP214", "BCR::ABL1", "KMT2A::AFF1", "GATA2::MECOM", "KAT6A::CREBBP"] {
            XCTAssertEqual(risk(F.aml(fusions: [f])).risk, .adverse, f)
        }
    }

    func testNPM1WithComplexKaryotypeAdverse() {
        let r = risk(F.aml(karyotype: ["del(5q)", "-7", "+8"], variants: [F.npm1]))
        XCTAssertEqual(r.risk, .adverse)
        XCTAssertTrue(r.drivers[0].contains("adverse-risk cytogenetics"))
        XCTAssertTrue(r.drivers.contains { $0.contains("complex karyotype") })
    }

    func testNPM1WithMonosomy7Adverse() {
        XCTAssertEqual(risk(F.aml(karyotype: ["-7"], variants: [F.npm1, F.flt3ITD])).risk, .adverse)
    }

    func testEachMRGeneIsAdverseAlone() {
        for g in ["ASXL1", "BCOR", "EZH2", "RUNX1", "SF3B1", "SRSF2", "STAG2", "U2AF1", "ZRSR2"] {
            let r = risk(F.aml(variants: [F.v(g, .missense)]))
            XCTAssertEqual(r.risk, .adverse, g)
            XCTAssertTrue(r.drivers[0].contains(g))
        }
    }

    func testMRGeneVUSNotCounted() {
        XCTAssertEqual(risk(F.aml(variants: [F.v("ASXL1", .missense, classification: .vus)])).risk, .intermediate)
    }

    func testTP53VAFThresholdEdges() {
        let at10 = risk(F.aml(variants: [F.v("TP53", .missense, vaf: 0.10)]))
        XCTAssertEqual(at10.risk, .adverse)
        XCTAssertTrue(at10.drivers[0].contains("TP53"))
        let below = risk(F.aml(variants: [F.v("TP53", .missense, vaf: 0.099)]))
        XCTAssertEqual(below.risk, .intermediate)
        XCTAssertTrue(below.drivers.contains { $0.contains("below VAF 10 %") })
        XCTAssertEqual(risk(F.aml(variants: [F.v("TP53", .missense, vaf: 0.08)])).risk, .intermediate)
        // 0.1 reached by arithmetic still counts.
        XCTAssertEqual(risk(F.aml(variants: [F.v("TP53", .missense, vaf: 0.3 - 0.2)])).risk, .adverse)
    }

    // MARK: missing data is said, not defaulted silently

    func testNPM1WithFLT3NotTestedSaysSo() {
        let r = risk(F.aml(variants: [F.npm1], panel: ["NPM1", "CEBPA", "TP53"]))
        XCTAssertEqual(r.risk, .favorable)
        XCTAssertTrue(r.missing.contains("FLT3 not tested"))
        XCTAssertTrue(r.drivers.contains { $0.contains("FLT3 not tested") })
    }

    func testNoKaryotypeSaysSo() {
        let r = risk(F.aml(karyotype: nil, variants: [F.npm1]))
        XCTAssertEqual(r.risk, .favorable)
        XCTAssertTrue(r.missing.contains("karyotype"))
        XCTAssertTrue(r.drivers.contains { $0.contains("no karyotype") })
    }

    func testNPM1AndCEBPANotTestedSaysSo() {
        let r = risk(F.aml(variants: [F.v("ASXL1", .frameshift)], panel: ["ASXL1", "FLT3", "TP53"]))
        XCTAssertEqual(r.risk, .adverse)
        XCTAssertTrue(r.missing.contains("NPM1 not tested"))
        XCTAssertTrue(r.missing.contains("CEBPA not tested"))
        XCTAssertTrue(r.drivers.contains { $0.contains("NPM1 not tested") })
    }

    func testNothingTestedIntermediateWithEverythingMissing() {
        let r = risk(F.aml(karyotype: nil, panel: []))
        XCTAssertEqual(r.risk, .intermediate)
        for m in ["karyotype", "NPM1 not tested", "CEBPA not tested", "FLT3 not tested", "TP53 not tested"] {
            XCTAssertTrue(r.missing.contains(m), m)
        }
    }

    func testAdverseCytogeneticsNeedNoMoreData() {
        let r = risk(F.aml(karyotype: ["-7"], panel: []))
        XCTAssertEqual(r.risk, .adverse)
        XCTAssertTrue(r.missing.isEmpty)
    }

    // MARK: scope

    func testNilOutsideAMLAndForAPL() {
        XCTAssertNil(ELN2022.assess(F.aml(karyotype: ["t(15;17)(q24.1;q21.2)"], category: .apl)))
        XCTAssertNil(ELN2022.assess(F.aml(category: .mds)))
        XCTAssertNil(ELN2022.assess(F.aml(category: .bALL)))
    }
}
