import CaseModel
import XCTest
@testable import CohortOutcomes

/// Endpoint records against the definitions of ELN 2022 Table 9 (Döhner et al., Blood 2022;140:1345;
/// clinical-next.md §3.2) and ELN 2017 Table 7 (CIR with death without relapse competing).
final class EndpointDefinitionTests: XCTestCase {
    static let dx = LocalDate(year: 2024, month: 1, day: 1)!

    /// An AML patient diagnosed on `dx`, with statuses (day offset, status), transplant day, death day, last-contact day.
    static func patient(_ id: String = "P", statuses: [(Int, DiseaseStatus)] = [], hct: Int? = nil, death: Int? = nil,
                        lastContact: Int? = nil, vital: VitalStatus? = nil) -> Patient {
        var p = Patient(id: id, sex: .female, birthDate: LocalDate(year: 1960, month: 1, day: 1)!,
                        diagnoses: [Diagnosis(date: dx, category: .aml)])
        p.diseaseStatus = [DiseaseStatusEntry(date: dx, status: .newlyDiagnosed)] + statuses.map { DiseaseStatusEntry(date: dx.adding(days: $0.0), status: $0.1) }
        if let hct { p.transplants = [Transplant(date: dx.adding(days: hct), type: .allogeneic)] }
        if let death { p.death = Death(date: dx.adding(days: death), cause: .disease); p.vitalStatus = .dead }
        if let lastContact { p.lastContact = dx.adding(days: lastContact); if death == nil { p.vitalStatus = .alive } }
        if let vital { p.vitalStatus = vital }
        return p
    }

    func rec(_ p: Patient, _ e: Endpoint, _ o: EndpointOptions = EndpointOptions()) -> EndpointRecord {
        EndpointDefinitions.record(p, endpoint: e, options: o)
    }

    // MARK: OS — death from any cause; alive censored at the date last known alive.

    func testOS() {
        let dead = rec(Self.patient(death: 300, lastContact: 280), .os)
        XCTAssertEqual(dead.days, 300); XCTAssertEqual(dead.status, 1); XCTAssertEqual(dead.outcome, "death")
        let alive = rec(Self.patient(lastContact: 500), .os)
        XCTAssertEqual(alive.days, 500); XCTAssertEqual(alive.status, 0)
        XCTAssertEqual(alive.months ?? 0, 500 / 30.4375, accuracy: 1e-12)
    }

    func testMissingFollowUpIsExcludedWithAReason() {
        XCTAssertEqual(rec(Self.patient(vital: .dead), .os).excludedReason, "dead without a death date")
        XCTAssertEqual(rec(Self.patient(), .os).excludedReason, "no last-contact date (follow-up not recorded)")
        XCTAssertEqual(rec(Self.patient(lastContact: 100), .os, EndpointOptions(start: .cr)).excludedReason,
                       "no CR/CRh/CRi recorded after the diagnosis")
        XCTAssertEqual(rec(Self.patient(lastContact: 100), .os, EndpointOptions(start: .hct)).excludedReason,
                       "no transplant recorded after the diagnosis")
        XCTAssertEqual(rec(Self.patient(statuses: [(200, .cr)], lastContact: 100), .rfs).excludedReason,
                       "follow-up ends (2024-04-10) before the start (2024-07-19)")
    }

    func testOSFromTransplant() {
        let r = rec(Self.patient(statuses: [(40, .cr)], hct: 150, death: 400), .os, EndpointOptions(start: .hct))
        XCTAssertEqual(r.days, 250); XCTAssertEqual(r.status, 1)
    }

    // MARK: EFS — treatment failure (no CR/CRh/CRi by the landmark) is an event on day 1; relapse; death.

    func testEFSResponderEventsAreRelapseOrDeath() {
        let relapse = rec(Self.patient(statuses: [(40, .cr), (300, .relapsed)], death: 500), .efs)
        XCTAssertEqual(relapse.days, 300); XCTAssertEqual(relapse.status, 1); XCTAssertEqual(relapse.outcome, "relapse")
        let death = rec(Self.patient(statuses: [(40, .cri)], death: 500), .efs)
        XCTAssertEqual(death.days, 500); XCTAssertEqual(death.outcome, "death")
        let censored = rec(Self.patient(statuses: [(40, .crh)], lastContact: 700), .efs)
        XCTAssertEqual(censored.days, 700); XCTAssertEqual(censored.status, 0)
    }

