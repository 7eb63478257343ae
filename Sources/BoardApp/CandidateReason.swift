import CaseModel
import ScreenKit

/// What a candidate line says after the patient: an ineligible patient names the criterion that fails
/// (never an `obtain:` item: data to obtain cannot make them eligible); a possibly eligible one lists what
/// to obtain; an eligible one nothing. A candidate not explained yet shows "…" where its reason will be.
enum CandidateReason {
    static func spans(_ c: TrialCandidate, ascii: Bool) -> [Span] {
        if !c.explained && c.verdict != .eligible { return [Span("  " + Formatting.ellipsis(ascii), role: .muted)] }
        switch c.verdict {
        case .ineligible:
            return c.failing.isEmpty ? [] : [Span("  fails: " + c.failing.joined(separator: "; "), role: .trialIneligible)]
        case .possiblyEligible:
            return c.toObtain.isEmpty ? [] : [Span("  obtain: " + c.toObtain.joined(separator: "; "), role: .trialPossibly)]
        case .eligible:
            return []
        }
    }
}
