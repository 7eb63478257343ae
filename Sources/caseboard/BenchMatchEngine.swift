import CaseModel
import CaseStore
import ClinicalRules
import Foundation
import TrialEngine

/// Adapts the compiled `Matcher` to CaseStore's `MatchEngine` (stored results, incremental recomputation),
/// and builds `PatientFacts` for many patients over the available cores.
struct BenchMatchEngine: MatchEngine {
    let matcher: Matcher

    var trialFingerprints: [String: UInt64] {
        var m: [String: UInt64] = [:]
        for t in matcher.trials { m[t.trial.id] = t.fingerprint }
        return m
    }

    func fingerprint(of patient: Patient) -> UInt64 { Matcher.fingerprint(of: patient) }

    func match(_ patient: Patient, today: LocalDate, trialIDs: Set<String>?) -> [StoredMatch] {
        let facts = BenchMatchEngine.facts(patient, today: today)
        return matcher.matchRow(facts, openOnly: false).compactMap { row in
            let t = matcher.trials[row.trial].trial
            if let ids = trialIDs, !ids.contains(t.id) { return nil }
            return StoredMatch(patientId: patient.id, trialId: t.id, armId: t.arms[row.arm].id, verdict: row.verdict, codes: row.codes)
        }
    }

    /// The trial engine's view of one patient: interpretation (ELN, germline, MRD; no follow-up schedule) + index.
    static func facts(_ p: Patient, today: LocalDate) -> PatientFacts {
        PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: today, followUps: false), today: today)
    }

    /// `facts` of every patient, split over `threads` cores; same order as `patients`.
    static func facts(_ patients: [Patient], today: LocalDate, threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [PatientFacts] {
        let n = patients.count
        guard n > 0 else { return [] }
        let chunks = max(1, min(threads, n))
        let parts = FactsChunks(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = n * c / chunks, hi = n * (c + 1) / chunks
            var out: [PatientFacts] = []
            out.reserveCapacity(hi - lo)
            for i in lo..<hi { out.append(facts(patients[i], today: today)) }
            parts.set(c, out)
        }
        return parts.joined()
    }
}

/// Per-thread results of `BenchMatchEngine.facts` (each thread writes its own slot).
final class FactsChunks: @unchecked Sendable {
    private var slots: [[PatientFacts]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [PatientFacts]) { lock.lock(); slots[i] = v; lock.unlock() }
    func joined() -> [PatientFacts] { lock.lock(); defer { lock.unlock() }; return slots.flatMap { $0 } }
}
