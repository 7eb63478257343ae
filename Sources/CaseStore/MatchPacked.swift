import CaseModel
import Foundation
import GRDB

/// Stored trial verdicts packed one row per patient (migration "v13-match-packed", issue #16: at most 1 kB per
/// patient on disk instead of one row of text keys + two index entries per patient × arm, ≈ 17 kB).
///
/// `matchPacked(patientId, layout, data)`: `layout` names a row of `matchLayout`, the ordered list of the (trial,
/// arm, code words) the blob holds — shared by every patient matched against the same catalogue — and `data` holds,
/// per arm of the layout in order, one header byte (bits 0–1: 0 eligible, 1 possibly eligible, 2 ineligible;
/// bits 2–7: the number of code bytes that follow, 0…62, or 63 followed by a 2-byte little-endian count) and the
/// arm's code words as little-endian bytes with the trailing zero bytes left out (the layout restores the word count).
enum MatchPacked {
    /// One arm of a layout.
    struct Arm: Hashable {
        var trialId: String
        var armId: String
        var words: Int
    }

    /// A layout and its text form (the UNIQUE key of `matchLayout`).
    static func layoutText(_ arms: [Arm]) -> String {
        arms.map { "\($0.trialId)\u{1F}\($0.armId)\u{1F}\($0.words)" }.joined(separator: "\u{1E}")
    }

    static func parseLayout(_ text: String, id: Int64) throws -> [Arm] {
        if text.isEmpty { return [] }
        return try text.split(separator: "\u{1E}", omittingEmptySubsequences: false).map { part in
            let f = part.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard f.count == 3, let w = Int(f[2]), w >= 0 else {
                throw StoreError.corrupt(table: "matchLayout", column: "arms", value: "layout \(id): \(part.prefix(80))")
            }
            return Arm(trialId: String(f[0]), armId: String(f[1]), words: w)
        }
    }

    static func verdictCode(_ v: Verdict) -> UInt8 {
        switch v {
        case .eligible: return 0
        case .possiblyEligible: return 1
        case .ineligible: return 2
        }
    }

    static func verdict(_ code: UInt8, _ patientId: String) throws -> Verdict {
        switch code & 3 {
        case 0: return .eligible
        case 1: return .possiblyEligible
        case 2: return .ineligible
        default: throw StoreError.corrupt(table: "matchPacked", column: "data", value: "verdict code 3 for patient \(patientId)")
        }
    }

