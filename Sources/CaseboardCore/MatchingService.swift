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
            warn("the stored trial results are not refreshed while \(DatabaseLock.whoToWaitFor(path: db.path)) writes; computing the verdicts on the fly instead.")
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

    /// Every patient's explained verdicts for one trial's arms, patients in id order and arms in catalogue order
    /// (as `Matcher.verdicts(trialID:)` per patient); facts are built only for the patients printed.
    /// nil when the stored rows do not cover every patient × arm.
    public static func trialVerdicts(_ db: AppDatabase, matcher: Matcher, trialID: String, today: LocalDate, candidatesOnly: Bool) throws -> [ArmVerdict]? {
        guard let t = matcher.trials.firstIndex(where: { $0.trial.id == trialID }) else { return [] }
        let ct = matcher.trials[t]
        var armAt: [String: Int] = [:]
        for (a, arm) in ct.arms.enumerated() { armAt[arm.arm.id] = a }
        let rows = try db.storedMatches(trialId: trialID)  // ordered by patient id
        let patientIDs = try db.patientIDs()
        guard rows.count == patientIDs.count * ct.arms.count else { return nil }
        // Group by patient (rows are in patient order), arms put in catalogue order.
        var groups: [(id: String, arms: [StoredMatch?])] = []
        for m in rows {
            guard let a = armAt[m.armId] else { return nil }
            if groups.last?.id != m.patientId { groups.append((m.patientId, Array(repeating: nil, count: ct.arms.count))) }
            groups[groups.count - 1].arms[a] = m
        }
        guard groups.map(\.id) == patientIDs else { return nil }
        func wanted(_ m: StoredMatch, _ a: Int) -> Bool { !candidatesOnly || (m.verdict != .ineligible && ct.arms[a].arm.status == .open) }
        let printed = groups.filter { g in g.arms.enumerated().contains { a, m in m.map { wanted($0, a) } ?? false } }.map(\.id)
        // Facts only for the patients printed: by id when few, in one pass when many.
        var patients: [String: Patient] = [:]
        if printed.count <= 200 {
            for id in printed { patients[id] = try db.patient(id: id) }
        } else {
            let want = Set(printed)
            for p in try db.patients() where want.contains(p.id) { patients[p.id] = p }
        }
        var out: [ArmVerdict] = []
        for g in groups {
            guard let p = patients[g.id] else { continue }
            let f = CatalogueMatchEngine.facts(p, today: today)
            for (a, m) in g.arms.enumerated() {
                guard let m else { return nil }
                if wanted(m, a) { out.append(matcher.explain(trial: t, arm: a, verdict: m.verdict, codes: m.codes, facts: f)) }
            }
        }
        return out
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
