import CaseModel
import ClinicalRules
import TrialEngine

/// A cohort query: a criteria-language expression evaluated tri-state for each patient on a day. Only
/// `met` selects; `unknown` (data missing) is kept apart from `not-met`, never counted as either.
public struct CohortSelection: Sendable {
    public let text: String
    let expr: RuleExpr

    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    public init(_ text: String) throws {
        self.text = text
        do { expr = try RuleParser.parse(text) } catch { throw Failure(description: "--where \(text): \(error)") }
    }

    public func result(_ p: Patient, interpretation: Interpretation, today: LocalDate) -> CriterionResult {
        Evaluator.result(expr, PatientFacts(patient: p, interpretation: interpretation, today: today))
    }

    public func result(_ p: Patient, today: LocalDate) -> CriterionResult {
        result(p, interpretation: Interpretation.interpret(p, today: today, followUps: false), today: today)
    }

    /// The patients for whom the expression is met, and the counts of each result.
    public func select(_ patients: [Patient], today: LocalDate) -> (met: [Patient], notMet: Int, unknown: Int) {
        var met: [Patient] = []
        var notMet = 0, unknown = 0
        for p in patients {
            switch result(p, today: today) {
            case .met: met.append(p)
            case .notMet: notMet += 1
            case .unknown: unknown += 1
            }
        }
        return (met, notMet, unknown)
    }
}
