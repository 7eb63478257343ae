import CaseModel
import Foundation
import GRDB

/// One stored verdict: patient × trial arm, with every criterion's result code (see `MatchSchema`).
public struct StoredMatch: Sendable, Equatable {
    public var patientId: String
    public var trialId: String
    public var armId: String
    public var verdict: Verdict
    /// 2 bits per criterion (criteria order: inclusions then exclusions), 16 per word.
    public var codes: [UInt32]
    public init(patientId: String, trialId: String, armId: String, verdict: Verdict, codes: [UInt32]) {
        self.patientId = patientId; self.trialId = trialId; self.armId = armId; self.verdict = verdict; self.codes = codes
    }
}

/// What `recomputeMatches` needs from the rules engine (CaseStore does not depend on TrialEngine; the
/// executable adapts `Matcher` to this).
public protocol MatchEngine {
    /// Fingerprint of every trial file in force, by trial id.
    var trialFingerprints: [String: UInt64] { get }
    /// Stable fingerprint of a patient's whole record. (Change detection no longer uses it: since migration
    /// v3-match-revisions the store keeps a revision per patient; the benchmark still times it.)
    func fingerprint(of patient: Patient) -> UInt64
    /// Every arm of the given trials (every trial when nil) for one patient.
    func match(_ patient: Patient, today: LocalDate, trialIDs: Set<String>?) -> [StoredMatch]
    /// The same for many patients at once, in their order (an engine may use several cores).
    func match(_ patients: [Patient], today: LocalDate, trialIDs: Set<String>?) -> [[StoredMatch]]
    /// What the case list's stored sort keys are computed from, for each patient in order (nil: the engine gives
    /// none; no sort keys are stored and the list computes its keys on the fly).
    func sortInputs(_ patients: [Patient], today: LocalDate) -> [CaseListSortInput]?
}

extension MatchEngine {
    public func sortInputs(_ patients: [Patient], today: LocalDate) -> [CaseListSortInput]? { nil }

    /// One patient after the other.
    public func match(_ patients: [Patient], today: LocalDate, trialIDs: Set<String>?) -> [[StoredMatch]] {
        patients.map { match($0, today: today, trialIDs: trialIDs) }
    }
}

/// What one `recomputeMatches` call did.
public struct MatchRecomputeReport: Sendable, Equatable {
    /// patients matched against every trial (new, edited, or all when `today` changed)
    public var patientsRecomputed: [String] = []
    /// trials whose file changed or that are new: every unchanged patient was matched against them
    public var trialsRecomputed: [String] = []
    public var trialsRemoved: [String] = []
    /// matchResult rows inserted, replaced or deleted (unchanged rows are not rewritten)
    public var rowsWritten = 0
}

extension AppDatabase {
    // MARK: stored results

    public func storedMatches(patientId: String) throws -> [StoredMatch] {
        try read { db in try MatchPacked.rows(db, patientId: patientId, layouts: try MatchPacked.Layouts(db)) ?? [] }
    }

    /// Every patient's rows of one trial, ordered by patient id then arm id.
    public func storedMatches(trialId: String) throws -> [StoredMatch] {
        try read { db in
            var out: [StoredMatch] = []
            var holds: [Int64: Bool] = [:]
            try MatchPacked.forEach(db) { pid, id, layout, data in
                let has = holds[id] ?? layout.contains(where: { $0.trialId == trialId })
                holds[id] = has
                guard has else { return }
                out += try MatchPacked.decode(data, layout: layout, patientId: pid).filter { $0.trialId == trialId }
            }
            return out
        }
    }

    /// Stored (patient, trial arm) rows.
    public func storedMatchCount() throws -> Int {
        try read { try MatchPacked.count($0) }
    }

    static func encodeCodes(_ codes: [UInt32]) -> Data {
        var d = Data(capacity: codes.count * 4)
        for c in codes { for s in stride(from: 0, to: 32, by: 8) { d.append(UInt8(truncatingIfNeeded: c >> UInt32(s))) } }
        return d
    }

    static func decodeCodes(_ d: Data) -> [UInt32] {
        let b = [UInt8](d)
        return stride(from: 0, to: b.count - b.count % 4, by: 4).map { i in
            UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
        }
    }

    // MARK: serving stored results

