import CaseModel
import ClinicalRules
import Foundation
@testable import TrialEngine
import XCTest

/// formats.md §1: `birthDate` may be null when the source does not record it; age-dependent criteria are then
/// `unknown` with the reason "birth date not recorded" (never met, never not-met), so such a patient is at best
/// possibly eligible for an age-restricted arm.
final class UnknownBirthDateTests: XCTestCase {
    func testAgeCriteriaAreUnknownWithTheReason() throws {
        var p = Fx.npm1()
        p.birthDate = nil
        let facts = PatientFacts(patient: p, today: Fx.today)
        XCTAssertNil(facts.age)
        for rule in ["age >= 18", "age in 18..75", "age < 120"] {
            let e = try RuleParser.parse(rule)
            let (result, reasons) = Evaluator.explain(e, facts)
            XCTAssertEqual(result, .unknown, rule)
            let text = reasons.map { ReasonText.text($0.0, $0.1, facts) }
            XCTAssertEqual(text, ["birth date not recorded"], rule)
        }
        // `not age >= 18` stays unknown (Kleene), and the patient's age is not shown as 0.
        XCTAssertEqual(Evaluator.result(try RuleParser.parse("not age >= 18"), facts), .unknown)
        XCTAssertNil(p.age(on: Fx.today))
        // With the birth date recorded the same rule is decided.
        XCTAssertEqual(Evaluator.result(try RuleParser.parse("age >= 18"), PatientFacts(patient: Fx.npm1(), today: Fx.today)), .met)
    }
}
