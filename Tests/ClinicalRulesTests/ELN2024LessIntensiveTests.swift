import XCTest
import CaseModel
@testable import ClinicalRules

/// ELN 2024 less-intensive therapy (Döhner et al., Blood 2024, Table 1): only TP53 is adverse.
final class ELN2024LessIntensiveTests: XCTestCase {
    typealias F = Fixtures

    func risk(_ p: Patient) -> ELNRisk? { ELN2024LessIntensive.assess(p)?.risk }

    func testTP53IsTheOnlyAdverse() {
        XCTAssertEqual(risk(F.aml(variants: [F.v("TP53", .missense, vaf: 0.3)])), .adverse)
        XCTAssertEqual(risk(F.aml(variants: [F.v("TP53", .missense, vaf: 0.3), F.npm1])), .adverse)
        XCTAssertEqual(risk(F.aml(variants: [F.v("TP53", .missense, vaf: 0.3), F.v("DDX41", .frameshift, vaf: 0.5)])), .adverse)
    }

    func testKRASNRASFLT3ITDAreIntermediateNotAdverse() {
        XCTAssertEqual(risk(F.aml(variants: [F.v("KRAS", .missense)])), .intermediate)
        XCTAssertEqual(risk(F.aml(variants: [F.v("NRAS", .missense)])), .intermediate)
        XCTAssertEqual(risk(F.aml(variants: [F.flt3ITD])), .intermediate)
        XCTAssertEqual(risk(F.aml(variants: [F.npm1, F.flt3ITD])), .intermediate)
        XCTAssertEqual(risk(F.aml(variants: [F.v("IDH2", .missense), F.v("NRAS", .missense)])), .intermediate)
    }

    func testPTPN11IsNotAdverse() {
        // Third-party code makes PTPN11 adverse; the official table does not (reference §0 point 5).
        XCTAssertEqual(risk(F.aml(variants: [F.v("PTPN11", .missense)], panel: F.myeloidPanel + ["PTPN11"])), .favorable)
    }

    func testFavourableRows() {
        XCTAssertEqual(risk(F.aml(variants: [F.npm1])), .favorable)
        XCTAssertEqual(risk(F.aml(variants: [F.v("IDH2", .missense)])), .favorable)
        // Table 1 footnote: IDH1 is favourable irrespective of KRAS only for azacitidine + ivosidenib (issue 11 point 2).
        XCTAssertEqual(risk(F.aml(variants: [F.v("IDH1", .missense), F.v("KRAS", .missense)])), .intermediate)
        var azaIvo = F.aml(variants: [F.v("IDH1", .missense), F.v("KRAS", .missense)])
        azaIvo.therapies = [Therapy(start: F.d("2026-01-20"), regimen: "AZA-IVO", agents: ["azacitidine", "ivosidenib"], intent: .induction)]
        XCTAssertEqual(risk(azaIvo), .favorable)
        XCTAssertEqual(risk(F.aml(variants: [F.v("DDX41", .frameshift, vaf: 0.48), F.v("NRAS", .missense)])), .favorable)
        XCTAssertEqual(risk(F.aml(variants: [F.v("ASXL1", .frameshift)])), .favorable, "other abnormalities without signalling")
        XCTAssertEqual(risk(F.aml(karyotype: ["-7"])), .favorable, "adverse cytogenetics are not in the 2024 table")
    }

    func testDDX41NearHeterozygousMentionsGermline() {
        let r = ELN2024LessIntensive.assess(F.aml(variants: [F.v("DDX41", .frameshift, vaf: 0.47)]))
        XCTAssertTrue(r?.drivers[0].contains("germline DDX41") == true)
    }

    func testUntestedDataIsSaid() {
        let r = ELN2024LessIntensive.assess(F.aml(variants: [F.npm1], panel: ["NPM1"]))
        XCTAssertEqual(r?.risk, .favorable)
        XCTAssertTrue(r?.missing.contains("TP53 not tested") == true)
        XCTAssertTrue(r?.missing.contains("FLT3 not tested") == true)
    }

    func testPriorHMANotApplicable() {
        var p = F.aml(variants: [F.npm1])
        p.therapies = [Therapy(start: F.d("2025-03-01"), regimen: "AZA (MDS)", agents: ["azacitidine"], intent: .other)]
        XCTAssertTrue(ELN2024LessIntensive.assess(p)?.drivers.contains { $0.contains("does not apply after prior HMA") } == true)
        XCTAssertEqual(ELN2024LessIntensive.assess(p)?.applicable, false)
    }

    func testNilOutsideAML() {
        XCTAssertNil(risk(F.aml(category: .apl)))
        XCTAssertNil(risk(F.aml(category: .mds)))
    }
}