    func testEFSInductionFailureIsAnEventOnDayOne() {
        let refractory = rec(Self.patient(statuses: [(60, .refractory), (250, .cr)], lastContact: 400), .efs)
        XCTAssertEqual(refractory.days, 1, "CR after the 180-day landmark is still an induction failure")
        XCTAssertEqual(refractory.status, 1); XCTAssertEqual(refractory.outcome, "induction failure")
        let earlyDeath = rec(Self.patient(death: 20), .efs)
        XCTAssertEqual(earlyDeath.days, 1); XCTAssertEqual(earlyDeath.status, 1)
        let refractoryEarly = rec(Self.patient(statuses: [(60, .refractory)], lastContact: 100), .efs)
        XCTAssertEqual(refractoryEarly.days, 1, "declared refractory before the landmark is reached")
        let shorter = rec(Self.patient(statuses: [(60, .refractory), (100, .cr)], lastContact: 400), .efs,
                          EndpointOptions(inductionLandmarkDays: 90))
        XCTAssertEqual(shorter.days, 1, "a 90-day landmark: CR on day 100 is too late")
        let inTime = rec(Self.patient(statuses: [(60, .refractory), (100, .cr)], lastContact: 400), .efs)
        XCTAssertEqual(inTime.days, 400, "the default 180-day landmark: CR on day 100 is a response")
    }

    /// ELN 2022 Table 9: alive and non-evaluable for response → censored on day 1.
    func testEFSNonEvaluableIsCensoredOnDayOne() {
        let r = rec(Self.patient(lastContact: 400), .efs)
        XCTAssertEqual(r.days, 1); XCTAssertEqual(r.status, 0)
        XCTAssertNil(r.excludedReason)
    }

    func testEFSNotYetEvaluableIsExcluded() {
        XCTAssertEqual(rec(Self.patient(lastContact: 100), .efs).excludedReason,
                       "induction response not yet evaluable (followed 100 of 180 days, no CR yet)")
    }

    func testEFSOnlyFromDiagnosis() {
        XCTAssertEqual(rec(Self.patient(statuses: [(40, .cr)], lastContact: 100), .efs, EndpointOptions(start: .cr)).excludedReason,
                       "EFS cannot start at cr")
    }

    // MARK: RFS and CIR — from CR/CRh/CRi.

    func testRFSAndCIR() {
        let relapsed = Self.patient(statuses: [(40, .cr), (300, .relapsed)], death: 500)
        XCTAssertEqual(rec(relapsed, .rfs).days, 260); XCTAssertEqual(rec(relapsed, .rfs).status, 1)
        XCTAssertEqual(rec(relapsed, .cir).days, 260); XCTAssertEqual(rec(relapsed, .cir).status, 1)
        let deadInCR = Self.patient(statuses: [(40, .cr)], death: 200)
        XCTAssertEqual(rec(deadInCR, .rfs).status, 1, "RFS: death is an event")
        XCTAssertEqual(rec(deadInCR, .cir).status, 2, "CIR: death without relapse competes")
        XCTAssertEqual(rec(deadInCR, .cir).outcome, "death without relapse")
        let alive = Self.patient(statuses: [(40, .cr)], lastContact: 640)
        XCTAssertEqual(rec(alive, .cir).days, 600); XCTAssertEqual(rec(alive, .cir).status, 0)
        XCTAssertEqual(rec(Self.patient(lastContact: 600), .rfs).excludedReason, "no CR/CRh/CRi recorded after the diagnosis")
    }

    func testARelapseBeforeAnyRemissionIsNotARelapse() {
        let r = rec(Self.patient(statuses: [(10, .relapsed), (60, .cr)], lastContact: 400), .efs)
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.days, 400)
    }

    // MARK: --censor-at-hct (GRAALL-2014/B secondary analyses)

    func testCensorAtTransplantInFirstRemission() {
        let p = Self.patient(statuses: [(40, .cr), (400, .relapsed)], hct: 150, death: 600)
        let o = EndpointOptions(censorAtHCT: true)
        XCTAssertEqual(rec(p, .rfs, o).days, 110); XCTAssertEqual(rec(p, .rfs, o).status, 0)
        XCTAssertEqual(rec(p, .rfs, o).outcome, "transplant in CR1 (censored)")
        XCTAssertEqual(rec(p, .os, o).days, 150)
        XCTAssertEqual(rec(p, .rfs).days, 360, "without the option the relapse counts")
        // A transplant after the relapse is not in first remission: not censored.
        let late = Self.patient(statuses: [(40, .cr), (100, .relapsed)], hct: 150, death: 600)
        XCTAssertEqual(rec(late, .rfs, o).status, 1)
        XCTAssertEqual(rec(late, .rfs, o).days, 60)
    }
}
