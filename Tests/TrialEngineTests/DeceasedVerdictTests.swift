import CaseModel
import ClinicalRules
import XCTest
@testable import TrialEngine

/// A patient recorded dead (formats.md §1 `vitalStatus` dead) gets no trial verdict other than ineligible, with the
/// reason "deceased (date)", on every matching path: the fast path, the explained path, the lowered match table and
/// the single-patient re-match (issue #14 item e; rule `DeceasedRule`). `unknown` is not dead.
final class DeceasedVerdictTests: XCTestCase {
    func catalogue() throws -> Matcher { Matcher.compile(try TrialLoader.loadDirectory(CatalogueTests.dir)) }

    func testDeadPatientIsIneligibleEverywhereWithTheReason() throws {
        let m = try catalogue()
        let alive = Fx.npm1()
        var dead = alive
        dead.vitalStatus = .dead
        dead.death = Death(date: Fx.d("2026-02-27"))
        let aliveFacts = PatientFacts(patient: alive, interpretation: Interpretation.interpret(alive, today: Fx.today), today: Fx.today)
        let deadFacts = PatientFacts(patient: dead, interpretation: Interpretation.interpret(dead, today: Fx.today), today: Fx.today)
        // The alive patient is not ineligible everywhere (so the test can fail): the NPM1 catalogue has candidates.
        XCTAssertTrue(m.verdicts(for: aliveFacts).contains { $0.verdict != .ineligible }, "fixture: some arm is not ineligible when alive")

        let explained = m.verdicts(for: deadFacts)
        XCTAssertFalse(explained.isEmpty)
        for a in explained {
            XCTAssertEqual(a.verdict, .ineligible, "\(a.trial)/\(a.arm)")
            XCTAssertEqual(a.criteria.first?.text, DeceasedRule.criterionText)
            XCTAssertEqual(a.criteria.first?.result, .notMet)
            XCTAssertEqual(a.criteria.first?.reason, "deceased (2026-02-27)")
        }
        var codes: [Verdict] = []
        m.verdictCodes(for: deadFacts, into: &codes)
        XCTAssertEqual(Set(codes), [.ineligible])
        for (ti, t) in m.trials.enumerated() {
            for a in t.arms { XCTAssertEqual(m.verdict(of: a, facts: deadFacts), .ineligible) }
            if let v = m.trialVerdict(ti, facts: deadFacts) { XCTAssertEqual(v, .ineligible) }
        }
        let table = m.matchTable(patients: [alive, dead], today: Fx.today, openOnly: false, threads: 1)
        for k in 0..<table.arms.count { XCTAssertEqual(table.verdict(patient: 1, arm: k), .ineligible) }
        XCTAssertTrue((0..<table.arms.count).contains { table.verdict(patient: 0, arm: $0) != .ineligible })
        for row in m.matchRow(deadFacts) {
            XCTAssertEqual(row.verdict, .ineligible)
            let explainedRow = m.explain(trial: row.trial, arm: row.arm, verdict: row.verdict, codes: row.codes, facts: deadFacts)
            XCTAssertEqual(explainedRow.criteria.first?.reason, "deceased (2026-02-27)")
        }
    }

    func testDeadWithoutDateAndUnknownStatus() throws {
        let m = try catalogue()
        var dead = Fx.npm1()
        dead.vitalStatus = .dead
        let f = PatientFacts(patient: dead, interpretation: Interpretation.interpret(dead, today: Fx.today), today: Fx.today)
        XCTAssertEqual(m.verdicts(for: f).first?.criteria.first?.reason, "deceased (date not recorded)")
        var unknown = Fx.npm1()
        unknown.vitalStatus = .unknown
        let u = PatientFacts(patient: unknown, interpretation: Interpretation.interpret(unknown, today: Fx.today), today: Fx.today)
        XCTAssertFalse(u.isDeceased, "unknown vital status is not dead")
        XCTAssertFalse(m.verdicts(for: u).contains { $0.criteria.first?.text == DeceasedRule.criterionText })
    }

    func testEngineVersionBumped() {
        // Verdict semantics changed (deceased → ineligible): stored results of the previous engine are recomputed.
        XCTAssertNotEqual(Matcher.engineVersion, "match-2026-12-01.2")
        XCTAssertNotEqual(Interpretation.rulesVersion, "rules-2026-12-01.2")
    }
}
