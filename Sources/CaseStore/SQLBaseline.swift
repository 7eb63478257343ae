import Foundation
import GRDB

/// The plain-SQL baseline of the benchmark: one query per trial arm over the case database, each returning the
/// ids of the patients ELIGIBLE for that arm (the queries are written by `TrialEngine.RuleSQL`).
public struct SQLBaseline: Sendable {
    public struct ArmQuery: Sendable {
        public var trialId: String
        public var armId: String
        public var sql: String
        public init(trialId: String, armId: String, sql: String) { self.trialId = trialId; self.armId = armId; self.sql = sql }
    }

    /// An eligible (trial, arm, patient) triple.
    public struct Pair: Hashable, Sendable, Comparable, CustomStringConvertible {
        public var trialId: String
        public var armId: String
        public var patientId: String
        public init(trialId: String, armId: String, patientId: String) { self.trialId = trialId; self.armId = armId; self.patientId = patientId }
        public static func < (a: Pair, b: Pair) -> Bool {
            (a.trialId, a.armId, a.patientId) < (b.trialId, b.armId, b.patientId)
        }
        public var description: String { "\(trialId) arm \(armId): \(patientId)" }
    }

    public let queries: [ArmQuery]
    public init(queries: [ArmQuery]) { self.queries = queries }

    /// Runs every query once (each prepared and stepped to the end) and returns the eligible pairs.
    public func eligiblePairs(_ database: AppDatabase) throws -> [Pair] {
        try database.read { db in try eligiblePairs(db) }
    }

    /// Connection settings an expert gives a read-heavy analytical workload: memory-mapped I/O and a large page
    /// cache (the defaults read every page through pread into a 2 MB cache).
    public static func tune(_ db: Database) throws {
        try db.execute(sql: "PRAGMA mmap_size = 4294967296")
        try db.execute(sql: "PRAGMA cache_size = -262144")
    }

    public func eligiblePairs(_ db: Database) throws -> [Pair] {
        try SQLBaseline.tune(db)
        var out: [Pair] = []
        for q in queries {
            let st: Statement
            do { st = try db.makeStatement(sql: q.sql) } catch let e as DatabaseError {
                throw StoreError.unusable(path: "SQL of \(q.trialId) arm \(q.armId)", reason: e.message ?? "\(e)")
            }
            let ids = try String.fetchCursor(st)
            while let id = try ids.next() { out.append(Pair(trialId: q.trialId, armId: q.armId, patientId: id)) }
        }
        return out
    }

    /// Number of eligible pairs only (the timed run: same work, no array of results kept). Statements are
    /// prepared once per connection and reused, as an application would. With `patientId`, each query is
    /// restricted to that patient (`AND p.id = ?`): the per-patient SQL yardstick.
    public func countEligible(_ database: AppDatabase, patientId: String? = nil) throws -> Int {
        try database.read { db in
            try SQLBaseline.tune(db)
            var n = 0
            for q in queries {
                let st: Statement
                if let id = patientId {
                    let sql = q.sql + (q.sql.contains("\nWHERE ") ? "\n  AND p.id = ?" : "\nWHERE p.id = ?")
                    st = try db.cachedStatement(sql: sql)
                    st.setUncheckedArguments([id])
                } else {
                    st = try db.cachedStatement(sql: q.sql)
                }
                let ids = try String.fetchCursor(st)
                while try ids.next() != nil { n += 1 }
            }
            return n
        }
    }

    /// Query plans (EXPLAIN QUERY PLAN) of every query, for review.
    public func plans(_ database: AppDatabase) throws -> [String] {
        try database.read { db in
            try queries.map { q in
                let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + q.sql)
                return "\(q.trialId)/\(q.armId):\n" + rows.map { "  " + ($0["detail"] as String? ?? "") }.joined(separator: "\n")
            }
        }
    }

    /// Differences between two sets of eligible pairs (engine vs SQL), sorted; empty when they agree.
    public static func diff(engine: Set<Pair>, sql: Set<Pair>) -> (onlyEngine: [Pair], onlySQL: [Pair]) {
        (engine.subtracting(sql).sorted(), sql.subtracting(engine).sorted())
    }
}
