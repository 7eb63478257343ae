import CaseModel
import ClinicalRules
import Foundation
import XCTest
@testable import TrialEngine

/// The fast path (no reasons) and the explained path agree on every arm of the demo catalogue for synthetic
/// patients, every explained criterion has a reason, and the best-open-arm rule holds.
final class MatcherConsistencyTests: XCTestCase {
    func testFastAndExplainedPathsAgree() throws {
        let m = Matcher.compile(try TrialLoader.loadDirectory(CatalogueTests.dir))
        var gen = SyntheticPatients(seed: 42)
        let n = ProcessInfo.processInfo.environment["ENGINE_PERF_N"].flatMap(Int.init) ?? 300
        let facts = (0..<n).map { i -> PatientFacts in
            let p = gen.patient(i, today: Fx.today)
            return PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: Fx.today), today: Fx.today)
        }
        var counts: [Verdict: Int] = [:]
        var codes: [Verdict] = []
        let t0 = Date()
        for f in facts { m.verdictCodes(for: f, into: &codes); for c in codes { counts[c, default: 0] += 1 } }
        let fast = Date().timeIntervalSince(t0)
        var g2 = SyntheticPatients(seed: 7)
        let raw = (0..<n).map { g2.patient($0, today: Fx.today) }
        let t3 = Date()
        let p2 = raw.map { p in PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: Fx.today), today: Fx.today) }
        let factsTime = Date().timeIntervalSince(t3)
        let t4 = Date()
        _ = m.verdicts(for: p2[0])
        let single = Date().timeIntervalSince(t4)
        XCTAssertEqual(p2.count, n)
        var explained = 0.0
        for f in facts.prefix(100) {
            let t1 = Date()
            let v = m.verdicts(for: f)
            explained += Date().timeIntervalSince(t1)
            m.verdictCodes(for: f, into: &codes)
            XCTAssertEqual(v.map(\.verdict), codes)
            for a in v { for c in a.criteria { XCTAssertFalse(c.reason.isEmpty, "\(a.trial)/\(a.arm): \(c.text)") } }
            for (ti, t) in m.trials.enumerated() {
                let best = Matcher.bestOpen(v.filter { $0.trial == t.trial.id })
                XCTAssertEqual(m.trialVerdict(ti, facts: f), best)
            }
        }
        XCTAssertGreaterThan(counts[.eligible] ?? 0, 0)
        XCTAssertGreaterThan(counts[.possiblyEligible] ?? 0, 0)
        XCTAssertGreaterThan(counts[.ineligible] ?? 0, 0)
        if ProcessInfo.processInfo.environment["ENGINE_PERF_N"] != nil {
            print("ENGINE_PERF patients=\(n) arms=\(m.armIndex.count) criteria=\(m.criteriaCount) fast=\(fast)s facts=\(factsTime)s singleExplained=\(single)s explained(100)=\(explained)s counts=\(counts)")
        }
    }
}
