import CaseModel
import CaseStore
import ClinicalRules
import Foundation
import TrialEngine

/// Adapts the compiled `Matcher` to CaseStore's `MatchEngine` (stored results, incremental recomputation:
/// `caseboard match`, `cases`, the terminal UI and the benchmark).
public struct CatalogueMatchEngine: MatchEngine {
    public let matcher: Matcher
    public init(matcher: Matcher) { self.matcher = matcher }

    /// Each trial file's fingerprint, mixed with `engineStamp`: stored results computed by another build of the
    /// rules engine (whose verdicts or codes may differ for the same file) are recomputed, never served.
    public var trialFingerprints: [String: UInt64] {
        var m: [String: UInt64] = [:]
        let stamp = CatalogueMatchEngine.engineStamp
        for t in matcher.trials { m[t.trial.id] = stamp == 0 ? t.fingerprint : (t.fingerprint ^ stamp) &* 0x100000001b3 }
        return m
    }

    /// Identity of the rules engine: a hash of `Matcher.engineVersion` and `Interpretation.rulesVersion` (bumped
    /// whenever verdicts, result codes or the interpretation they read may change). Mixed into every trial
    /// fingerprint stored with the results, so results of another engine are recomputed, never served; two builds
    /// of the same engine share their stored results.
    public static let engineStamp: UInt64 = Fingerprint.of("caseboard-engine \(Matcher.engineVersion) \(Interpretation.rulesVersion)")

    public func fingerprint(of patient: Patient) -> UInt64 { Matcher.fingerprint(of: patient) }

    public func match(_ patient: Patient, today: LocalDate, trialIDs: Set<String>?) -> [StoredMatch] {
        let interpretation = Interpretation.interpret(patient, today: today, followUps: false)
        return matcher.matchRow(patient, interpretation, today: today, openOnly: false).compactMap { row in
            let t = matcher.trials[row.trial].trial
            if let ids = trialIDs, !ids.contains(t.id) { return nil }
            return StoredMatch(patientId: patient.id, trialId: t.id, armId: t.arms[row.arm].id, verdict: row.verdict, codes: row.codes)
        }
    }

    /// Many patients at once: each interpreted and matched in the worker threads (`Matcher.matchTable`), only the
    /// given trials' arm columns (every arm when nil).
    public func match(_ patients: [Patient], today: LocalDate, trialIDs: Set<String>?) -> [[StoredMatch]] {
        guard !patients.isEmpty else { return [] }
        // A few patients against every arm (an edit): the matcher's cached single-patient program.
        if trialIDs == nil && patients.count <= 32 { return patients.map { match($0, today: today, trialIDs: nil) } }
        let cols = matcher.armIndex.filter { trialIDs?.contains(matcher.trials[$0.trial].trial.id) ?? true }
        guard !cols.isEmpty else { return patients.map { _ in [] } }
        let table = matcher.matchTable(patients: patients, today: today, columns: cols)
        return patients.indices.map { p in
            table.arms.indices.map { k in
                let w0 = p * table.wordsPerPatient + table.wordStart[k]
                let w1 = p * table.wordsPerPatient + (k + 1 < table.wordStart.count ? table.wordStart[k + 1] : table.wordsPerPatient)
                let (t, a) = table.arms[k]
                let trial = matcher.trials[t].trial
                return StoredMatch(patientId: patients[p].id, trialId: trial.id, armId: trial.arms[a].id,
                                   verdict: table.verdict(patient: p, arm: k), codes: Array(table.codes[w0..<w1]))
            }
        }
    }

    /// The case list's stored sort keys' inputs (with the verdicts, no transaction open): each patient interpreted
    /// once — the rank of what the Risk column shows (`CaseListRisk`) and the rules' follow-up tasks (the workflows'
    /// task provider, `FollowUpScheduler.tasks`, which the full interpretation runs) — spread over the cores.
    public func sortInputs(_ patients: [Patient], today: LocalDate) -> [CaseListSortInput]? {
        CatalogueMatchEngine.sortInputs(patients, today: today)
    }

    static func sortInputs(_ patients: [Patient], today: LocalDate) -> [CaseListSortInput] {
        ParallelMap.map(count: patients.count) { i in
            let p = patients[i]
            let interp = Interpretation.interpret(p, today: today)
            return CaseListSortInput(riskRank: CaseListRisk.of(p, interpretation: interp, today: today).rank, tasks: interp.followUps)
        }
    }

    /// The trial engine's view of one patient: interpretation (ELN, germline, MRD; no follow-up schedule) + index.
    public static func facts(_ p: Patient, today: LocalDate) -> PatientFacts {
        PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: today, followUps: false), today: today)
    }
}
