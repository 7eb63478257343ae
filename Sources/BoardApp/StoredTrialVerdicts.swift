import CaseModel

/// Where the counts and the computed sort keys of the case list and the trial catalogue come from.
public enum StoredVerdictStatus: Equatable, Sendable {
    /// No stored verdicts (read-only database, no catalogue, or the store could not be brought up to date):
    /// computed on the fly for good.
    case onTheFly
    /// Being brought up to date in the background: computed on the fly meanwhile ("preparing verdicts…").
    case preparing
    /// Read from the store.
    case ready

    /// The header lines' note while preparing; nil otherwise.
    public func note(ascii: Bool) -> String? { self == .preparing ? (ascii ? "preparing verdicts..." : "preparing verdicts…") : nil }
}

/// Trial verdicts read from the store's up-to-date results (no case loaded or evaluated): what the case
/// list counts and the trial catalogue need.
public struct StoredTrialVerdicts: Sendable, Equatable {
    /// Case id → trial id → the trial's verdict (best open arm), only where it is eligible or possibly eligible.
    public var candidates: [String: [String: Verdict]]
    /// Trials with at least one open arm: for these, a case absent from `candidates` is ineligible; a trial
    /// without an open arm has no verdict (as `Matcher.trialVerdict`).
    public var trialsWithOpenArm: Set<String>
    /// Case id → the case list's computed sort keys stored with these verdicts (nil: none stored; the list then
    /// computes them on the fly).
    public var sortKeys: [String: CaseListSortKeys]?

    public init(candidates: [String: [String: Verdict]], trialsWithOpenArm: Set<String>, sortKeys: [String: CaseListSortKeys]? = nil) {
        self.candidates = candidates
        self.trialsWithOpenArm = trialsWithOpenArm
        self.sortKeys = sortKeys
    }

    /// How many trials a case is eligible and possibly eligible for (the case list's El/Po column).
    public func counts(of caseID: String) -> (eligible: Int, possiblyEligible: Int) {
        let v = candidates[caseID]?.values
        return (v?.filter { $0 == .eligible }.count ?? 0, v?.filter { $0 == .possiblyEligible }.count ?? 0)
    }

    /// Every trial's verdict for one case (as the on-the-fly fast path gives it).
    public func verdicts(of caseID: String) -> [String: Verdict] {
        var out = candidates[caseID] ?? [:]
        for t in trialsWithOpenArm where out[t] == nil { out[t] = .ineligible }
        return out
    }
}
