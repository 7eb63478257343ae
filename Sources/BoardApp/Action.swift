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
    case caseListLoaded([String])
    case caseLoaded(id: String, CaseDetail?)
    case trialsLoaded([TrialSummary])
    case trialLoaded(id: String, TrialDetail?)
    case worklistLoaded([WorklistRow])
}
