import CaseModel

/// A catalogue row: the trial and how many cases fall under each verdict.
public struct TrialSummary: Equatable, Sendable {
    public var trial: Trial
    public var eligible: Int
    public var possiblyEligible: Int
    public var ineligible: Int
    public init(trial: Trial, eligible: Int, possiblyEligible: Int, ineligible: Int) {
        self.trial = trial; self.eligible = eligible; self.possiblyEligible = possiblyEligible; self.ineligible = ineligible
    }
    public var openArms: Int { trial.arms.filter { $0.status == .open }.count }
}