    /// The rows of one patient (in (trial, arm) order) packed: their layout and blob.
    static func encode(_ rows: [StoredMatch]) -> (layout: [Arm], data: Data) {
        let sorted = rows.sorted { ($0.trialId, $0.armId) < ($1.trialId, $1.armId) }
        var layout: [Arm] = []
        layout.reserveCapacity(sorted.count)
        var data = Data()
        data.reserveCapacity(sorted.count * 4)
        var bytes: [UInt8] = []
        for m in sorted {
            layout.append(Arm(trialId: m.trialId, armId: m.armId, words: m.codes.count))
            bytes.removeAll(keepingCapacity: true)
            for c in m.codes { for s in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: c >> UInt32(s))) } }
            while bytes.last == 0 { bytes.removeLast() }
            let v = verdictCode(m.verdict)
            if bytes.count < 63 {
                data.append(v | UInt8(bytes.count) << 2)
            } else {
                data.append(v | 63 << 2)
                data.append(UInt8(truncatingIfNeeded: bytes.count)); data.append(UInt8(truncatingIfNeeded: bytes.count >> 8))
            }
            data.append(contentsOf: bytes)
        }
        return (layout, data)
    }

    /// Walks a blob: `body(armIndex, verdictCode, codeBytes)` for each arm of the layout.
    static func walk(_ data: Data, layout: [Arm], patientId: String, _ body: (Int, UInt8, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            for k in layout.indices {
                guard i < b.count else { throw corrupt(patientId, "ends before arm \(k + 1) of \(layout.count)") }
                let h = b[i]; i += 1
                var n = Int(h >> 2)
                if n == 63 {
                    guard i + 2 <= b.count else { throw corrupt(patientId, "truncated length") }
                    n = Int(b[i]) | Int(b[i + 1]) << 8; i += 2
                }
                guard i + n <= b.count, n <= layout[k].words * 4 else { throw corrupt(patientId, "arm \(k + 1): \(n) code bytes") }
                try body(k, h & 3, UnsafeBufferPointer(rebasing: b[i..<(i + n)]))
                i += n
            }
            guard i == b.count else { throw corrupt(patientId, "\(b.count - i) bytes after the last arm") }
        }
    }

    static func corrupt(_ patientId: String, _ why: String) -> StoreError {
        .corrupt(table: "matchPacked", column: "data", value: "patient \(patientId): \(why)")
    }

    static func decode(_ data: Data, layout: [Arm], patientId: String) throws -> [StoredMatch] {
        var out: [StoredMatch] = []
        out.reserveCapacity(layout.count)
        try walk(data, layout: layout, patientId: patientId) { k, v, bytes in
            var words = [UInt32](repeating: 0, count: layout[k].words)
            for (j, byte) in bytes.enumerated() { words[j / 4] |= UInt32(byte) << UInt32(8 * (j % 4)) }
            out.append(StoredMatch(patientId: patientId, trialId: layout[k].trialId, armId: layout[k].armId,
                                   verdict: try verdict(v, patientId), codes: words))
        }
        return out
    }

    /// Layout ids ↔ arms of one connection's use (read once per call; new layouts inserted on demand).
    final class Layouts {
        private var byId: [Int64: [Arm]] = [:]
        private var byText: [String: Int64] = [:]
        private var lastArms: [Arm] = []
        private var lastId: Int64 = -1

        init(_ db: Database) throws {
            for r in try Row.fetchAll(db, sql: "SELECT id, arms FROM matchLayout") {
                let id: Int64 = r[0], text: String = r[1]
                byId[id] = try MatchPacked.parseLayout(text, id: id)
                byText[text] = id
            }
        }

        func arms(_ id: Int64) throws -> [Arm] {
            guard let a = byId[id] else { throw StoreError.corrupt(table: "matchPacked", column: "layout", value: "unknown layout \(id)") }
            return a
        }

        /// The id of `arms`' layout, inserted when new.
        func id(_ arms: [Arm], _ db: Database) throws -> Int64 {
            if arms == lastArms && lastId >= 0 { return lastId }
            let text = MatchPacked.layoutText(arms)
            let id: Int64
            if let known = byText[text] { id = known } else {
                try db.execute(sql: "INSERT INTO matchLayout (arms) VALUES (?)", arguments: [text])
                id = db.lastInsertedRowID
                byText[text] = id; byId[id] = arms
            }
            lastArms = arms; lastId = id
            return id
        }
    }

    // MARK: the operations MatchStore needs

    /// Every stored row of one patient (nil: none stored).
    static func rows(_ db: Database, patientId: String, layouts: Layouts) throws -> [StoredMatch]? {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: "SELECT layout, data FROM matchPacked WHERE patientId = ?"), arguments: [patientId]) else {
            return nil
        }
        let data: Data = r[1]
        return try decode(data, layout: try layouts.arms(r[0]), patientId: patientId)
    }

    /// Each stored patient's rows, in patient id order (`body` may stop nothing: it sees every patient).
    static func forEach(_ db: Database, patientId: String? = nil, _ body: (String, Int64, [Arm], Data) throws -> Void) throws {
        let layouts = try Layouts(db)
        let sql = "SELECT patientId, layout, data FROM matchPacked" + (patientId == nil ? "" : " WHERE patientId = ?") + " ORDER BY patientId"
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: patientId.map { [$0] } ?? [])
        while let r = try cursor.next() {
            let data: Data = r[2], layout: Int64 = r[1]
            try body(r[0], layout, try layouts.arms(layout), data)
        }
    }

    /// Replaces one patient's rows of `trials` (all when nil) by `rows`; writes nothing when the packed row is
    /// unchanged. Returns the number of (trial, arm) rows that differ (inserted, replaced or deleted).
    static func store(_ db: Database, _ patientId: String, _ rows: [StoredMatch], trials: Set<String>?, layouts: Layouts) throws -> Int {
        let old = try MatchPacked.rows(db, patientId: patientId, layouts: layouts) ?? []
        var merged = rows
        if let trials { merged += old.filter { !trials.contains($0.trialId) } }
        let (layout, data) = encode(merged)
        // Rows written: what differs between the old and the new (trial, arm) → (verdict, codes).
        var before: [String: StoredMatch] = [:]
        for m in old { before[m.trialId + "\u{1F}" + m.armId] = m }
        var written = 0
        for m in merged {
            let key = m.trialId + "\u{1F}" + m.armId
            if let o = before.removeValue(forKey: key), o.verdict == m.verdict, o.codes == m.codes { continue }
            written += 1
        }
        written += before.count
        if written == 0 { return 0 }
        if merged.isEmpty {
            try db.cachedStatement(sql: "DELETE FROM matchPacked WHERE patientId = ?").execute(arguments: [patientId])
        } else {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO matchPacked (patientId, layout, data) VALUES (?,?,?)")
                .execute(arguments: [patientId, try layouts.id(layout, db), data])
        }
        return written
    }

    /// Deletes every row of the given trials (a trial removed from the catalogue).
    static func removeTrials(_ db: Database, _ trialIds: Set<String>) throws {
        guard !trialIds.isEmpty else { return }
        let layouts = try Layouts(db)
        var rewrite: [(String, [StoredMatch])] = []
        try forEach(db) { pid, _, layout, data in
            guard layout.contains(where: { trialIds.contains($0.trialId) }) else { return }
            rewrite.append((pid, try decode(data, layout: layout, patientId: pid).filter { !trialIds.contains($0.trialId) }))
        }
        for (pid, rows) in rewrite { _ = try store(db, pid, rows, trials: nil, layouts: layouts) }
    }

    static func count(_ db: Database) throws -> Int {
        let layouts = try Layouts(db)
        var n = 0
        for r in try Row.fetchAll(db, sql: "SELECT layout, COUNT(*) FROM matchPacked GROUP BY layout") {
            let id: Int64 = r[0], c: Int = r[1]
            n += try layouts.arms(id).count * c
        }
        return n
    }

    /// Migration "v13-match-packed": the packed table replaces `matchResult`. The old rows are dropped, not
    /// converted: every patient's state is cleared, so the next `recomputeMatches` stores everyone once in the
    /// packed form (stored verdicts are derived data; the served output does not change).
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE matchLayout (id INTEGER PRIMARY KEY, arms TEXT NOT NULL UNIQUE);
            CREATE TABLE matchPacked (
              patientId TEXT NOT NULL PRIMARY KEY REFERENCES patient(id) ON DELETE CASCADE,
              layout INTEGER NOT NULL REFERENCES matchLayout(id),
              data BLOB NOT NULL
            ) WITHOUT ROWID;
            DROP INDEX IF EXISTS matchResult_trial_verdict;
            DROP TABLE matchResult;
            DELETE FROM matchPatientState;
            DELETE FROM matchTrialState;
            """)
    }
}
