import ScreenKit

/// The trial catalogue.
public struct TrialsState: Equatable, Sendable {
    public var rows: [TrialSummary] = []
    public var list = ListState()
    public var isLoaded = false
    public init() {}
    public var selectedID: String? { list.selected < rows.count ? rows[list.selected].trial.id : nil }
}
