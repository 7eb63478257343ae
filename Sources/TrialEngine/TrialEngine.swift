import CaseModel
import ClinicalRules
import Yams

/// PLACEHOLDER, to be implemented by the trial engine work (issue 4).
public enum TrialEngineInfo {
    public static let version = "0"
}
