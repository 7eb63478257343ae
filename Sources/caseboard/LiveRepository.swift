import Foundation
import CaseModel
import ClinicalRules
import BoardApp

/// Builds the UI's repository from the command context: every patient of the database (ids and
/// stored fields only; interpretations and verdicts are computed per case when a screen shows it).
enum LiveRepository {
    /// What the trial engine gives the UI: the catalogue and a per-patient verdict function.
    struct TrialWiring {
        var trials: [Trial]
        var verdicts: InMemoryRepository.VerdictProvider
    }

    /// THE single place where the trial engine is wired into the terminal UI. Until the lead
    /// connects TrialEngine here it returns no trials and no verdicts (the screens then say so).
    static func trialWiring(_ context: CommandContext) throws -> TrialWiring {
        TrialWiring(trials: [], verdicts: { _, _ in [] })
    }

    static func make(_ options: GlobalOptions) throws -> InMemoryRepository {
        let context = try CommandContext(options)
        let patients = try context.patients()
        let wiring = try trialWiring(context)
        return InMemoryRepository(patients: patients, trials: wiring.trials, today: context.today, isDemo: context.isDemo,
                                  interpreter: { Interpretation.interpret($0, today: $1) }, verdicts: wiring.verdicts)
    }

    /// Start-up cost without a terminal: loading the repository, then rendering the first full frame
    /// of the case list (what `caseboard` shows first). For `caseboard bench`.
    static func measureStartup(_ options: GlobalOptions, width: Int = 120, height: Int = 40) throws -> (loadMs: Double, firstFrameMs: Double) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let repo = try make(options)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let rt = AppRuntime(repository: repo, width: width, height: height, ascii: false)
        rt.start()
        _ = rt.render()
        let t2 = DispatchTime.now().uptimeNanoseconds
        return (Double(t1 - t0) / 1e6, Double(t2 - t0) / 1e6)
    }
}
