import XCTest
import CaseModel
@testable import ClinicalRules

/// The CML ELN 2020 milestone (Hochhaus et al., Leukemia 2020;34:966, Table 4) appears in the `risk` list beside ELTS
/// and Sokal as `CML-ELN2020-milestone`: 5 % IS at 6 months of TKI is a warning, 15 % a failure; without a TKI
/// start or a BCR::ABL1 sample it is not evaluable and says what is missing.
final class CMLMilestoneRiskTests: XCTestCase {
    func cml(_ mrd: [MRDResult], tki: Bool = true) -> Patient {
        var p = Patient(id: "CML-1", sex: .male, birthDate: Fixtures.d("1970-01-01"),
                        diagnoses: [Diagnosis(date: Fixtures.d("2025-01-10"), category: .cml)])
        if tki { p.therapies = [Therapy(start: Fixtures.d("2025-01-15"), regimen: "imatinib", agents: ["imatinib"], intent: .other)] }
        p.mrd = mrd
        return p
    }

    func sample(_ date: String, _ v: Double) -> MRDResult {
        MRDResult(date: Fixtures.d(date), marker: "BCR::ABL1", method: .qPCR, tissue: .pb, detected: true, value: v)
    }

    func milestone(_ p: Patient) -> SchemeRiskAssessment? {
        RiskSchemes.assess(p, today: Fixtures.d("2025-12-01")).first { $0.scheme == RiskSchemes.cmlMilestoneScheme }
    }

    func testSixMonthCategoriesFromTheTable() throws {
        let warning = try XCTUnwrap(milestone(cml([sample("2025-07-20", 0.05)])))
        XCTAssertEqual(warning.category, "warning")
        XCTAssertTrue(warning.complete)
        XCTAssertEqual(try XCTUnwrap(milestone(cml([sample("2025-07-20", 0.15)]))).category, "failure")
        XCTAssertEqual(try XCTUnwrap(milestone(cml([sample("2025-07-20", 0.005)]))).category, "optimal")
    }

    func testMissingDataIsNeverACategory() throws {
        let noTKI = try XCTUnwrap(milestone(cml([sample("2025-07-20", 0.05)], tki: false)))
        XCTAssertEqual(noTKI.category, SchemeRiskAssessment.notEvaluable)
        XCTAssertFalse(noTKI.complete)
        XCTAssertEqual(noTKI.missing, ["TKI start date"])
        let noSample = try XCTUnwrap(milestone(cml([])))
        XCTAssertEqual(noSample.category, SchemeRiskAssessment.notEvaluable)
        XCTAssertEqual(noSample.missing, ["BCR::ABL1 IS result"])
        XCTAssertEqual(RiskSchemes.categories[RiskSchemes.cmlMilestoneScheme], ["optimal", "warning", "failure"])
    }
}
