import CaseModel
import ScreenKit

/// The whole application state: a value, changed only by `reduce`. One nested state per screen.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var ascii: Bool
    public var isDemo: Bool
    public var today: LocalDate
    public var caseCount: Int
    /// Presenter mode: identities hidden, initials or pseudonymous ids shown.
    public var presenter = false
    /// Navigation stack; the last is on screen. Esc pops; 1…9 reset it to a main view.
    public var stack: [ScreenID] = [.caseList]
    public var overlay: Overlay?
    /// Set by the workflows; `q` asks before quitting while true.
    public var hasUnsavedChanges = false
    public var isQuitting = false
    /// One-line message in the status row ("unknown case id X").
    public var message: String?
    /// How the message is drawn: `error` (default), `ok` after a saved change, `warning` for a refusal.
    public var messageRole: Role = .error
    /// Workflows: whether a `WorkflowRepository` is wired, and whether it refuses writes.
    public var workflowsAvailable = false
    public var readOnly = false
    /// A form closed with Esc after an edit (resumed by its key; `q` asks before losing it).
    public var draft: FormState?
    /// The case waiting for the meetings list to open its "add to agenda" form.
    public var pendingAgendaCase: String?
    /// Valid next screening statuses by current status (rawValue; "" = not in the log yet).
    public var screeningNext: [String: [ScreeningStatus]] = [:]

    public var caseList = CaseListState()
    public var caseDetail = CaseDetailState()
    public var trials = TrialsState()
    public var trialDetail = TrialDetailState()
    public var worklist = WorklistState()
    public var screening = ScreeningState()
    public var meeting = MeetingState()
    public var outcomes = OutcomesState()
    /// This session's changes with what undid them, newest first (the `U` panel; what `u` and `Ctrl-R` act on).
    public var history: [SessionChange] = []
    /// Neither --user nor $USER named who is acting: the app asks once ("Your name or initials for the record").
    public var actorMissing = false
    /// Changes made by other processes noticed so far (the live-data reloads).
    public var externalChanges = 0
    /// Where the trial counts and the computed sort keys come from (`.preparing`: the header lines of Cases and
    /// Trials say "preparing verdicts…" while they are computed on the fly).
    public var verdicts: StoredVerdictStatus = .onTheFly
    /// Counts the trial details received (trial and screening screens): an explanation answers the load it was
    /// asked for, never a later one.
    public var candidatesGeneration = 0

    public init(width: Int, height: Int, ascii: Bool, isDemo: Bool, today: LocalDate, caseCount: Int, facets: CaseFacets = CaseFacets()) {
        self.width = width; self.height = height; self.ascii = ascii; self.isDemo = isDemo; self.today = today
        self.caseCount = caseCount
        self.caseList.facets = facets
        self.worklist.sites = facets.sites
    }

    public var screen: ScreenID { stack.last ?? .caseList }

    /// Minimum terminal size; smaller shows a message until enlarged.
    public static let minWidth = 80, minHeight = 24
    public var isTooSmall: Bool { width < AppState.minWidth || height < AppState.minHeight }
}
