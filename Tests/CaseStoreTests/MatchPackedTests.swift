import CaseModel
import GRDB
import XCTest
@testable import CaseStore

/// The packed form of the stored verdicts (migration v13-match-packed, issue #16): one row per patient, rows
/// round-trip exactly, the candidate aggregate equals the one computed from the rows, layouts are shared.
final class MatchPackedTests: XCTestCase {
    func rows(_ pid: String, seed: UInt32) -> [StoredMatch] {
        var out: [StoredMatch] = []
        var x = seed | 1
        for t in ["T1", "T2", "NCT0000001"] {
            for a in ["A", "B", "arm-3"] {
                x = x &* 1_103_515_245 &+ 12_345
                let verdict: Verdict = [.eligible, .possiblyEligible, .ineligible][Int(x >> 16) % 3]
                // Word counts 1, 2 and 20 (the 2-byte length escape); zero words and trailing zero bytes.
                let words = a == "A" ? 1 : a == "B" ? 2 : 20
                let codes = (0..<words).map { w -> UInt32 in
                    x = x &* 1_103_515_245 &+ 12_345
                    return w == words - 1 && a == "B" ? 0 : x & (w % 2 == 0 ? 0xFFFF_FFFF : 0x0000_00FF)
                }
                out.append(StoredMatch(patientId: pid, trialId: t, armId: a, verdict: verdict, codes: codes))
            }
        }
        return out
    }

    func testBlobRoundTripsEveryRowExactly() throws {
        for seed in UInt32(1)...200 {
            let r = rows("P", seed: seed)
            let (layout, data) = MatchPacked.encode(r.reversed())
            let back = try MatchPacked.decode(data, layout: layout, patientId: "P")
            XCTAssertEqual(back, r.sorted { ($0.trialId, $0.armId) < ($1.trialId, $1.armId) }, "seed \(seed)")
            // 9 arms: one header byte each (+2 for the 20-word arms) and at most 4 bytes per code word.
            XCTAssertLessThanOrEqual(data.count, 9 + 3 * 2 + 4 * 3 * (1 + 2 + 20))
        }
    }

    func testCorruptBlobIsRefusedNamingThePatient() throws {
        let (layout, data) = MatchPacked.encode(rows("P-7", seed: 3))
        XCTAssertThrowsError(try MatchPacked.decode(data.dropLast(), layout: layout, patientId: "P-7")) { e in
            XCTAssertTrue("\(e)".contains("P-7"), "\(e)")
        }
        XCTAssertThrowsError(try MatchPacked.decode(data + Data([0]), layout: layout, patientId: "P-7"))
        var bad = data
        bad[0] |= 3
        XCTAssertThrowsError(try MatchPacked.decode(bad, layout: layout, patientId: "P-7")) { e in
            XCTAssertTrue("\(e)".contains("verdict code 3"), "\(e)")
        }
    }

    func testOneRowPerPatientSharedLayoutAndTheCandidateAggregate() throws {
        let db = try AppDatabase.inMemory()
        let ps = (0..<30).map { TestFixtures.patient("P-\($0)") }
        try db.importPatients(ps)
        var all: [String: [StoredMatch]] = [:]
        try db.write("test") { d in
            let layouts = try MatchPacked.Layouts(d)
            for (i, p) in ps.enumerated() {
                all[p.id] = rows(p.id, seed: UInt32(i + 1))
                XCTAssertEqual(try MatchPacked.store(d, p.id, all[p.id] ?? [], trials: nil, layouts: layouts), 9)
            }
        }
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM matchPacked") }, 30)
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM matchLayout") }, 1, "one layout for one catalogue")
        XCTAssertEqual(try db.storedMatchCount(), 30 * 9)
        XCTAssertEqual(try db.storedMatches(patientId: "P-4"), (all["P-4"] ?? []).sorted { ($0.trialId, $0.armId) < ($1.trialId, $1.armId) })
        XCTAssertEqual(try db.storedMatches(trialId: "T2"), ps.map(\.id).sorted().flatMap { id in (all[id] ?? []).filter { $0.trialId == "T2" }.sorted { $0.armId < $1.armId } })
        // The aggregate, computed here from the rows: best verdict over the open arms, eligible before possibly.
        let open: [String: Set<String>] = ["T1": ["A", "B"], "NCT0000001": ["arm-3"]]
        var expected: [String: [String: Verdict]] = [:]
        for (pid, rs) in all {
            for m in rs where open[m.trialId]?.contains(m.armId) ?? false && m.verdict != .ineligible {
                if m.verdict == .eligible || expected[pid]?[m.trialId] == nil { expected[pid, default: [:]][m.trialId] = m.verdict }
            }
        }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(try db.storedCandidateVerdicts(openArms: open), expected)
        XCTAssertEqual(try db.storedCandidateVerdicts(openArms: open, patientId: "P-3"), expected["P-3"].map { ["P-3": $0] } ?? [:])
        // Replacing only T2's rows keeps the others; an unchanged store writes nothing.
        try db.write("test") { d in
            let layouts = try MatchPacked.Layouts(d)
            let t2 = (all["P-0"] ?? []).filter { $0.trialId == "T2" && $0.armId != "B" }
            XCTAssertEqual(try MatchPacked.store(d, "P-0", t2, trials: ["T2"], layouts: layouts), 1, "arm B of T2 deleted")
            XCTAssertEqual(try MatchPacked.store(d, "P-0", t2, trials: ["T2"], layouts: layouts), 0)
        }
        XCTAssertEqual(try db.storedMatches(patientId: "P-0").count, 8)
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM matchLayout") }, 2)
        // A removed trial leaves every patient's blob.
        try db.write("test") { d in try MatchPacked.removeTrials(d, ["T1"]) }
        XCTAssertEqual(try db.storedMatches(trialId: "T1"), [])
        XCTAssertEqual(try db.storedMatchCount(), 30 * 6 - 1)
    }
}
