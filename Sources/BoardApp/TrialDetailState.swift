import CaseModel
import ScreenKit

/// One trial: arms and criteria (scrolled), candidates grouped by verdict (selectable).
public struct TrialDetailState: Equatable, Sendable {
    public var id: String?
    public var detail: TrialDetail?
    public var focus: TrialPanel = .criteria
    public var criteriaScroll = 0
    public var candidates = ListState()
    /// Which load of `detail` the explanations asked for belong to (`AppState.candidatesGeneration` when it arrived).
    public var explainGeneration = 0
    /// Candidates whose explanation was asked for since `detail` arrived.
    public var explainRequested: Set<String> = []
    public init(id: String? = nil) { self.id = id }
}
