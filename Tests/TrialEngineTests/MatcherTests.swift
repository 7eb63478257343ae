import CaseModel
import ClinicalRules
import XCTest
@testable import TrialEngine

final class MatcherTests: XCTestCase {
    func trial(_ yaml: String) throws -> CompiledTrial {
        let (t, d) = TrialLoader.load(text: yaml, file: "m.yaml")
        return try XCTUnwrap(t, d.map(\.description).joined(separator: "\n"))
    }

    static let arms = """
    id: SL-T-M-1
    title: Matcher test
    phase: "1"
    status: open
    groups: [AML]
    arms:
      - id: ELIG
        status: open
        inclusion:
          - {text: "AML", rule: "diagnosis AML"}
        exclusion:
          - {text: "HIV", rule: "comorbidity hiv"}
      - id: MAYBE
        status: open
        inclusion:
          - {text: "AML", rule: "diagnosis AML"}
          - {text: "ECOG ≤ 2 within 30 days", rule: "ecog <= 2 within 30 days"}
      - id: EXCL-MET
        status: open
        inclusion:
          - {text: "AML", rule: "diagnosis AML"}
        exclusion:
          - {text: "HBV", rule: "comorbidity hbv"}
      - id: EXCL-UNKNOWN
        status: open
        exclusion:
          - {text: "KIT", rule: "variant KIT"}
      - id: SUSP
        status: suspended
        inclusion:
          - {text: "AML", rule: "diagnosis AML"}
    """

    /// Fx.npm1 with its comorbidities reviewed: absent HIV/HBV/HCV/pregnancy/infection are then not present
    /// (issue 11 point 16; without the review they are unknown and no arm is eligible outright).
    static func reviewed() -> Patient {
        var p = Fx.npm1()
        p.comorbiditiesReviewed = Fx.d("2026-02-20")
        return p
    }

    func testArmVerdictRules() throws {
        let m = Matcher(trials: [try trial(Self.arms)])
        let v = m.verdicts(for: Fx.facts(Self.reviewed()))
        XCTAssertEqual(v.map(\.arm), ["ELIG", "MAYBE", "EXCL-MET", "EXCL-UNKNOWN", "SUSP"])
        XCTAssertEqual(v.map(\.verdict), [.eligible, .possiblyEligible, .ineligible, .possiblyEligible, .eligible])
        XCTAssertEqual(v[1].unknowns.map(\.reason), ["ECOG last recorded 2025-11-02, older than 30 days"])
        XCTAssertEqual(v[2].criteria[1].kind, .exclusion)
        XCTAssertEqual(v[2].criteria[1].result, .met)
        XCTAssertEqual(v[2].criteria[1].reason, "hbv recorded")
        XCTAssertEqual(v[4].armStatus, .suspended)
        // Fast path agrees.
        var codes: [Verdict] = []
        m.verdictCodes(for: Fx.facts(Self.reviewed()), into: &codes)
        XCTAssertEqual(codes, v.map(\.verdict))
    }

    func testTrialVerdictIsBestOpenArmAndSuspendedArmsNeverCount() throws {
        let only = Self.arms.replacingOccurrences(of: "  - id: ELIG\n    status: open", with: "  - id: ELIG\n    status: closed")
        let m = Matcher(trials: [try trial(only)])
        let f = Fx.facts(Self.reviewed())
        // SUSP would be eligible, ELIG is closed: best open arm is only possibly eligible.
        XCTAssertEqual(m.trialVerdict(0, facts: f), .possiblyEligible)
        XCTAssertEqual(Matcher.bestOpen(m.verdicts(for: f)), .possiblyEligible)
        let full = Matcher(trials: [try trial(Self.arms)])
        XCTAssertEqual(full.trialVerdict(0, facts: f), .eligible)
        // A closed trial has no open arm.
        let closed = Self.arms.replacingOccurrences(of: "status: open\ngroups", with: "status: closed\ngroups")
        let c = Matcher(trials: [try trial(closed)])
        XCTAssertNil(c.trialVerdict(0, facts: f))
        XCTAssertNil(Matcher.bestOpen(c.verdicts(for: f)))
    }

    func testPublicAPIRunsInterpretation() throws {
        let m = Matcher(trials: [try trial(Self.arms)])
        let p = Fx.npm1()
        let v = m.verdicts(for: p, interpretation: Interpretation.interpret(p, today: Fx.today), today: Fx.today)
        XCTAssertEqual(v.count, 5)
        XCTAssertEqual(v.first?.patient, "SL-AML-T1")
        XCTAssertEqual(v.first?.trial, "SL-T-M-1")
    }

    func testPatientFingerprintChangesWithData() {
        var p = Fx.npm1()
        let a = Matcher.fingerprint(of: p)
        XCTAssertEqual(a, Matcher.fingerprint(of: p))
        p.labs[0].value = 1.2
        XCTAssertNotEqual(a, Matcher.fingerprint(of: p))
    }
}
