import CaseModel
import ScreenKit

/// Pre-screening view: a trial (chosen in the left list) and its candidates by verdict with their
/// screening log status and the data to obtain.
public struct ScreeningState: Equatable, Sendable {
    public var trialList = ListState()
    public var focus: TrialPanel = .criteria
    public var detail: TrialDetail? {
        get { storedDetail }
        set { storedDetail = newValue; ordered = ScreeningState.ordered(newValue, records) }
    }
    private var storedDetail: TrialDetail?
    public var candidates = ListState()
    /// The trial's pre-screening log, by patient id.
    public var records: [String: ScreeningRecord] = [:] { didSet { ordered = ScreeningState.ordered(detail, records) } }
    /// Candidates in display order: by verdict, then those in the log (by status), then by id. Sorted when the
    /// candidates or the log change, not on every frame or key.
    public private(set) var ordered: [TrialCandidate] = []
    /// Which load of `detail` the explanations asked for belong to (`AppState.candidatesGeneration` when it arrived).
    public var explainGeneration = 0
    /// Candidates whose explanation was asked for since `detail` arrived.
    public var explainRequested: Set<String> = []
    public init() {}

    /// Puts explained candidates in place in `detail` and in the display order (no re-sort: their verdicts and log
    /// statuses are those they were ordered by).
    mutating func fill(_ explained: [String: TrialCandidate]) {
        storedDetail?.fill(explained)
        ordered.fill(explained)
    }

    static func ordered(_ detail: TrialDetail?, _ records: [String: ScreeningRecord]) -> [TrialCandidate] {
        guard let d = detail else { return [] }
        func rank(_ c: TrialCandidate) -> Int {
            guard let st = records[c.patientID]?.status else { return 99 }
            return ScreeningStatus.allCases.firstIndex(of: st) ?? 98
        }
        return [d.eligible, d.possiblyEligible, d.ineligible].flatMap { group in
            group.sorted { (rank($0), $0.patientID) < (rank($1), $1.patientID) }
        }
    }

    public var selectedCandidate: TrialCandidate? {
        let o = ordered
        return candidates.selected < o.count ? o[candidates.selected] : nil
    }
}
