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

extension Matcher {
    /// The arm's own criterion outcomes of an explained verdict, without the leading "Patient alive" criterion of a
    /// deceased patient: what the match table's result codes hold, position by position.
    public static func armCriteria(_ v: ArmVerdict, facts: PatientFacts) -> [CriterionOutcome] {
        facts.isDeceased && v.criteria.first?.text == DeceasedRule.criterionText ? Array(v.criteria.dropFirst()) : v.criteria
    }
}