    /// Each patient's best verdict per trial over the trial's OPEN arms (`openArms`: trial id → open arm ids),
    /// for the patients and trials where that verdict is eligible or possibly eligible (one scan of the packed rows; a
    /// trial absent for a patient is ineligible, or has no open arm). Patient id → trial id → verdict.
    public func storedCandidateVerdicts(openArms: [String: Set<String>], patientId: String? = nil) throws -> [String: [String: Verdict]] {
        guard openArms.contains(where: { !$0.value.isEmpty }) else { return [:] }
        return try read { db in
            var out: [String: [String: Verdict]] = [:]
            // Per layout, which of its arms are open (computed once per layout, not per patient).
            var openByLayout: [Int64: [Bool]] = [:]
            try MatchPacked.forEach(db, patientId: patientId) { pid, id, layout, data in
                let open = openByLayout[id] ?? layout.map { openArms[$0.trialId]?.contains($0.armId) ?? false }
                openByLayout[id] = open
                guard open.contains(true) else { return }
                var best: [String: Verdict] = [:]
                try MatchPacked.walk(data, layout: layout, patientId: pid) { k, v, _ in
                    guard open[k], v < 2 else { return }
                    let t = layout[k].trialId
                    if v == 0 { best[t] = .eligible } else if best[t] == nil { best[t] = .possiblyEligible }
                }
                if !best.isEmpty { out[pid] = best }
            }
            return out
        }
    }

    // MARK: incremental recomputation

    /// What must be recomputed: found with SQL only (no patient is loaded).
    struct MatchRecomputePlan {
        /// stale patients (new, edited since their rows were stored, or stored for another day) with their revision
        var patients: [(id: String, revision: Int64?)] = []
        var changedTrials: Set<String> = []
        var removedTrials: [String] = []
        var isEmpty: Bool { patients.isEmpty && changedTrials.isEmpty && removedTrials.isEmpty }
    }

    static func recomputePlan(_ db: Database, engine: some MatchEngine, today: LocalDate, onlyPatients: [String]?) throws -> MatchRecomputePlan {
        var plan = MatchRecomputePlan()
        var storedTrials: [String: Int64] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT trialId, fingerprint FROM matchTrialState") { storedTrials[r[0]] = r[1] }
        let current = engine.trialFingerprints
        plan.removedTrials = storedTrials.keys.filter { current[$0] == nil }.sorted()
        plan.changedTrials = Set(current.filter { storedTrials[$0.key] != Int64(bitPattern: $0.value) }.keys)
        // A patient is stale when it has no stored state, when its stored state is for another day, or when its
        // revision (replaced by triggers on every write of its data) differs from the one its rows came from.
        let stale = """
            SELECT p.id, r.revision FROM patient p
            LEFT JOIN patientRevision r ON r.patientId = p.id
            LEFT JOIN matchPatientState s ON s.patientId = p.id
            WHERE (s.patientId IS NULL OR s.today <> ? OR s.revision IS NULL OR r.revision IS NULL OR s.revision <> r.revision)
            """
        let todayText = today.description
        if let ids = onlyPatients {
            let st = try db.cachedStatement(sql: stale + " AND p.id = ?")
            var seen = Set<String>()
            for id in ids where seen.insert(id).inserted {
                for r in try Row.fetchAll(st, arguments: [todayText, id]) { plan.patients.append((r[0], r[1])) }
            }
        } else {
            for r in try Row.fetchAll(db, sql: stale + " ORDER BY p.id", arguments: [todayText]) { plan.patients.append((r[0], r[1])) }
        }
        return plan
    }

    /// True when the stored results are current for `today` and the engine's trials (SQL only, no write).
    public func matchesAreCurrent(engine: some MatchEngine, today: LocalDate) throws -> Bool {
        try read { db in try AppDatabase.recomputePlan(db, engine: engine, today: today, onlyPatients: nil).isEmpty }
    }

