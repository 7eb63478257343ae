import CaseModel
import GRDB
import XCTest
@testable import CaseStore

/// Stored match results and their incremental recomputation, with a recording stand-in for the rules engine.
final class MatchStoreTests: XCTestCase {
    /// Verdict = f(patient data, trial fingerprint); records every call.
    final class RecordingEngine: MatchEngine {
        var trials: [String: (fingerprint: UInt64, arms: [String])]
        var calls: [(patient: String, trials: Set<String>?)] = []
        var fingerprintCalls = 0
        init(_ trials: [String: (UInt64, [String])]) { self.trials = trials.mapValues { (fingerprint: $0.0, arms: $0.1) } }

        var trialFingerprints: [String: UInt64] { trials.mapValues(\.fingerprint) }
        func fingerprint(of patient: Patient) -> UInt64 {
            fingerprintCalls += 1
            var h: UInt64 = 1469598103934665603
            for b in "\(patient.sex)|\(patient.variants.count)|\(patient.comorbidities)|\(patient.birthDate)".utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
            return h
        }
        func match(_ patient: Patient, today: LocalDate, trialIDs: Set<String>?) -> [StoredMatch] {
            calls.append((patient.id, trialIDs))
            var out: [StoredMatch] = []
            for (id, t) in trials.sorted(by: { $0.key < $1.key }) where trialIDs?.contains(id) ?? true {
                for a in t.arms {
                    let hit = (Int(t.fingerprint % 3) + patient.variants.count + patient.comorbidities.count) % 3
                    let verdict: Verdict = [.eligible, .possiblyEligible, .ineligible][hit]
                    out.append(StoredMatch(patientId: patient.id, trialId: id, armId: a, verdict: verdict,
                                           codes: [UInt32(hit + 1) | 0x1_0000, UInt32(t.fingerprint & 0xFFFF)]))
                }
            }
            return out
        }
        func reset() { calls = []; fingerprintCalls = 0 }
    }

    let today = TestFixtures.date("2026-03-01")

    func makeDatabase(_ n: Int = 5) throws -> (AppDatabase, [Patient]) {
        let db = try AppDatabase.inMemory()
        let ps = (0..<n).map { TestFixtures.patient("P-\($0)", variants: $0 % 3) }
        try db.importPatients(ps)
        return (db, ps)
    }

