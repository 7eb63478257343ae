import ScreenKit

/// The case screen: one loaded case, the focused panel, scroll positions, the trial-reasons view.
public struct CaseDetailState: Equatable, Sendable {
    public var id: String?
    public var detail: CaseDetail?
    public var focus: CasePanel = .identity
    /// Scroll offset of each panel's text.
    public var scroll: [CasePanel: Int] = [:]
    /// Selected trial in the trials panel.
    public var trialList = ListState()
    /// Enter on the trials panel: every criterion of the selected trial with its reason.
    public var showReasons = false
    public var reasonsScroll = 0
    /// The focused panel drawn over the whole content area.
    public var zoomed = false
    public init(id: String? = nil) { self.id = id }

    public var selectedTrial: CaseTrialRow? {
        guard let rows = detail?.trials, trialList.selected < rows.count else { return nil }
        return rows[trialList.selected]
    }
}
