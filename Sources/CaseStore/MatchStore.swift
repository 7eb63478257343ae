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
    /// Stable fingerprint of a patient's whole record.
    func fingerprint(of patient: Patient) -> UInt64
    /// Every arm of the given trials (every trial when nil) for one patient.
    func match(_ patient: Patient, today: LocalDate, trialIDs: Set<String>?) -> [StoredMatch]
}

/// What one `recomputeMatches` call did.
public struct MatchRecomputeReport: Sendable, Equatable {
    /// patients matched against every trial (new, edited, or all when `today` changed)
    public var patientsRecomputed: [String] = []
    /// trials whose file changed or that are new: every unchanged patient was matched against them
    public var trialsRecomputed: [String] = []
    public var trialsRemoved: [String] = []
    public var rowsWritten = 0
}

extension AppDatabase {
    // MARK: stored results

    public func storedMatches(patientId: String) throws -> [StoredMatch] {
        try read { db in try AppDatabase.fetchMatches(db, "WHERE patientId = ?", [patientId]) }
    }

    public func storedMatches(trialId: String) throws -> [StoredMatch] {
        try read { db in try AppDatabase.fetchMatches(db, "WHERE trialId = ?", [trialId]) }
    }

    public func storedMatchCount() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM matchResult") ?? 0 }
    }

    static func fetchMatches(_ db: Database, _ filter: String, _ args: StatementArguments) throws -> [StoredMatch] {
        var out: [StoredMatch] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT patientId, trialId, armId, verdict, codes FROM matchResult \(filter) ORDER BY patientId, trialId, armId", arguments: args)
        while let r = try rows.next() {
            let v: String = r[3]
            guard let verdict = Verdict(rawValue: v) else {
                throw StoreError.unusable(path: "matchResult", reason: "unknown verdict '\(v)' stored for patient \(r[0] as String)")
            }
            let data: Data = r[4]
            out.append(StoredMatch(patientId: r[0], trialId: r[1], armId: r[2], verdict: verdict, codes: decodeCodes(data)))
        }
        return out
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

    // MARK: incremental recomputation

    /// Brings the stored results up to date in ONE transaction: a patient whose record fingerprint changed (or
    /// who is new, or every patient when `today` changed) is matched against every trial; a trial whose file
    /// fingerprint changed (or that is new) is matched against every other patient; a removed trial's rows are
    /// deleted (a removed patient's rows go with it: foreign key). Nothing else is evaluated.
    ///
    /// `onlyPatients`: the caller knows which patients it edited (the app after a save): only those are
    /// fingerprinted and loaded, so one edit costs one patient's matching, not a scan of the database.
    @discardableResult
    public func recomputeMatches(engine: some MatchEngine, today: LocalDate, onlyPatients: [String]? = nil) throws -> MatchRecomputeReport {
        try write("store trial match results") { db in
            try AppDatabase.recomputeMatches(db, engine: engine, today: today, onlyPatients: onlyPatients)
        }
    }

    static func recomputeMatches(_ db: Database, engine: some MatchEngine, today: LocalDate, onlyPatients: [String]?) throws -> MatchRecomputeReport {
        var report = MatchRecomputeReport()
        let todayText = today.description
        // Trials: removed, new or changed.
        var storedTrials: [String: Int64] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT trialId, fingerprint FROM matchTrialState") { storedTrials[r[0]] = r[1] }
        let current = engine.trialFingerprints
        for id in storedTrials.keys.sorted() where current[id] == nil {
            try db.execute(sql: "DELETE FROM matchResult WHERE trialId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM matchTrialState WHERE trialId = ?", arguments: [id])
            report.trialsRemoved.append(id)
        }
        let changedTrials = Set(current.filter { storedTrials[$0.key] != Int64(bitPattern: $0.value) }.keys)
        for id in changedTrials.sorted() { try db.execute(sql: "DELETE FROM matchResult WHERE trialId = ?", arguments: [id]) }

        // Patients: new, edited, or matched for another day.
        var storedPatients: [String: (Int64, String)] = [:]
        if let ids = onlyPatients {
            let st = try db.cachedStatement(sql: "SELECT patientId, fingerprint, today FROM matchPatientState WHERE patientId = ?")
            for id in ids { for r in try Row.fetchAll(st, arguments: [id]) { storedPatients[r[0]] = (r[1], r[2]) } }
        } else {
            for r in try Row.fetchAll(db, sql: "SELECT patientId, fingerprint, today FROM matchPatientState") { storedPatients[r[0]] = (r[1], r[2]) }
        }
        let patients: [Patient]
        if let ids = onlyPatients {
            patients = try ids.flatMap { try PatientRows.load(db, whereClause: "WHERE p.id = ?", arguments: [$0]) }
        } else {
            patients = try PatientRows.load(db)
        }
        let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO matchResult (patientId, trialId, armId, verdict, codes) VALUES (?,?,?,?,?)")
        let state = try db.cachedStatement(sql: "INSERT OR REPLACE INTO matchPatientState (patientId, fingerprint, today) VALUES (?,?,?)")
        func write(_ rows: [StoredMatch]) throws {
            for m in rows {
                try insert.execute(arguments: [m.patientId, m.trialId, m.armId, m.verdict.rawValue, encodeCodes(m.codes)])
            }
            report.rowsWritten += rows.count
        }
        var unchanged: [Patient] = []
        for p in patients {
            let fp = Int64(bitPattern: engine.fingerprint(of: p))
            if let s = storedPatients[p.id], s.0 == fp, s.1 == todayText { unchanged.append(p); continue }
            try db.execute(sql: "DELETE FROM matchResult WHERE patientId = ?", arguments: [p.id])
            try write(engine.match(p, today: today, trialIDs: nil))
            try state.execute(arguments: [p.id, fp, todayText])
            report.patientsRecomputed.append(p.id)
        }
        if !changedTrials.isEmpty {
            // A changed trial is re-matched against every patient not already recomputed above.
            let others = onlyPatients == nil ? unchanged
                : try PatientRows.load(db).filter { p in !report.patientsRecomputed.contains(p.id) }
            let recomputed = Set(report.patientsRecomputed)
            for p in others where !recomputed.contains(p.id) {
                try write(engine.match(p, today: today, trialIDs: changedTrials))
            }
            for (id, fp) in current where changedTrials.contains(id) {
                try db.execute(sql: "INSERT OR REPLACE INTO matchTrialState (trialId, fingerprint) VALUES (?, ?)", arguments: [id, Int64(bitPattern: fp)])
            }
            report.trialsRecomputed = changedTrials.sorted()
        }
        return report
    }
}
