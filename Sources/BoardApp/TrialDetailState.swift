import CaseModel
import ScreenKit

/// One trial: arms and criteria (scrolled), candidates grouped by verdict (selectable).
public struct TrialDetailState: Equatable, Sendable {
    public var id: String?
    public var detail: TrialDetail?
    public var focus: TrialPanel = .criteria
    public var criteriaScroll = 0
    public var candidates = ListState()
    public init(id: String? = nil) { self.id = id }

    /// Candidates in display order: eligible, possibly eligible, ineligible.
    public var orderedCandidates: [TrialCandidate] {
        guard let d = detail else { return [] }
        return d.eligible + d.possiblyEligible + d.ineligible
    }
}