    func testFirstRunStoresEveryPatientTimesEveryArmWithItsCodes() throws {
        let (db, ps) = try makeDatabase()
        let engine = RecordingEngine(["T1": (11, ["A", "B"]), "T2": (22, ["A"])])
        let r = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r.patientsRecomputed, ps.map(\.id))
        XCTAssertEqual(r.trialsRecomputed, ["T1", "T2"])
        XCTAssertEqual(r.rowsWritten, ps.count * 3)
        XCTAssertEqual(try db.storedMatchCount(), ps.count * 3)
        XCTAssertEqual(engine.calls.count, ps.count, "each patient matched once, against every trial")
        let stored = try db.storedMatches(patientId: "P-1")
        XCTAssertEqual(stored, engine.match(ps[1], today: today, trialIDs: nil))
        XCTAssertEqual(stored.first?.codes.count, 2, "codes round-trip through the blob")
    }

    func testNothingChangedMeansNothingRecomputed() throws {
        let (db, _) = try makeDatabase()
        let engine = RecordingEngine(["T1": (11, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        engine.reset()
        let r = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r, MatchRecomputeReport())
        XCTAssertTrue(engine.calls.isEmpty)
    }

    func testEditingOnePatientRecomputesOnlyThatPatient() throws {
        let (db, ps) = try makeDatabase()
        let engine = RecordingEngine(["T1": (11, ["A", "B"]), "T2": (22, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        let before = try db.storedMatches(patientId: "P-0")
        engine.reset()
        var edited = ps[2]
        edited.comorbidities.append("hiv")
        try db.importPatients([edited])
        let r = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r.patientsRecomputed, ["P-2"])
        XCTAssertEqual(r.trialsRecomputed, [])
        XCTAssertEqual(engine.calls.map(\.patient), ["P-2"])
        XCTAssertNil(engine.calls.first?.trials)
        XCTAssertEqual(try db.storedMatches(patientId: "P-2"), engine.match(edited, today: today, trialIDs: nil))
        XCTAssertEqual(try db.storedMatches(patientId: "P-0"), before, "other patients untouched")
        XCTAssertEqual(try db.storedMatchCount(), ps.count * 3)
    }

    func testOnlyPatientsSkipsTheScanOfOtherPatients() throws {
        let (db, ps) = try makeDatabase()
        let engine = RecordingEngine(["T1": (11, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        engine.reset()
        var edited = ps[4]
        edited.comorbidities.append("hbv")
        try db.importPatients([edited])
        let r = try db.recomputeMatches(engine: engine, today: today, onlyPatients: ["P-4"])
        XCTAssertEqual(r.patientsRecomputed, ["P-4"])
        XCTAssertEqual(engine.calls.map(\.patient), ["P-4"])
    }

    func testChangingOneTrialRecomputesOnlyThatTrialForEveryPatient() throws {
        let (db, ps) = try makeDatabase()
        let engine = RecordingEngine(["T1": (11, ["A", "B"]), "T2": (22, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        let t1Before = try db.storedMatches(trialId: "T1")
        engine.reset()
        engine.trials["T2"] = (fingerprint: 23, arms: ["A", "C"])
        let r = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r.patientsRecomputed, [])
        XCTAssertEqual(r.trialsRecomputed, ["T2"])
        XCTAssertEqual(engine.calls.count, ps.count)
        XCTAssertTrue(engine.calls.allSatisfy { $0.trials == ["T2"] })
        XCTAssertEqual(try db.storedMatches(trialId: "T1"), t1Before, "other trials untouched")
        let t2 = try db.storedMatches(trialId: "T2")
        XCTAssertEqual(Set(t2.map(\.armId)), ["A", "C"], "the changed trial's old rows replaced")
        XCTAssertTrue(t2.allSatisfy { $0.codes.last == 23 })
    }

    func testNewAndRemovedTrials() throws {
        let (db, ps) = try makeDatabase()
        let engine = RecordingEngine(["T1": (11, ["A"]), "T2": (22, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        engine.reset()
        engine.trials["T2"] = nil
        engine.trials["T3"] = (fingerprint: 33, arms: ["X"])
        let r = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r.trialsRemoved, ["T2"])
        XCTAssertEqual(r.trialsRecomputed, ["T3"])
        XCTAssertTrue(try db.storedMatches(trialId: "T2").isEmpty)
        XCTAssertEqual(try db.storedMatches(trialId: "T3").count, ps.count)
        XCTAssertTrue(engine.calls.allSatisfy { $0.trials == ["T3"] })
    }

    func testAnotherDayRecomputesEveryone() throws {
        let (db, ps) = try makeDatabase()
        let engine = RecordingEngine(["T1": (11, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        engine.reset()
        let r = try db.recomputeMatches(engine: engine, today: today.adding(days: 1))
        XCTAssertEqual(r.patientsRecomputed.count, ps.count)
    }

    func testDeletingAPatientDeletesItsResults() throws {
        let (db, ps) = try makeDatabase()
        let engine = RecordingEngine(["T1": (11, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        try db.deletePatient(id: "P-3", who: "test")
        XCTAssertTrue(try db.storedMatches(patientId: "P-3").isEmpty)
        XCTAssertEqual(try db.storedMatchCount(), ps.count - 1)
    }

    func testCodesEncodeLittleEndian() {
        let codes: [UInt32] = [0x0403_0201, 0xFFFF_FFFF, 0]
        let d = AppDatabase.encodeCodes(codes)
        XCTAssertEqual([UInt8](d.prefix(4)), [1, 2, 3, 4])
        XCTAssertEqual(AppDatabase.decodeCodes(d), codes)
    }

    func testRecomputeIsOneTransactionAndRefusedReadOnly() throws {
        let dir = TestFixtures.tempDirectory()
        let path = dir.appendingPathComponent("m.sqlite").path
        let db = try AppDatabase.open(path: path, create: true)
        try db.importPatients([TestFixtures.patient("P-0")])
        let ro = try AppDatabase.open(path: path, readOnly: true)
        XCTAssertThrowsError(try ro.recomputeMatches(engine: RecordingEngine(["T1": (1, ["A"])]), today: today))
        XCTAssertEqual(try db.storedMatchCount(), 0)
    }

    // MARK: change detection by SQL (migration v3-match-revisions)

    /// Rows of `matchPacked` / `matchPatientState` as raw values, to prove nothing was rewritten.
    func snapshot(_ db: AppDatabase) throws -> [String] {
        try db.read { d in
            try Row.fetchAll(d, sql: "SELECT * FROM matchPacked ORDER BY patientId").map { "\($0)" }
                + Row.fetchAll(d, sql: "SELECT * FROM matchPatientState ORDER BY patientId").map { "\($0)" }
        }
    }

    func testNothingChangedWritesNothingAndFingerprintsNobody() throws {
        let (db, _) = try makeDatabase(8)
        let engine = RecordingEngine(["T1": (11, ["A", "B"]), "T2": (22, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        let before = try snapshot(db)
        let changesBefore = try db.read { try Int.fetchOne($0, sql: "SELECT total_changes()") ?? -1 }
        engine.reset()
        let r = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r.rowsWritten, 0)
        XCTAssertEqual(r, MatchRecomputeReport())
        XCTAssertEqual(engine.fingerprintCalls, 0, "detection is SQL, no patient is fingerprinted")
        XCTAssertTrue(engine.calls.isEmpty)
        XCTAssertEqual(try snapshot(db), before)
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT total_changes()") ?? -1 }, changesBefore, "no write at all")
        XCTAssertTrue(try db.matchesAreCurrent(engine: engine, today: today))
        XCTAssertFalse(try db.matchesAreCurrent(engine: engine, today: today.adding(days: 1)))
    }

    func testEditThroughAnyWritePathIsDetected() throws {
        let (db, _) = try makeDatabase(6)
        let engine = RecordingEngine(["T1": (11, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        // A write that bypasses the import (as an undo or any future workflow write would): the triggers see it.
        try db.write("test") { d in
            try d.execute(sql: "INSERT INTO comorbidity (patientId, seq, tag) VALUES ('P-3', 99, 'hiv')")
        }
        engine.reset()
        XCTAssertFalse(try db.matchesAreCurrent(engine: engine, today: today))
        var r = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r.patientsRecomputed, ["P-3"])
        XCTAssertEqual(r.trialsRecomputed, [])
        XCTAssertEqual(engine.calls.map(\.patient), ["P-3"])
        XCTAssertEqual(try db.storedMatches(patientId: "P-3").first?.verdict,
                       engine.match(try db.patient(id: "P-3"), today: today, trialIDs: nil).first?.verdict)
        // Update and delete of a child row, and of the patient row, each mark the patient.
        for sql in ["UPDATE comorbidity SET tag = 'hbv' WHERE patientId = 'P-3' AND seq = 99",
                    "DELETE FROM comorbidity WHERE patientId = 'P-3' AND seq = 99",
                    "UPDATE patient SET site = 'Elsewhere' WHERE id = 'P-1'"] {
            try db.write("test") { try $0.execute(sql: sql) }
            engine.reset()
            r = try db.recomputeMatches(engine: engine, today: today)
            XCTAssertEqual(r.patientsRecomputed, [sql.contains("P-1") ? "P-1" : "P-3"], sql)
        }
        // onlyPatients naming an unchanged patient recomputes nothing.
        engine.reset()
        r = try db.recomputeMatches(engine: engine, today: today, onlyPatients: ["P-2", "P-2"])
        XCTAssertEqual(r, MatchRecomputeReport())
    }

    func testChangedTrialPlusEditedPatientMatchesEachPairOnce() throws {
        let (db, ps) = try makeDatabase(5)
        let engine = RecordingEngine(["T1": (11, ["A"]), "T2": (22, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        var edited = ps[0]
        edited.comorbidities.append("hiv")
        try db.importPatients([edited])
        engine.trials["T1"] = (fingerprint: 12, arms: ["A"])
        engine.reset()
        let r = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r.patientsRecomputed, ["P-0"])
        XCTAssertEqual(r.trialsRecomputed, ["T1"])
        XCTAssertEqual(engine.calls.filter { $0.trials == nil }.map(\.patient), ["P-0"])
        XCTAssertEqual(engine.calls.filter { $0.trials == ["T1"] }.map(\.patient).sorted(), ["P-1", "P-2", "P-3", "P-4"])
        XCTAssertEqual(try db.storedMatchCount(), ps.count * 2)
        XCTAssertTrue(try db.storedMatches(trialId: "T1").allSatisfy { $0.codes.last == 12 })
    }

    func testRemovedPatientRevisionsArePrunedAndReimportIsDetected() throws {
        let (db, ps) = try makeDatabase(4)
        let engine = RecordingEngine(["T1": (11, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        try db.deletePatient(id: "P-2", who: "test")
        XCTAssertEqual(try db.recomputeMatches(engine: engine, today: today), MatchRecomputeReport(), "a deletion leaves nothing to match")
        // The orphan revision is harmless and pruned by the next recompute that writes.
        try db.recomputeMatches(engine: engine, today: today.adding(days: 1))
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM patientRevision WHERE patientId = 'P-2'") }, 0)
        try db.importPatients([ps[2]])
        engine.reset()
        let r = try db.recomputeMatches(engine: engine, today: today.adding(days: 1))
        XCTAssertEqual(r.patientsRecomputed, ["P-2"])
        XCTAssertEqual(try db.storedMatchCount(), ps.count)
    }

    func testUpgradeFromV2RecomputesEveryoneOnce() throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration(readOnly: false))
        try AppDatabase.migrator.migrate(queue, upTo: "v2-match-results")
        let ps = (0..<3).map { TestFixtures.patient("P-\($0)") }
        try queue.write { d in
            try AppDatabase.importPatients(ps, db: d, who: nil, source: "")
            // States stored by the old fingerprint method.
            for p in ps { try d.execute(sql: "INSERT INTO matchPatientState (patientId, fingerprint, today) VALUES (?, 1, ?)", arguments: [p.id, self.today.description]) }
        }
        let db = try AppDatabase(queue)
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM patientRevision") }, ps.count)
        let engine = RecordingEngine(["T1": (11, ["A"])])
        let r1 = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r1.patientsRecomputed, ps.map(\.id), "states from before the upgrade are not trusted")
        let r2 = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r2, MatchRecomputeReport())
    }

    func testCandidateVerdictsCountOnlyOpenArmsAndTheBestOne() throws {
        let db = try AppDatabase.inMemory()
        try db.importPatients([TestFixtures.patient("P-0"), TestFixtures.patient("P-1")])
        let rows: [(String, String, String, Verdict)] = [
            ("P-0", "T1", "A", .possiblyEligible), ("P-0", "T1", "B", .eligible),      // best open: eligible
            ("P-0", "T2", "A", .ineligible), ("P-0", "T2", "X", .eligible),            // X closed: ineligible
            ("P-1", "T1", "A", .possiblyEligible), ("P-1", "T1", "B", .ineligible),
            ("P-1", "T2", "A", .ineligible),
        ]
        try db.write("test") { d in
            let layouts = try MatchPacked.Layouts(d)
            for pid in ["P-0", "P-1"] {
                let mine = rows.filter { $0.0 == pid }.map { StoredMatch(patientId: $0.0, trialId: $0.1, armId: $0.2, verdict: $0.3, codes: [1]) }
                _ = try MatchPacked.store(d, pid, mine, trials: nil, layouts: layouts)
            }
        }
        let open: [String: Set<String>] = ["T1": ["A", "B"], "T2": ["A"]]
        let c = try db.storedCandidateVerdicts(openArms: open)
        XCTAssertEqual(c, ["P-0": ["T1": .eligible], "P-1": ["T1": .possiblyEligible]])
        XCTAssertEqual(try db.storedCandidateVerdicts(openArms: open, patientId: "P-1"), ["P-1": ["T1": .possiblyEligible]])
        XCTAssertEqual(try db.storedCandidateVerdicts(openArms: ["T2": ["A", "X"]]), ["P-0": ["T2": .eligible]])
        XCTAssertEqual(try db.storedCandidateVerdicts(openArms: [:]), [:])
    }

    func testANewDayRewritesOnlyTheRowsThatChanged() throws {
        let (db, ps) = try makeDatabase(6)
        let engine = RecordingEngine(["T1": (11, ["A", "B"])])
        try db.recomputeMatches(engine: engine, today: today)
        let before = try db.storedMatches(trialId: "T1")
        // The stand-in's verdicts do not depend on the day: everyone is re-matched, nothing needs rewriting.
        let r = try db.recomputeMatches(engine: engine, today: today.adding(days: 1))
        XCTAssertEqual(r.patientsRecomputed, ps.map(\.id))
        XCTAssertEqual(r.rowsWritten, 0)
        XCTAssertEqual(try db.storedMatches(trialId: "T1"), before)
        XCTAssertEqual(try db.recomputeMatches(engine: engine, today: today.adding(days: 1)), MatchRecomputeReport(), "the new day is recorded")
    }

    func testAnArmRemovedFromAChangedTrialLosesItsRows() throws {
        let (db, ps) = try makeDatabase(4)
        let engine = RecordingEngine(["T1": (11, ["A", "B"]), "T2": (22, ["A"])])
        try db.recomputeMatches(engine: engine, today: today)
        engine.trials["T1"] = (fingerprint: 14, arms: ["A"])
        let r = try db.recomputeMatches(engine: engine, today: today)
        XCTAssertEqual(r.trialsRecomputed, ["T1"])
        XCTAssertEqual(Set(try db.storedMatches(trialId: "T1").map(\.armId)), ["A"])
        XCTAssertEqual(try db.storedMatchCount(), ps.count * 2)
    }
}
