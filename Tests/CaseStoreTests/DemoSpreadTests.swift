import CaseModel
import ClinicalRules
import Foundation
import TrialEngine
import XCTest
@testable import CaseStore

/// Every generated demo patient gets a spread of trial verdicts on the demo's reference date: more than half have
/// an eligible or possibly-eligible open trial, and every one is ineligible for some trial (a catalogue that made
/// everyone a candidate would mean criteria that never fail). `ENGINE_DEMO_SHOW=ID-PREFIX` prints those patients'
/// verdicts with reasons, for review.
final class DemoSpreadTests: XCTestCase {
    func testDemoPatientsGetASpreadOfVerdicts() throws {
        let patients = DemoCoverageTests.demo
        XCTAssertGreaterThan(patients.count, 200, "the demo generator produced no population")
        let today = DemoCoverageTests.today
        let m = Matcher.compile(try TrialLoader.loadDirectory(try DemoDatabaseTests.demoDirectory().appendingPathComponent("trials")))
        var perPatient: [[Verdict: Int]] = []
        for p in patients {
            let f = PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: today), today: today)
            var c: [Verdict: Int] = [:]
            for ti in m.trials.indices { if let v = m.trialVerdict(ti, facts: f) { c[v, default: 0] += 1 } }
            perPatient.append(c)
            if let show = ProcessInfo.processInfo.environment["ENGINE_DEMO_SHOW"], p.id.hasPrefix(show) {
                for v in m.verdicts(for: f) where v.verdict != .ineligible {
                    print("SHOW \(v.patient) \(v.trial)/\(v.arm) [\(v.armStatus.rawValue)] \(v.verdict.rawValue)")
                    for cr in v.criteria { print("SHOW    \(cr.kind.rawValue) \(cr.result.rawValue): \(cr.text) — \(cr.reason)") }
                }
            }
        }
        let withCandidate = perPatient.filter { ($0[.eligible] ?? 0) + ($0[.possiblyEligible] ?? 0) > 0 }.count
        XCTAssertGreaterThan(withCandidate, patients.count / 2)
        XCTAssertTrue(perPatient.allSatisfy { ($0[.ineligible] ?? 0) > 0 })
    }
}
