import ScreenKit

/// The case list: the ids matching the query (summaries are fetched per visible row when drawn).
public struct CaseListState: Equatable, Sendable {
    public var ids: [String] = []
    public var list = ListState()
    public var query = CaseQuery()
    /// The search line while `/` is being typed.
    public var searchEditor: LineEditor?
    public var facets = CaseFacets()
    public var isLoaded = false
    public init() {}

    public var selectedID: String? { list.selected < ids.count ? ids[list.selected] : nil }
}