    /// Brings the stored results up to date: a patient whose data changed since its rows were stored (its
    /// revision, replaced by triggers on every write, differs), who is new, or every patient when `today` changed,
    /// is matched against every trial; a trial whose file fingerprint changed (or that is new) is matched against
    /// every other patient; a removed trial's rows are deleted (a removed patient's rows go with it: foreign key).
    /// What is stale is found by SQL alone; when nothing is stale nothing is written.
    ///
    /// The CPU work never runs inside a write transaction: each chunk of patients is read, matched with no
    /// transaction open, then written in one short transaction that first re-reads each patient's revision and
    /// skips a patient edited meanwhile (the next pass recomputes it), so a nurse's write never waits behind a
    /// re-match. Only rows whose verdict or codes differ are rewritten (`rowsWritten` counts them, deletions
    /// included). Up to three passes are made while other connections keep editing.
    ///
    /// `onlyPatients`: the caller knows which patients it edited (the app after a save): only those are checked
    /// (plus changed trials), so one edit costs one patient's matching.
    @discardableResult
    public func recomputeMatches(engine: some MatchEngine, today: LocalDate, onlyPatients: [String]? = nil) throws -> MatchRecomputeReport {
        if isReadOnly { throw StoreError.readOnly(path: path, action: "store trial match results") }
        var report = MatchRecomputeReport()
        for _ in 0..<3 {
            let plan = try read { db in try AppDatabase.recomputePlan(db, engine: engine, today: today, onlyPatients: onlyPatients) }
            if plan.isEmpty { break }
            try recompute(plan, engine: engine, today: today, cleanRevisions: onlyPatients == nil, report: &report)
        }
        return report
    }

    /// Patients matched per engine call (bounds memory and the length of each write transaction; lets the engine
    /// spread a chunk over the cores).
    static let recomputeChunk = 256

    /// Hook for tests: called after a chunk is matched and before it is written. Set by a test's thread and read by the
    /// background threads that re-match, so it is guarded by a lock (an unguarded closure read while another thread
    /// replaces it may retain a freed context).
    static var afterChunkMatched: (@Sendable () -> Void)? {
        get { afterChunkMatchedLock.lock(); defer { afterChunkMatchedLock.unlock() }; return afterChunkMatchedValue }
        set { afterChunkMatchedLock.lock(); afterChunkMatchedValue = newValue; afterChunkMatchedLock.unlock() }
    }
    private static let afterChunkMatchedLock = NSLock()
    nonisolated(unsafe) private static var afterChunkMatchedValue: (@Sendable () -> Void)?

