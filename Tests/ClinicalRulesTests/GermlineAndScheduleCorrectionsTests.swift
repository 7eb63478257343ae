import XCTest
import CaseModel
@testable import ClinicalRules

/// Issue 11 points 9–15: germline red flags and actions (Godley & Shimamura, Blood 2017;130:424;
/// clinical-reference.md §2c) and schedules (AIEOP-BFM protocol days; ELN MRD working party,
/// Schuurhuis et al., Blood 2018;131:1275 kept in Heuser et al., Blood 2021;138:2753).
final class GermlineAndScheduleCorrectionsTests: XCTestCase {
    typealias F = Fixtures

    func germline(_ p: Patient) -> GermlineAssessment { GermlinePredisposition.assess(p, today: F.today) }

    // point 9: a relative with thrombocytopenia / bleeding tendency is a red flag.
    func testRelativeWithThrombocytopeniaAndBleedingIsARedFlag() {
        var p = F.aml(birth: "1960-01-01")
        p.familyHistory = [FamilyHistoryEntry(relation: .parent, condition: "thrombocytopenia with bleeding")]
        XCTAssertEqual(germline(p).flags.map(\.level), [.redFlag])
        p.familyHistory = [FamilyHistoryEntry(relation: .auntUncle, condition: "aplastic anaemia")]
        XCTAssertEqual(germline(p).flags.map(\.level), [.redFlag], "second-degree relative with aplastic anaemia")
        p.familyHistory = [FamilyHistoryEntry(relation: .cousin, condition: "thrombocytopenia")]
        XCTAssertEqual(germline(p).flags, [], "a cousin is third degree")
        p.familyHistory = [FamilyHistoryEntry(relation: .sibling, condition: "type 2 diabetes")]
        XCTAssertEqual(germline(p).flags, [])
    }

    // point 10: young age applies to MDS/AML and aplastic anaemia, not MPN.
    func testYoungAgeRedFlagNotForMPN() {
        let pv = F.aml(category: .mpn, birth: "1987-01-01")   // 39 at the 2026-01-10 diagnosis (SL-MPN-0010's case)
        XCTAssertEqual(germline(pv).flags, [])
        XCTAssertEqual(germline(F.aml(category: .aml, birth: "1987-01-01")).flags.map(\.level), [.redFlag])
        XCTAssertEqual(germline(F.aml(category: .aplasticAnaemia, birth: "1987-01-01")).flags.map(\.level), [.redFlag])
        XCTAssertEqual(germline(F.aml(category: .aml, birth: "1986-01-10")).flags, [], "40 on the day: not under 40")
    }

    // point 11: B-ALL copy-number losses are not flagged as germline from their "VAF".
    func testBALLDeletionsAreNotSuspectedGermline() {
        let p = F.aml(variants: [F.v("IKZF1", .deletion, vaf: 0.5), F.v("PAX5", .deletion, vaf: 0.95)],
                      panel: ["IKZF1", "PAX5"], category: .bALL, birth: "1960-01-01")
        XCTAssertEqual(germline(p).flags, [])
        // A PAX5 sequence variant at heterozygous VAF is still suspected.
        let q = F.aml(variants: [F.v("PAX5", .missense, vaf: 0.5)], panel: ["PAX5"], category: .bALL, birth: "1960-01-01")
        XCTAssertEqual(germline(q).flags.map(\.level), [.suspected])
    }

    // point 12: a variant on a germline tissue with origin unknown is germline (confirmed).
    func testUnknownOriginOnFibroblastsIsConfirmed() {
        let v = F.v("RUNX1", .frameshift, vaf: 0.5, origin: .unknown, tissue: .skinFibroblast)
        let g = germline(F.aml(variants: [v], birth: "1960-01-01"))
        XCTAssertEqual(g.flags.map(\.level), [.confirmed])
        XCTAssertEqual(g.actions, [.geneticCounselling, .cascadeTestingOfRelatives])
        let hair = F.v("DDX41", .frameshift, vaf: 0.5, origin: .unknown, tissue: .hair)
        XCTAssertEqual(germline(F.aml(variants: [hair], birth: "1960-01-01")).flags.map(\.level), [.confirmed])
    }

