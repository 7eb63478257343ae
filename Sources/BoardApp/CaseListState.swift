import ScreenKit

/// The case list: the ids matching the query, and the rows of the cases around the visible window, loaded by an
/// effect (`loadCaseRows`) — the screen draws only what the state holds.
public struct CaseListState: Equatable, Sendable {
    public var ids: [String] = []
    public var list = ListState()
    public var query = CaseQuery()
    /// The search line while `/` is being typed.
    public var searchEditor: LineEditor?
    public var facets = CaseFacets()
    public var isLoaded = false
    /// The loaded rows by case id (only around the visible window).
    public var rows: [String: CaseRowEntry] = [:]
    /// Moves on when the data behind the rows changed (a write, stored verdicts ready): rows are asked again,
    /// and the old ones stay on screen until the new ones arrive.
    public var rowsGeneration = 0
    /// The generation each row was last asked for at.
    public var rowsRequested: [String: Int] = [:]
    public init() {}

    public var selectedID: String? { list.selected < ids.count ? ids[list.selected] : nil }
}

/// One case-list row as read: its summary, an id the repository does not know, or a read failure (shown on the
/// line, never as a blank or a default row).
public enum CaseRowEntry: Equatable, Sendable {
    case loaded(CaseSummary)
    case missing
    case failed(String)
}

/// Which case-list rows the runtime should load: the visible window (what the table draws, nothing more: each row
/// costs an interpretation the first time). A pure function of the state, applied after every action by `reduce`.
enum CaseListRows {
    static func request(_ s: inout AppState) -> Effect? {
        guard s.screen == .caseList, !s.caseList.ids.isEmpty else { return nil }
        let v = max(1, ScreenLayout.tableRows(width: s.width, height: s.height))
        let ids = s.caseList.ids
        let lo = min(max(0, s.caseList.list.offset), ids.count), hi = min(ids.count, lo + v)
        guard lo < hi else { return nil }
        let generation = s.caseList.rowsGeneration
        let wanted = ids[lo..<hi].filter { s.caseList.rowsRequested[$0] != generation }
        guard !wanted.isEmpty else { return nil }
        // Rows far from the window are forgotten (memory stays bounded at 100,000 cases).
        if s.caseList.rowsRequested.count > 8 * v {
            let keep = Set(ids[max(0, lo - 2 * v)..<min(ids.count, hi + 2 * v)])
            s.caseList.rows = s.caseList.rows.filter { keep.contains($0.key) }
            s.caseList.rowsRequested = s.caseList.rowsRequested.filter { keep.contains($0.key) }
        }
        for id in wanted { s.caseList.rowsRequested[id] = generation }
        return .loadCaseRows(ids: wanted, generation: generation)
    }
}
