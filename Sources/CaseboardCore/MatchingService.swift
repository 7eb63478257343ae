import CaseModel
import CaseStore
import Foundation
import TrialEngine

/// Serving trial verdicts from the stored results (`matchResult`), brought up to date incrementally first.
///
/// Only on a writable database: a read-only one is never written, and its stored rows may be stale, so the
/// callers compute on the fly there. A verdict is never served stale: when the recomputation fails (locked
/// database…), `bringUpToDate` says so on stderr and returns false, and the caller computes on the fly.
public enum StoredMatching {
    /// Recomputes what changed (SQL detection; matching outside any transaction, then one short write).
    /// True when the stored results may be served. `report` receives what was recomputed (for
    /// `CASEBOARD_MATCH_REPORT=1`); `warn` receives the reason when the results cannot be brought up to date.
    public static func bringUpToDate(_ db: AppDatabase, matcher: Matcher, today: LocalDate,
                                     report: ((MatchRecomputeReport) -> Void)? = nil, warn: (String) -> Void) -> Bool {
        guard !db.isReadOnly, !matcher.trials.isEmpty else { return false }
        // A read while another process writes: do not wait the busy timeout for a cache refresh.
        if db.writeLockHeldElsewhere() {
            warn("the stored trial results are not refreshed: the write lock is held (\(DatabaseLock.whoToWaitFor(path: db.path))); computing the verdicts on the fly instead.")
            return false
        }
        do {
            let r = try db.recomputeMatches(engine: CatalogueMatchEngine(matcher: matcher), today: today)
            report?(r)
            return true
        } catch {
            warn("could not bring the stored trial results up to date (\(CoreError.classify(error).message)); computing the verdicts on the fly instead.")
            return false
        }
    }

    /// Trial id → ids of its open arms (the arms that count for a trial's verdict).
    public static func openArms(_ matcher: Matcher) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for t in matcher.trials { out[t.trial.id] = Set(t.arms.filter(\.isOpen).map(\.arm.id)) }
        return out
    }

    /// One patient's explained verdicts for every trial arm, in catalogue order (as `Matcher.verdicts(for:)`),
    /// from the stored rows; `candidatesOnly` explains only eligible / possibly-eligible arms whose status is open.
    /// nil when the stored rows do not cover every arm (the caller then computes on the fly).
    public static func patientVerdicts(_ db: AppDatabase, matcher: Matcher, patient: Patient, today: LocalDate, candidatesOnly: Bool) throws -> [ArmVerdict]? {
        var byArm: [String: StoredMatch] = [:]
        for m in try db.storedMatches(patientId: patient.id) { byArm[m.trialId + "\u{1F}" + m.armId] = m }
        var facts: PatientFacts?
        var out: [ArmVerdict] = []
        for (t, ct) in matcher.trials.enumerated() {
            for (a, arm) in ct.arms.enumerated() {
                guard let m = byArm[ct.trial.id + "\u{1F}" + arm.arm.id] else { return nil }
                if candidatesOnly && (m.verdict == .ineligible || arm.arm.status != .open) { continue }
                let f = facts ?? CatalogueMatchEngine.facts(patient, today: today)
                facts = f
                out.append(matcher.explain(trial: t, arm: a, verdict: m.verdict, codes: m.codes, facts: f))
            }
        }
        return out
    }

    /// Every patient's explained verdicts for one trial's arms, patients in id order and arms in catalogue order (as
    /// `Matcher.verdicts(trialID:)` per patient), handed to `emit` one at a time (`match --trial` streams them: at
    /// 10,000 patients neither the cases nor the verdicts are all in memory); facts are built only for the patients
    /// printed. False, before anything is emitted, when the stored rows do not cover every patient × arm.
    public static func forEachTrialVerdict(_ db: AppDatabase, matcher: Matcher, trialID: String, today: LocalDate, candidatesOnly: Bool,
                                           _ emit: (ArmVerdict) throws -> Void) throws -> Bool {
        guard let t = matcher.trials.firstIndex(where: { $0.trial.id == trialID }) else { return true }
        let ct = matcher.trials[t]
        var armAt: [String: Int] = [:]
        for (a, arm) in ct.arms.enumerated() { armAt[arm.arm.id] = a }
        let rows = try db.storedMatches(trialId: trialID)  // ordered by patient id
        let patientIDs = try db.patientIDs()
        guard rows.count == patientIDs.count * ct.arms.count else { return false }
        // Group by patient (rows are in patient order), arms put in catalogue order; every arm of every patient present.
        var groups: [(id: String, arms: [StoredMatch])] = []
        var partial: [StoredMatch?] = []
        var current: String?
        func close() -> Bool {
            guard let id = current else { return true }
            let arms = partial.compactMap { $0 }
            guard arms.count == ct.arms.count else { return false }
            groups.append((id, arms))
            return true
        }
        for m in rows {
            guard let a = armAt[m.armId] else { return false }
            if current != m.patientId {
                guard close() else { return false }
                current = m.patientId; partial = Array(repeating: nil, count: ct.arms.count)
            }
            partial[a] = m
        }
        guard close(), groups.map(\.id) == patientIDs else { return false }
        func wanted(_ m: StoredMatch, _ a: Int) -> Bool { !candidatesOnly || (m.verdict != .ineligible && ct.arms[a].arm.status == .open) }
        var printed: [String: [StoredMatch]] = [:]
        for g in groups where g.arms.enumerated().contains(where: { wanted($1, $0) }) { printed[g.id] = g.arms }
        func explain(_ p: Patient) throws {
            guard let arms = printed[p.id] else { return }
            let f = CatalogueMatchEngine.facts(p, today: today)
            for (a, m) in arms.enumerated() where wanted(m, a) {
                try emit(matcher.explain(trial: t, arm: a, verdict: m.verdict, codes: m.codes, facts: f))
            }
        }
        // Facts only for the patients printed: by id when few, else a chunk of cases at a time (in id order).
        if printed.count <= 200 {
            for id in printed.keys.sorted() { try explain(try db.patient(id: id)) }
        } else {
            try db.forEachPatientChunk { chunk in for p in chunk { try explain(p) } }
        }
        return true
    }

    /// Per patient, the number of trials whose best open arm is eligible / possibly eligible (one SQL aggregate).
    public static func candidateCounts(_ db: AppDatabase, matcher: Matcher) throws -> [String: (eligible: Int, possiblyEligible: Int)] {
        var out: [String: (eligible: Int, possiblyEligible: Int)] = [:]
        for (p, trials) in try db.storedCandidateVerdicts(openArms: openArms(matcher)) {
            let e = trials.values.filter { $0 == .eligible }.count
            out[p] = (e, trials.count - e)
        }
        return out
    }
}
