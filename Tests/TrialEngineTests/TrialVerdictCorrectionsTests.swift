import XCTest
import CaseModel
@testable import TrialEngine

/// Issue 11 points 16–18 (formats.md §1 `comorbiditiesReviewed`, `testedFusions`; §3 verdicts: "unknown (data
/// missing, gene not tested …)"). Every check also runs the lowered fast path (`Fx.eval`) against the explained one.
final class TrialVerdictCorrectionsTests: XCTestCase {


    func both(_ rule: String, _ p: Patient, file: StaticString = #filePath, line: UInt = #line) throws -> (CriterionResult, String) {
        let f = Fx.facts(p)
        let (r, why) = try Fx.explain(rule, f)
        XCTAssertEqual(try Fx.eval(rule, f), r, "fast and explained paths agree for \(rule)", file: file, line: line)
        return (r, why)
    }

    // point 16: absent is not negative for a test-checked exclusion.
    func testTestCheckedExclusionsUnknownUntilReviewed() throws {
        var p = Fx.npm1()
        for tag in ["hiv", "hcv", "pregnancy", "active-infection"] {
            XCTAssertEqual(try both("comorbidity \(tag)", p).0, .unknown, tag)
        }
        XCTAssertEqual(try both("comorbidity hbv", p).0, .met, "recorded is met")
        p.comorbiditiesReviewed = Fx.d("2026-02-20")
        let (r, why) = try both("comorbidity hiv", p)
        XCTAssertEqual(r, .notMet)
        XCTAssertEqual(why, "hiv absent on the comorbidity review of 2026-02-20")
        // A review dated after today does not count yet.
        p.comorbiditiesReviewed = Fx.d("2026-03-02")
        XCTAssertEqual(try both("comorbidity hiv", p).0, .unknown)
    }

    // point 17: cryptic fusions are unknown unless a fusion assay covers the gene.
    func testCrypticFusionNeedsAFusionAssay() throws {
        var p = Fx.npm1()   // normal karyotype on record
        let (r, why) = try both("fusion NUP98::NSD1", p)
        XCTAssertEqual(r, .unknown, "a normal karyotype does not rule out NUP98::NSD1")
        XCTAssertEqual(why, "NUP98::NSD1 not tested: cryptic on a karyotype, no fusion assay covering it")
        p.testedFusions = [FusionPanel(date: Fx.d("2026-01-12"), assay: "RNA fusion panel", tissue: .bm, genes: ["NUP98", "KMT2A"])]
        let (r2, why2) = try both("fusion NUP98::NSD1", p)
        XCTAssertEqual(r2, .notMet)
        XCTAssertEqual(why2, "no NUP98::NSD1 on RNA fusion panel of 2026-01-12")
        // A karyotype still rules out a fusion it can see.
        XCTAssertEqual(try both("fusion RUNX1::RUNX1T1", Fx.npm1()).0, .notMet)
    }

    // point 18: reasons never claim evidence that does not exist.
    func testReasonNamesOnlyTheEvidenceThatExists() throws {
        let (_, why) = try both("fusion BCR::ABL1", Fx.npm1())
        XCTAssertEqual(why, "no BCR::ABL1 on the karyotype of 2026-01-10")
        XCTAssertFalse(why.contains("fusion results on record"))
        // A recorded fusion of other genes is no evidence about NUP98.
        var p = Fx.npm1()
        p.karyotypes = []
        p.fusions = [Fusion(date: Fx.d("2026-01-10"), name: "RUNX1::RUNX1T1", method: "RT-PCR")]
        XCTAssertEqual(try both("fusion NUP98::NSD1", p).0, .unknown)
    }
}
