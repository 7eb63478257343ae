import CaseModel
import ScreenKit

/// Everything that can happen to the app: keys from the terminal, named commands, and the data
/// that effects bring back.
public enum Action: Equatable, Sendable {
    /// A raw key or terminal event: mapped through the current screen's key map.
    case key(KeyEvent)
    /// A named command (what a key binding resolves to; tests send these).
    case command(Command)
    case resize(width: Int, height: Int)
    /// Opens a case or a trial directly (the command line, links between screens).
    case openCase(String)
    case openTrial(String)
    case showScreen(ScreenID)
    /// Opens a board meeting in meeting mode (the command line, the meeting list).
    case openMeeting(String)
    case caseListLoaded([String])
    /// Case-list rows read for the generation they were asked at.
    case caseRowsLoaded(generation: Int, [String: CaseRowEntry])
    case caseLoaded(id: String, CaseDetail?)
    case trialsLoaded([TrialSummary])
    case trialLoaded(id: String, TrialDetail?)
    /// The explained rows of some of a trial's candidates, for the load (`AppState.candidatesGeneration`) they were
    /// asked for.
    case candidatesExplained(trial: String, generation: Int, [TrialCandidate])
    case worklistLoaded([WorklistRow])
    case screeningLoaded(trial: String, [ScreeningRecord])
    case meetingsLoaded([BoardMeeting])
    case meetingLoaded(BoardMeeting)
    case meetingCaseLoaded(id: String, CaseDetail?)
    /// A write succeeded: the status-line message; the screens reload what they show.
    case workflowSucceeded(message: String, warnings: [String])
    /// A write was refused or failed: shown in a dialog (nothing was written).
    case workflowFailed(String)
    /// A read of the repository failed: the message names what could not be read and why (never "unknown id"
    /// or an empty list).
    case readFailed(String)
    /// Background work changed derived data (what happened, e.g. "stored trial verdicts ready"): the screen
    /// reloads what it shows.
    case backgroundUpdated(String)
    /// The stored verdicts (and the case list's sort keys stored with them) changed state: being prepared in the
    /// background, ready, or not available.
    case verdictStatus(StoredVerdictStatus)
    /// The meeting clock (wall time "HH:MM" and seconds since the meeting was opened), from the loop.
    case clock(wall: String, elapsed: Int)
    /// The Outcomes view's analysis, or why it could not run.
    case outcomesLoaded(OutcomesData)
    case outcomesFailed(OutcomesQuery, String)
    /// The session's changes, newest first (`loadHistory`).
    case historyLoaded([SessionChange])
    /// Another process committed to the database (the live-data poll): reload what is on screen.
    case dataChanged
    /// The case index was read again after a change made elsewhere: how many cases there are now.
    case caseIndexReloaded(count: Int)
    /// A meeting shown or being edited no longer exists (undone, or deleted by another user).
    case meetingGone(String)
    /// Neither --user nor $USER named who is acting: ask once.
    case askActor
    /// Who is acting was recorded for this session.
    case actorSet(String)
}
