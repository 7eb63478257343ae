import CaseModel

/// Where the screens get their data. Implementations must be cheap for what the first screen
/// shows (ids, counts) and compute per-case interpretations only when asked, caching them.
/// BoardApp never touches the database or ncurses: the core wires a repository in. A read that fails
/// THROWS (the screen shows "could not read …"); nil and [] mean "no such id" and "none", never a failure.
public protocol CaseRepository: AnyObject {
    /// True when the data is the synthetic demo database ("SYNTHETIC DEMO DATA" is shown).
    var isDemo: Bool { get }
    /// The injected "today" every status is computed against.
    var today: LocalDate { get }
    /// Number of cases in the database.
    var caseCount: Int { get }
    /// Values the filters cycle through (sites, disease statuses, groups present).
    var facets: CaseFacets { get }
    /// Ids of the cases matching `query`, in the query's order.
    func caseIDs(matching query: CaseQuery) throws -> [String]
    /// The list row of one case (computed on demand, cached).
    func summary(id: String) throws -> CaseSummary?
    /// Everything the case screen shows, or nil for an unknown id.
    func detail(id: String) throws -> CaseDetail?
    /// The trial catalogue with patient counts per verdict.
    func trials() throws -> [TrialSummary]
    /// One trial with its candidates grouped by verdict, or nil for an unknown id.
    func trialDetail(id: String) throws -> TrialDetail?
    /// These candidates of a trial explained (best arm, what to obtain, what fails), for the rows `trialDetail` left
    /// unexplained; an id without a verdict for the trial is left out.
    func explainedCandidates(trialID: String, ids: [String]) throws -> [TrialCandidate]
    /// Follow-up tasks, most urgent first.
    func worklist(filter: WorklistFilter) throws -> [WorklistRow]
    /// Forgets what is cached for a case (nil: every case) after a workflow changed it.
    func invalidate(caseID: String?)
    /// Work finished in the background changed derived data (stored trial verdicts ready): forget what was
    /// derived from it (counts), keep the cases.
    func backgroundChanged()
    /// The Outcomes view's analysis over every case (an effect; never called while rendering).
    func outcomes(_ query: OutcomesQuery) throws -> OutcomesData
    /// Another process changed the database: forget every cached case and what was derived from it (without
    /// treating it as this process's write: nothing is recomputed in the store).
    func externalChange() throws
}

extension CaseRepository {
    public func explainedCandidates(trialID: String, ids: [String]) throws -> [TrialCandidate] {
        guard let d = try trialDetail(id: trialID) else { return [] }
        let wanted = Set(ids)
        return (0..<d.count).map(d.candidate(at:)).filter { wanted.contains($0.patientID) && $0.explained }
    }
    public func invalidate(caseID: String?) {}
    public func backgroundChanged() {}
    public func outcomes(_ query: OutcomesQuery) throws -> OutcomesData { throw OutcomesUnavailable() }
    public func externalChange() throws { invalidate(caseID: nil) }
}
