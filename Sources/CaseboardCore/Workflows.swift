import CaseModel
import CaseStore
import ClinicalRules
import Foundation
import TrialEngine

/// The workflow service of a workspace (meetings, screening, nurse records), wired to the clinical rules
/// and the trial catalogue in force: the one place both front ends build it.
public enum Workflows {
    /// Audit timestamps are the clock's, or `CASEBOARD_NOW` when set (reproducible scripts and goldens).
    public static var fixedClock: String? { ProcessInfo.processInfo.environment["CASEBOARD_NOW"] }

    /// The service for this run: who is the workspace's user; "today" is its today; the follow-up schedule comes
    /// from ClinicalRules; trial ids are checked against the catalogue in force (when there is one).
    /// `withCatalogue: false` for uses that need no trial ids (the worklist, a case's tasks).
    public static func service(_ workspace: Workspace, withCatalogue: Bool = true) throws -> WorkflowService {
        let db = try workspace.database()
        let trials = withCatalogue ? try workspace.knownTrialIDs() : nil
        let matcher = withCatalogue ? try workspace.matcher() : nil
        let now = fixedClock
        let today = workspace.today
        // Verdicts for the trial proposed at a board (the catalogue is compiled once per run).
        let verdicts: WorkflowService.VerdictProvider = { patient in
            guard let matcher, !matcher.trials.isEmpty else { return nil }
            return matcher.verdicts(for: patient, interpretation: Interpretation.interpret(patient, today: today), today: today)
        }
        return try WorkflowService(db: db, user: workspace.options.user, today: today,
                                   taskProvider: { FollowUpScheduler.tasks(for: $0, today: $1) },
                                   verdictProvider: verdicts, knownTrials: trials,
                                   clock: { now ?? AppDatabase.timestamp() })
    }
}
