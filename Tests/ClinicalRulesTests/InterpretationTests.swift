import XCTest
import Foundation
import CaseModel
@testable import ClinicalRules

final class InterpretationTests: XCTestCase {
    typealias F = Fixtures

    func testAgeWith29FebruaryBirthday() {
        let p = F.aml(birth: "2008-02-29")
        XCTAssertEqual(Interpretation.interpret(p, today: F.d("2026-02-27")).age, 17)
        XCTAssertEqual(Interpretation.interpret(p, today: F.d("2026-02-28")).age, 18, "28 February in a common year")
        XCTAssertEqual(Interpretation.interpret(p, today: F.d("2028-02-28")).age, 19, "leap year: not yet")
        XCTAssertEqual(Interpretation.interpret(p, today: F.d("2028-02-29")).age, 20)
    }

    func test29FebruaryBirthdayThroughTheGermlineAgeRule() {
        // Born 1988-02-29; in the common year 2027 the birthday is 28 February.
        var p = F.aml(birth: "1988-02-29")
        p.diagnoses[0].date = F.d("2027-02-28")
        XCTAssertTrue(Interpretation.interpret(p, today: F.d("2027-03-01")).germline.flags.contains { $0.reason.contains("diagnosed at age 39") })
        p.diagnoses[0].date = F.d("2027-02-27")
        XCTAssertTrue(Interpretation.interpret(p, today: F.d("2027-03-01")).germline.flags.contains { $0.reason.contains("diagnosed at age 38") })
    }

    func testInterpretFillsEveryPart() {
        var p = F.aml(karyotype: [], variants: [F.npm1, F.v("DDX41", .frameshift, vaf: 0.49)], id: "SL-AML-0042")
        p.diseaseStatus = [DiseaseStatusEntry(date: F.d("2026-02-20"), status: .cr)]
        p.mrd = [MRDResult(date: F.d("2026-03-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.0001),
                 MRDResult(date: F.d("2026-04-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.002)]
        let i = Interpretation.interpret(p, today: F.d("2026-04-10"))
        XCTAssertEqual(i.eln2022?.risk, .favorable)
        XCTAssertEqual(i.eln2024LessIntensive?.risk, .favorable)
        XCTAssertEqual(i.germline.flags.first?.gene, "DDX41")
        XCTAssertTrue(i.germline.testingRecommended)
        XCTAssertEqual(i.mrd.first?.status, .relapse)
        XCTAssertTrue(i.followUps.contains { $0.kind == "MRD confirmation" && $0.due == F.d("2026-04-29") })
        XCTAssertEqual(i.cytogenetics?.karyotypeAvailable, true)
    }

    func testWithoutFollowUpsEverythingElseIsTheSame() {
        var p = Fixtures.aml(karyotype: ["-7"], variants: [Fixtures.npm1], id: "SL-AML-0007")
        p.transplants = [Transplant(date: Fixtures.d("2026-03-01"), type: .allogeneic)]
        let full = Interpretation.interpret(p, today: Fixtures.today)
        var lean = Interpretation.interpret(p, today: Fixtures.today, followUps: false)
        XCTAssertFalse(full.followUps.isEmpty)
        XCTAssertTrue(lean.followUps.isEmpty)
        lean.followUps = full.followUps
        XCTAssertEqual(lean, full)
    }

    func testNonAMLHasNoELN() {
        for c in [DiagnosisCategory.apl, .mds, .bALL, .cml, .aplasticAnaemia, .germlinePredisposition] {
            let i = Interpretation.interpret(F.aml(category: c), today: F.today)
            XCTAssertNil(i.eln2022, c.rawValue)
            XCTAssertNil(i.eln2024LessIntensive, c.rawValue)
        }
    }

    func testEmptyPatientIsSafe() {
        let p = Patient(id: "X", sex: .unknown, birthDate: F.d("1970-01-01"), diagnoses: [])
        let i = Interpretation.interpret(p, today: F.today)
        XCTAssertNil(i.eln2022)
        XCTAssertTrue(i.mrd.isEmpty)
        XCTAssertTrue(i.followUps.isEmpty)
        XCTAssertFalse(i.germline.testingRecommended)
    }

    func testRuleSetsNameTheirSourceAndVersion() {
        XCTAssertEqual(Interpretation.ruleSets.count, 5)
        for r in Interpretation.ruleSets {
            XCTAssertFalse(r.name.isEmpty)
            XCTAssertFalse(r.version.isEmpty)
        }
        XCTAssertTrue(ELN2022.rule.contains("Blood 2022"))
    }
}