    // point 13: actions, testingRecommended kept.
    func testActions() {
        var red = F.aml(birth: "1960-01-01")
        red.clinicalFeatures = ["nail-dystrophy"]
        let r = germline(red)
        XCTAssertEqual(r.actions, [.germlineTesting])
        XCTAssertTrue(r.testingRecommended)

        var planned = F.aml(variants: [F.v("DDX41", .frameshift, vaf: 0.5, origin: .germline, tissue: .skinFibroblast)],
                            birth: "1960-01-01")
        planned.transplants = [Transplant(date: F.d("2026-07-01"), type: .allogeneic)]
        let c = germline(planned)
        XCTAssertEqual(c.actions, [.geneticCounselling, .cascadeTestingOfRelatives, .screenRelatedDonors])
        XCTAssertTrue(c.testingRecommended, "true when any action is due")
        planned.transplants = [Transplant(date: F.d("2026-07-01"), type: .autologous)]
        XCTAssertFalse(germline(planned).actions.contains(.screenRelatedDonors))

        let none = germline(F.aml(birth: "1960-01-01"))
        XCTAssertEqual(none.actions, [])
        XCTAssertFalse(none.testingRecommended)
    }

    // point 14: ALL protocol days count the first day of induction as day 1.
    func testALLDay15IsTheFourteenthDayAfterStart() {
        var p = F.aml(category: .bALL)
        p.diagnoses = [Diagnosis(date: F.d("2026-11-10"), category: .bALL)]
        p.therapies = [Therapy(start: F.d("2026-11-16"), regimen: "GRAALL induction", agents: ["vincristine"], intent: .induction)]
        let tasks = FollowUpScheduler.tasks(for: p, today: F.d("2026-11-20"))
        XCTAssertEqual(tasks.first { $0.kind == "ALL MRD day 15 (FCM)" }?.due, F.d("2026-11-30"))
        XCTAssertEqual(tasks.first { $0.kind == "ALL MRD day 33 (TP1, BM)" }?.due, F.d("2026-12-18"))
    }

    // point 15: NPM1 / CBF MRD: marrow every 3 months or blood every 4–6 weeks, 24 months after consolidation.
    func testNPM1MonitoringFollowsTheELNWorkingParty() {
        var p = F.aml(karyotype: [], variants: [F.npm1])
        p.diseaseStatus = [DiseaseStatusEntry(date: F.d("2026-02-20"), status: .cr)]
        p.therapies = [Therapy(start: F.d("2026-01-12"), end: F.d("2026-02-10"), regimen: "7+3", agents: ["cytarabine"], intent: .induction),
                       Therapy(start: F.d("2026-03-01"), end: F.d("2026-04-30"), regimen: "HiDAC", agents: ["cytarabine"], intent: .consolidation)]
        let bm = FollowUpScheduler.tasks(for: p, today: F.today).first { $0.kind == "MRD NPM1 BM" }
        XCTAssertEqual(bm?.due, F.d("2026-07-30"), "3 months after the end of consolidation")
        XCTAssertEqual(bm?.source, FollowUpScheduler.elnMRDScheduleSource)
        XCTAssertTrue(bm?.source.contains("Schuurhuis") ?? false)
        // Followed in blood: due 6 weeks after the last PB sample.
        p.mrd = [MRDResult(date: F.d("2026-05-10"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: false, controlCopies: 50_000)]
        let pb = FollowUpScheduler.tasks(for: p, today: F.today).first { $0.kind == "MRD NPM1 PB" }
        XCTAssertEqual(pb?.due, F.d("2026-06-21"))
        XCTAssertEqual(pb?.repeatDays, 42)
    }
}
