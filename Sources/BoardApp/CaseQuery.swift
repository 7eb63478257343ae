import CaseModel

/// Filters of the case list; nil means "any".
public struct CaseFilter: Equatable, Sendable {
    public var group: PathologyGroup?
    public var site: String?
    public var status: DiseaseStatus?
    public init(group: PathologyGroup? = nil, site: String? = nil, status: DiseaseStatus? = nil) {
        self.group = group; self.site = site; self.status = status
    }
    public var isEmpty: Bool { group == nil && site == nil && status == nil }
}

/// Columns the case list sorts by.
public enum CaseSortKey: String, CaseIterable, Equatable, Sendable {
    case id, name, age, diagnosis, eln = "risk", followUp = "next follow-up", trials

    /// Whether sorting by this key needs every case's interpretation (slower on big databases).
    public var needsInterpretation: Bool {
        switch self {
        case .id, .name, .age, .diagnosis: return false
        case .eln, .followUp, .trials: return true
        }
    }
}

public struct CaseSort: Equatable, Sendable {
    public var key: CaseSortKey
    public var ascending: Bool
    public init(key: CaseSortKey = .id, ascending: Bool = true) { self.key = key; self.ascending = ascending }
}

/// What the case list asks the repository for.
public struct CaseQuery: Equatable, Sendable {
    public var filter: CaseFilter
    public var sort: CaseSort
    /// Case-insensitive text matched against id, diagnosis and (unless `hideIdentities`) the name.
    public var search: String
    /// Presenter mode: names are neither shown nor searchable.
    public var hideIdentities: Bool
    public init(filter: CaseFilter = CaseFilter(), sort: CaseSort = CaseSort(), search: String = "", hideIdentities: Bool = false) {
        self.filter = filter; self.sort = sort; self.search = search; self.hideIdentities = hideIdentities
    }
}

/// The values present in the data, for the filter keys to cycle through.
public struct CaseFacets: Equatable, Sendable {
    public var groups: [PathologyGroup]
    public var sites: [String]
    public var statuses: [DiseaseStatus]
    public init(groups: [PathologyGroup] = [], sites: [String] = [], statuses: [DiseaseStatus] = []) {
        self.groups = groups; self.sites = sites; self.statuses = statuses
    }
}

/// Filters of the nurse worklist.
public struct WorklistFilter: Equatable, Sendable {
    public var site: String?
    public var kind: String?
    public var includeDone: Bool
    /// Due within N days: due on or before today + N (overdue tasks included), as `followups --due-within`.
    public var dueWithinDays: Int? = nil
    /// Overdue by more than N days: due before today − N.
    public var overdueMoreThanDays: Int? = nil
    public init(site: String? = nil, kind: String? = nil, includeDone: Bool = false) {
        self.site = site; self.kind = kind; self.includeDone = includeDone
    }

    /// Whether the date filters keep a task due on `due` (site, kind and done are matched by the repository).
    public func admitsDue(_ due: LocalDate, today: LocalDate) -> Bool {
        let days = today.days(until: due)
        if let n = dueWithinDays, days > n { return false }
        if let n = overdueMoreThanDays, days >= -n { return false }
        return true
    }

    /// "due ≤ 7 d · overdue > 14 d", or nil when neither date filter is set.
    public func dueText(ascii: Bool) -> String? {
        var parts: [String] = []
        if let n = dueWithinDays { parts.append("due within \(n) d") }
        if let n = overdueMoreThanDays { parts.append("overdue > \(n) d") }
        return parts.isEmpty ? nil : parts.joined(separator: ascii ? " | " : " · ")
    }
}
