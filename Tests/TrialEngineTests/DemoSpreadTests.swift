import CaseModel
import ClinicalRules
import Foundation
import XCTest
@testable import TrialEngine

/// With ENGINE_DEMO_CASES=<caseboard-cases JSON> (e.g. `caseboard export` of the demo database), checks that every
/// demo patient gets a spread of trial verdicts and prints the distribution. Skipped otherwise.
final class DemoSpreadTests: XCTestCase {
    struct CaseFile: Decodable { var patients: [Patient] }

    func testDemoPatientsGetASpreadOfVerdicts() throws {
        guard let path = ProcessInfo.processInfo.environment["ENGINE_DEMO_CASES"] else { throw XCTSkip("ENGINE_DEMO_CASES not set") }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let patients = try JSONDecoder().decode(CaseFile.self, from: data).patients
        let today = ProcessInfo.processInfo.environment["ENGINE_TODAY"].flatMap(LocalDate.init) ?? LocalDate.today()
        let m = Matcher.compile(try TrialLoader.loadDirectory(CatalogueTests.dir))
        var perPatient: [[Verdict: Int]] = []
        var unknownReasons: [String: Int] = [:]
        for p in patients {
            let f = PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: today), today: today)
            var c: [Verdict: Int] = [:]
            for ti in m.trials.indices { if let v = m.trialVerdict(ti, facts: f) { c[v, default: 0] += 1 } }
            perPatient.append(c)
            if let show = ProcessInfo.processInfo.environment["ENGINE_DEMO_SHOW"], p.id.hasPrefix(show) {
                for v in m.verdicts(for: f) where v.verdict != .ineligible || v.criteria.count < 4 {
                    print("SHOW \(v.patient) \(v.trial)/\(v.arm) [\(v.armStatus.rawValue)] \(v.verdict.rawValue)")
                    for cr in v.criteria { print("SHOW    \(cr.kind.rawValue) \(cr.result.rawValue): \(cr.text) — \(cr.reason)") }
                }
            }
            for v in m.verdicts(for: f) where v.verdict == .possiblyEligible { for u in v.unknowns { unknownReasons[u.reason, default: 0] += 1 } }
        }
        let withEligibleOrPossible = perPatient.filter { ($0[.eligible] ?? 0) + ($0[.possiblyEligible] ?? 0) > 0 }.count
        let withEligible = perPatient.filter { ($0[.eligible] ?? 0) > 0 }.count
        print("DEMO patients=\(patients.count) withEligible=\(withEligible) withEligibleOrPossible=\(withEligibleOrPossible)")
        let avgE = Double(perPatient.map { $0[.eligible] ?? 0 }.reduce(0, +)) / Double(max(patients.count, 1))
        let avgP = Double(perPatient.map { $0[.possiblyEligible] ?? 0 }.reduce(0, +)) / Double(max(patients.count, 1))
        print("DEMO average per patient: eligible \(avgE), possibly \(avgP)")
        for (r, n) in unknownReasons.sorted(by: { $0.value > $1.value }).prefix(15) { print("DEMO unknown \(n)× \(r)") }
        XCTAssertGreaterThan(withEligibleOrPossible, patients.count / 2)
        XCTAssertTrue(perPatient.allSatisfy { ($0[.ineligible] ?? 0) > 0 })
    }
}
