import CaseModel
import ClinicalRules

extension PatientFacts {
    /// The patient is recorded dead (`DeceasedRule`): every arm is ineligible.
    public var isDeceased: Bool { DeceasedRule.isDeceased(patient) }
}

extension Matcher {
    /// The criterion an explained verdict of a deceased patient starts with: "Patient alive" not met, "deceased (date)".
    static func deceasedOutcome(_ p: Patient) -> CriterionOutcome {
        CriterionOutcome(kind: .inclusion, text: DeceasedRule.criterionText, result: .notMet, reason: DeceasedRule.reason(p))
    }
}
