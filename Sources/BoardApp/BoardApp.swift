import CaseModel
import ClinicalRules
import TrialEngine
import ScreenKit

/// PLACEHOLDER, to be implemented by the terminal UI work (issue 5).
public enum BoardAppInfo { public static let version = "0" }
