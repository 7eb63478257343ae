import CaseModel
import ScreenKit

/// Board meeting mode: the list of meetings, then the open meeting's agenda and its current case.
public struct MeetingState: Equatable, Sendable {
    public var meetings: [BoardMeeting] = []
    public var list = ListState()
    public var isLoaded = false
    /// The open meeting (meeting mode), nil while choosing one.
    public var meeting: BoardMeeting?
    /// Index into the agenda (sorted by position).
    public var current = 0
    /// The current case's detail (verdicts for the trial choice).
    public var caseDetail: CaseDetail?
    /// Wall clock and seconds since the meeting was opened (sent by the loop; nil headless).
    public var wallClock: String?
    public var elapsed = 0
    public init() {}

    public var agenda: [AgendaItem] { meeting?.agenda.sorted { $0.position < $1.position } ?? [] }
    public var currentItem: AgendaItem? { let a = agenda; return current < a.count ? a[current] : nil }
}
