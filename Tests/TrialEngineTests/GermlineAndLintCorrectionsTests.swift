import CaseModel
import ClinicalRules
import XCTest
@testable import TrialEngine

/// Issue 11 points 19, 20 and 22: germline criteria stay unknown while a red flag or suspected germline variant
/// is open (Godley & Shimamura, Blood 2017: a red flag calls for germline testing, so "no germline variant" is not
/// known yet); `trials check` warns on MRD / lab criteria without a window and on arms without a diagnosis criterion.
final class GermlineAndLintCorrectionsTests: XCTestCase {
    func testOpenRedFlagMakesGermlineCriteriaUnknown() throws {
        let red = GermlineFlag(level: .redFlag, reason: "sibling with AML")
        let f = Fx.facts(Fx.npm1(), flags: [red])
        XCTAssertEqual(try Fx.eval("germline confirmed DDX41", f), .unknown)
        XCTAssertEqual(try Fx.explain("germline confirmed DDX41", f).0, .unknown)
        XCTAssertEqual(try Fx.explain("germline confirmed DDX41", f).1, "germline red-flag: sibling with AML")
        XCTAssertEqual(try Fx.eval("germline suspected", f), .unknown)
        // Without any flag nothing is open: not met.
        XCTAssertEqual(try Fx.eval("germline confirmed DDX41", Fx.facts(Fx.npm1())), .notMet)
        // A germline test done resolves the red flag.
        var tested = Fx.npm1()
        tested.testedGenes.append(GenePanel(date: Fx.d("2026-02-01"), assay: "germline panel", tissue: .skinFibroblast, genes: ["DDX41", "RUNX1"]))
        XCTAssertEqual(try Fx.eval("germline confirmed DDX41", Fx.facts(tested, flags: [red])), .notMet)
        // A suspected variant stays open even after other testing.
        let susp = GermlineFlag(level: .suspected, gene: "DDX41", reason: "DDX41 at VAF 48 %")
        XCTAssertEqual(try Fx.eval("germline confirmed DDX41", Fx.facts(tested, flags: [susp])), .unknown)
    }

    func testLinterWarnings() throws {
        let yaml = """
            id: SL-T-LINT-001
            title: Lint
            phase: "2"
            sponsor: Local
            status: open
            groups: [AML]
            sites: [Saint-Louis]
            arms:
              - id: A
                status: open
                inclusion:
                  - {text: "NPM1 MRD positive", rule: "mrd NPM1 positive"}
                  - {text: "bilirubin", rule: "lab bilirubin <= 1.5 x ULN"}
            """
        let (trial, diagnostics) = TrialLoader.load(text: yaml, file: "lint.yaml")
        guard let t = trial else { return XCTFail(diagnostics.map(\.description).joined(separator: "\n")) }
        let msgs = TrialLinter.lint(t).map(\.message)
        XCTAssertTrue(msgs.contains("arm A: no diagnosis criterion among the inclusions: patients of any disease can match"), msgs.joined(separator: "\n"))
        XCTAssertTrue(msgs.contains { $0.contains("MRD criterion on NPM1 has no time window") }, msgs.joined(separator: "\n"))
        XCTAssertTrue(msgs.contains { $0.contains("lab criterion on bilirubin has no time window") }, msgs.joined(separator: "\n"))
    }

    // point 21: a del(5q) criterion is met from an MDS-del(5q) diagnosis without a karyotype (WHO 2022 "MDS with
    // low blasts and isolated 5q deletion", clinical-reference.md §2d); without such a diagnosis it stays unknown.
    func testDel5qFromTheDiagnosis() throws {
        var p = Fx.npm1()
        p.karyotypes = []
        p.diagnoses = [Diagnosis(date: Fx.d("2026-01-10"), category: .mds, who2022: "MDS with low blasts and isolated 5q deletion",
                                 oncotree: "MDSDEL5Q")]
        let f = Fx.facts(p)
        XCTAssertEqual(try Fx.explain("karyotype del(5q)", f).0, .met)
        XCTAssertEqual(try Fx.eval("karyotype del(5q)", f), .met)
        XCTAssertTrue(try Fx.explain("karyotype del(5q)", f).1.contains("no karyotype recorded"))
        p.diagnoses[0].who2022 = "MDS with low blasts"; p.diagnoses[0].oncotree = "MDS"
        XCTAssertEqual(try Fx.eval("karyotype del(5q)", Fx.facts(p)), .unknown)
        XCTAssertEqual(try Fx.explain("karyotype del(5q)", Fx.facts(p)).0, .unknown)
    }
}
