import ScreenKit

/// Pre-screening view: a trial (chosen in the left list) and its candidates by verdict with the
/// data to obtain. Issue #6 adds the screening log statuses and their changes.
public struct ScreeningState: Equatable, Sendable {
    public var trialList = ListState()
    public var focus: TrialPanel = .criteria
    public var detail: TrialDetail?
    public var candidates = ListState()
    public init() {}
}
