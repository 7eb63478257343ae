/// The case list's computed sort keys of one case, stored beside its trial verdicts (`caseSortKey`, written when
/// the verdicts are recomputed and current exactly when they are), so that sorting by a computed column reads
/// one table instead of interpreting every case. The eligible / possibly eligible counts come from the stored
/// verdicts themselves.
public struct CaseListSortKeys: Equatable, Sendable {
    /// `CaseListRisk.rank` of what the Risk column shows.
    public var riskRank: Int
    /// Due date of the next open follow-up (the nurses' records applied); nil when none is open.
    public var nextDue: LocalDate?
    public init(riskRank: Int, nextDue: LocalDate?) { self.riskRank = riskRank; self.nextDue = nextDue }
}
