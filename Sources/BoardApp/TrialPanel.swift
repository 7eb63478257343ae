/// The panels of the trial screen.
public enum TrialPanel: String, CaseIterable, Equatable, Sendable {
    case criteria, candidates
}
