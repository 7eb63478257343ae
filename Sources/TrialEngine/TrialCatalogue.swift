import CaseModel

/// The loaded trials of a directory plus every diagnostic met while loading.
public struct TrialCatalogue: Sendable {
    public var trials: [CompiledTrial]
    public var diagnostics: [TrialDiagnostic]
    public init(trials: [CompiledTrial], diagnostics: [TrialDiagnostic]) { self.trials = trials; self.diagnostics = diagnostics }
    public var errors: [TrialDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var openTrials: [CompiledTrial] { trials.filter { $0.trial.status == .open } }
}
