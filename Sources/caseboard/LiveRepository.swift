import Foundation
import CaseModel
import ClinicalRules
import BoardApp

/// Builds the UI's repository from the command context: every patient of the database (ids and
/// stored fields only; interpretations and verdicts are computed per case when a screen shows it).
enum LiveRepository {
    /// What the trial engine gives the UI: the catalogue, a per-patient verdict function with
    /// per-criterion reasons (case and trial screens), and optionally a fast path without reasons
    /// (each trial's best open-arm verdict) for the counts of the case list and the catalogue.
    struct TrialWiring {
        var trials: [Trial]
        var verdicts: InMemoryRepository.VerdictProvider
        var trialVerdicts: InMemoryRepository.TrialVerdictProvider? = nil
    }

    /// THE single place where the trial engine is wired into the terminal UI. Until the lead
    /// connects TrialEngine here it returns no trials and no verdicts (the screens then say so).
    /// With TrialEngine (tested on a merge of the branches):
    ///     let catalogue = try TrialLoader.loadDirectory(context.trialsDirectory())
    ///     let matcher = Matcher.compile(catalogue), today = context.today
    ///     return TrialWiring(trials: catalogue.trials.map(\.trial),
    ///         verdicts: { p, i in matcher.verdicts(for: p, interpretation: i, today: today) },
    ///         trialVerdicts: { p, i in
    ///             let facts = PatientFacts(patient: p, interpretation: i, today: today)
    ///             var out: [String: Verdict] = [:]
    ///             for (k, t) in matcher.trials.enumerated() { out[t.trial.id] = matcher.trialVerdict(k, facts: facts) }
    ///             return out })
    static func trialWiring(_ context: CommandContext) throws -> TrialWiring {
        TrialWiring(trials: [], verdicts: { _, _ in [] })
    }

    /// Loads every patient (the only read the command-context contract offers today). For start-up
    /// under 150 ms at 10,000 cases, once CaseStore offers a light index query (measured on a merge:
    /// ~385 ms → ~130-190 ms to the first frame), replace the first two lines with:
    ///     let db = try context.database()
    ///     ... InMemoryRepository(index: try db.caseIndex(),   // [CaseIndexEntry] from the patient table
    ///                            loader: { try? db.patient(id: $0) }, …)
    static func make(_ options: GlobalOptions) throws -> InMemoryRepository {
        let context = try CommandContext(options)
        let patients = try context.patients()
        let wiring = try trialWiring(context)
        return InMemoryRepository(patients: patients, trials: wiring.trials, today: context.today, isDemo: context.isDemo,
                                  interpreter: { Interpretation.interpret($0, today: $1) }, verdicts: wiring.verdicts,
                                  trialVerdicts: wiring.trialVerdicts)
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