    private func recompute(_ plan: MatchRecomputePlan, engine: some MatchEngine, today: LocalDate, cleanRevisions: Bool,
                           report: inout MatchRecomputeReport) throws {
        let todayText = today.description
        if !plan.removedTrials.isEmpty || cleanRevisions {
            try write("store trial match results") { db in
                try MatchPacked.removeTrials(db, Set(plan.removedTrials))
                for id in plan.removedTrials {
                    try db.execute(sql: "DELETE FROM matchTrialState WHERE trialId = ?", arguments: [id])
                }
                if cleanRevisions {
                    try db.execute(sql: "DELETE FROM patientRevision WHERE patientId NOT IN (SELECT id FROM patient)")
                    try db.execute(sql: "DELETE FROM matchLayout WHERE id NOT IN (SELECT DISTINCT layout FROM matchPacked)")
                }
            }
            report.trialsRemoved += plan.removedTrials.filter { !report.trialsRemoved.contains($0) }
        }
        let changedTrials = plan.changedTrials
        // Work: stale patients against every trial, then (when trials changed) every other patient against those.
        let staleIDs = plan.patients.map(\.id)
        var revisions: [String: Int64] = [:]
        for p in plan.patients { if let r = p.revision { revisions[p.id] = r } }
        var work: [(ids: [String], trials: Set<String>?)] = []
        for i in stride(from: 0, to: staleIDs.count, by: AppDatabase.recomputeChunk) {
            work.append((Array(staleIDs[i..<min(staleIDs.count, i + AppDatabase.recomputeChunk)]), nil))
        }
        if !changedTrials.isEmpty {
            let stale = Set(staleIDs)
            let others = try read { db in try String.fetchAll(db, sql: "SELECT id FROM patient ORDER BY id") }.filter { !stale.contains($0) }
            for i in stride(from: 0, to: others.count, by: AppDatabase.recomputeChunk) {
                work.append((Array(others[i..<min(others.count, i + AppDatabase.recomputeChunk)]), changedTrials))
            }
        }
        for chunk in work {
            let (patients, records) = try read { db in
                let ps = try AppDatabase.loadChunk(db, chunk.ids)
                return (ps, try CaseSortKeyStore.workflowRecords(db, lo: chunk.ids.min() ?? "", hi: chunk.ids.max() ?? ""))
            }
            // No transaction open: the verdicts, and the case list's sort keys of the same data (every chunk, so that a
            // new engine or rules version, which changes every trial's fingerprint, also renews them).
            let results = engine.match(patients, today: today, trialIDs: chunk.trials)
            let sortKeys: [CaseListSortKeys]? = engine.sortInputs(patients, today: today).map { inputs in
                zip(patients, inputs).map { p, input in
                    CaseListSortKeys(riskRank: input.riskRank,
                                     nextDue: CaseSortKeyStore.nextDue(p, input, app: records.app[p.id] ?? [], states: records.states[p.id] ?? [],
                                                                       today: today))
                }
            }
            AppDatabase.afterChunkMatched?()
            var written = 0
            var recomputed: [String] = []
            try write("store trial match results") { db in
                written = 0; recomputed = []
                let currentRevision = try db.cachedStatement(sql: "SELECT revision FROM patientRevision WHERE patientId = ?")
                let exists = try db.cachedStatement(sql: "SELECT 1 FROM patient WHERE id = ?")
                let state = try db.cachedStatement(sql: "INSERT OR REPLACE INTO matchPatientState (patientId, fingerprint, today, revision) VALUES (?,0,?,?)")
                let newRevision = try db.cachedStatement(sql: "INSERT OR REPLACE INTO patientRevision (patientId, revision) VALUES (?, random()) RETURNING revision")
                let layouts = try MatchPacked.Layouts(db)
                for (k, (p, rows)) in zip(patients, results).enumerated() {
                    // Edited or removed since it was read: left stale for the next pass (never stored from old data).
                    guard try Int.fetchOne(exists, arguments: [p.id]) != nil else { continue }
                    let now = try Int64.fetchOne(currentRevision, arguments: [p.id])
                    if let r = revisions[p.id], now != r { continue }
                    if chunk.trials == nil, revisions[p.id] == nil, now != nil { continue }
                    written += try MatchPacked.store(db, p.id, rows, trials: chunk.trials, layouts: layouts)
                    if let keys = sortKeys?[k] { try CaseSortKeyStore.store(db, p.id, keys) } else { try CaseSortKeyStore.remove(db, p.id) }
                    guard chunk.trials == nil else { continue }
                    // A patient without a revision (written before the triggers existed and missed by the migration) gets one.
                    let revision: Int64
                    if let r = now { revision = r } else {
                        guard let r = try Int64.fetchOne(newRevision, arguments: [p.id]) else {
                            throw StoreError.unusable(path: "patientRevision", reason: "no revision for patient \(p.id)")
                        }
                        revision = r
                    }
                    try state.execute(arguments: [p.id, todayText, revision])
                    recomputed.append(p.id)
                }
            }
            report.rowsWritten += written
            report.patientsRecomputed += recomputed
        }
        if !changedTrials.isEmpty {
            try write("store trial match results") { db in
                for (id, fp) in engine.trialFingerprints where changedTrials.contains(id) {
                    try db.execute(sql: "INSERT OR REPLACE INTO matchTrialState (trialId, fingerprint) VALUES (?, ?)", arguments: [id, Int64(bitPattern: fp)])
                }
            }
            report.trialsRecomputed = Array(Set(report.trialsRecomputed).union(changedTrials)).sorted()
        }
    }

    /// The patients of one chunk, in the chunk's order. Few: by id; many: one range scan (ids are in order), filtered.
    static func loadChunk(_ db: Database, _ ids: [String]) throws -> [Patient] {
        if ids.count <= 16 {
            return try ids.flatMap { try PatientColumnLoad.load(db, whereClause: "WHERE p.id = ?", arguments: [$0]) }
        }
        let wanted = Set(ids)
        let lo = ids.min() ?? "", hi = ids.max() ?? ""
        let byID = Dictionary(try PatientColumnLoad.load(db, whereClause: "WHERE p.id BETWEEN ? AND ?", arguments: [lo, hi])
            .filter { wanted.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }
    }
}
