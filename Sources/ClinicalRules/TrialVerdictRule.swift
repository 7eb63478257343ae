import CaseModel

/// The arm → trial verdict rule (formats.md §3), owned here and asked by every front end: a trial's verdict for
/// a patient is the best verdict among its OPEN arms (eligible < possibly eligible < ineligible); closed or
/// suspended arms are shown but never count. A trial with no open arm has NO verdict (nil: "no open arm"),
/// never "ineligible".
public enum TrialVerdictRule {
    /// The arm that gives the trial's verdict (the first best open arm, in the order given); nil without an open arm.
    public static func bestOpenArm(_ arms: [ArmVerdict]) -> ArmVerdict? {
        var best: ArmVerdict?
        for a in arms where a.armStatus == .open {
            if best == nil || a.verdict < (best?.verdict ?? .ineligible) { best = a }
        }
        return best
    }

    /// The trial's verdict from its arms' verdicts and statuses; nil without an open arm.
    public static func trialVerdict(_ arms: [(status: TrialStatus, verdict: Verdict)]) -> Verdict? {
        arms.filter { $0.status == .open }.map(\.verdict).min()
    }

    /// Words for a trial verdict where nil means the trial has no open arm.
    public static func label(_ v: Verdict?) -> String { v?.rawValue ?? "no open arm" }
}
