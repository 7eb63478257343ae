import CaseModel

/// Trial verdicts read from the store's up-to-date results (no case loaded or evaluated): what the case
/// list counts and the trial catalogue need.
public struct StoredTrialVerdicts: Sendable, Equatable {
    /// Case id → trial id → the trial's verdict (best open arm), only where it is eligible or possibly eligible.
    public var candidates: [String: [String: Verdict]]
    /// Trials with at least one open arm: for these, a case absent from `candidates` is ineligible; a trial
    /// without an open arm has no verdict (as `Matcher.trialVerdict`).
    public var trialsWithOpenArm: Set<String>

    public init(candidates: [String: [String: Verdict]], trialsWithOpenArm: Set<String>) {
        self.candidates = candidates
        self.trialsWithOpenArm = trialsWithOpenArm
    }

    /// Every trial's verdict for one case (as the on-the-fly fast path gives it).
    public func verdicts(of caseID: String) -> [String: Verdict] {
        var out = candidates[caseID] ?? [:]
        for t in trialsWithOpenArm where out[t] == nil { out[t] = .ineligible }
        return out
    }
}
