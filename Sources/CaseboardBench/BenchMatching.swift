import CaseModel
import CaseStore
import CaseboardCore
import ClinicalRules
import Foundation
import TrialEngine

/// One size of the matching benchmark (see `BenchCommand`).
struct BenchMatching {
    let path: String
    let matcher: Matcher
    /// --today, else the demo reference date the data was generated for, else the system date
    let fixedToday: LocalDate?
    let runs: Int
    let printSQL: Bool
    let checkOnly: Bool

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Today for the run: --today, else the demo reference date the data was generated for, else the system date.
    func today(_ db: AppDatabase) throws -> LocalDate {
        if let t = fixedToday { return t }
        if let r = try db.metadata("referenceDate"), let d = LocalDate(r) { return d }
        return LocalDate.today()
    }

    func run() throws -> BenchMatchingResult {
        let db = try AppDatabase.open(path: path, readOnly: false)
        let today = try today(db)
        var r = BenchMatchingResult()
        r.today = today.description
        r.loadAverage = BenchIO.loadAverage()
        let t0 = BenchMatching.now()
        let patients = try db.patients()
        r.loadSeconds = BenchMatching.now() - t0
        r.patients = patients.count

        // Arms: every open arm of every open trial; SQL for those it can express.
        let columns = matcher.armColumns(openOnly: true)
        r.trials = Set(columns.map(\.trial)).count
        r.arms = columns.count
        r.criteria = columns.reduce(0) { $0 + matcher.trials[$1.trial].arms[$1.arm].criteria.count }
        let translator = RuleSQL(today: today)
        let armQueries = translator.queries(for: matcher)
        let covered = armQueries.filter { $0.sql != nil }
        r.sqlArmsCovered = covered.count
        r.sqlCriteriaCovered = covered.reduce(0) { $0 + $1.criteria }
        r.sqlCriteriaTranslatable = armQueries.reduce(0) { $0 + $1.translated }
        var reasons: [String: Int] = [:]
        for q in armQueries { for u in q.unsupported { reasons[u, default: 0] += 1 } }
        r.sqlUncoveredConstructs = reasons
        let baseline = SQLBaseline(queries: covered.compactMap { q in q.sql.map { SQLBaseline.ArmQuery(trialId: q.trialID, armId: q.armID, sql: $0) } })
        if printSQL {
            for (q, plan) in zip(baseline.queries, try baseline.plans(db)) { BenchIO.note("-- \(q.trialId) arm \(q.armId)\n\(q.sql);\n\(plan)\n") }
        }

        // 1. Check: same eligible pairs on the covered arms.
        let table = matcher.matchTable(patients: patients, today: today)
        let coveredKeys = Set(covered.map { "\($0.trialID)\u{1F}\($0.armID)" })
        var enginePairs = Set<SQLBaseline.Pair>()
        var eligibleAll = 0, possibly = 0
        for (k, col) in table.arms.enumerated() {
            let t = matcher.trials[col.trial].trial
            let armID = t.arms[col.arm].id
            let isCovered = coveredKeys.contains("\(t.id)\u{1F}\(armID)")
            for p in 0..<table.patientCount {
                switch table.verdict(patient: p, arm: k) {
                case .eligible:
                    eligibleAll += 1
                    if isCovered { enginePairs.insert(SQLBaseline.Pair(trialId: t.id, armId: armID, patientId: patients[p].id)) }
                case .possiblyEligible: possibly += 1
                case .ineligible: break
                }
            }
        }
        r.eligiblePairs = eligibleAll
        r.possiblyEligiblePairs = possibly
        let sqlPairs = Set(try baseline.eligiblePairs(db))
        r.eligiblePairsCovered = enginePairs.count
        let (onlyEngine, onlySQL) = SQLBaseline.diff(engine: enginePairs, sql: sqlPairs)
        r.pairsAgree = onlyEngine.isEmpty && onlySQL.isEmpty
        if !r.pairsAgree {
            BenchIO.note("DIFFERENCE at \(patients.count) patients: \(onlyEngine.count) pairs eligible only for the engine, \(onlySQL.count) only for SQL")
            for p in onlyEngine.prefix(50) { BenchIO.note("  engine only: \(p)") }
            for p in onlySQL.prefix(50) { BenchIO.note("  SQL only:    \(p)") }
        }

        // Reasons are read from the computed codes: check a sample against the explained path.
        r.reasonsChecked = try checkReasons(table: table, patients: patients, today: today)

        if checkOnly || !r.pairsAgree { return r }  // a disagreement is not timed: the command exits 2
        r.timed = true

        // 2. Timing: alternating runs, medians. The figure: one pass, each patient interpreted, indexed and
        // matched against every open arm in the worker thread (`seconds`).
        var engineTimes: [Double] = [], sqlTimes: [Double] = []
        for _ in 0..<runs {
            let a = BenchMatching.now()
            let tab = matcher.matchTable(patients: patients, today: today)
            let b = BenchMatching.now()
            guard tab.verdicts == table.verdicts, tab.codes == table.codes else {
                throw CoreError.internal("caseboard bench: the one-pass engine run differs from the checked run")
            }
            engineTimes.append(b - a)
            let s0 = BenchMatching.now()
            _ = try baseline.countEligible(db)
            sqlTimes.append(BenchMatching.now() - s0)
        }
        // Breakdown (not part of the figure): every interpretation first, then the table from them; and the engine
        // on the SQL-covered arms only (like for like).
        var interpTimes: [Double] = [], evalTimes: [Double] = [], coveredTimes: [Double] = []
        let coveredColumns = table.arms.filter { col in
            let t = matcher.trials[col.trial].trial
            return coveredKeys.contains("\(t.id)\u{1F}\(t.arms[col.arm].id)")
        }
        for _ in 0..<max(1, runs / 2) {
            let e = BenchMatching.now()
            _ = matcher.matchTable(patients: patients, today: today, columns: coveredColumns)
            coveredTimes.append(BenchMatching.now() - e)
            let a = BenchMatching.now()
            let interps = BenchMatching.interpretations(patients, today: today)
            let b = BenchMatching.now()
            _ = matcher.matchTable(count: patients.count, columns: columns) { (patients[$0], interps[$0], today) }
            let c = BenchMatching.now()
            interpTimes.append(b - a); evalTimes.append(c - b)
        }
        r.interpretationSeconds = BenchMatching.median(interpTimes)
        r.evaluateSeconds = BenchMatching.median(evalTimes)
        r.seconds = BenchMatching.median(engineTimes)
        r.sqlBaselineSeconds = BenchMatching.median(sqlTimes)
        r.evaluationsPerSecond = r.seconds > 0 ? Double(r.patients * r.arms) / r.seconds : 0
        r.criterionEvaluationsPerSecond = r.seconds > 0 ? Double(r.patients * r.criteria) / r.seconds : 0
        r.ratio = r.sqlBaselineSeconds > 0 ? r.seconds / r.sqlBaselineSeconds : 0
        r.coveredArmsSeconds = BenchMatching.median(coveredTimes)
        r.coveredRatio = r.sqlBaselineSeconds > 0 ? r.coveredArmsSeconds / r.sqlBaselineSeconds : 0

        // 3. One edited patient re-matched against every trial arm (interpretation + every arm with codes). The
        // matcher's single-patient program is built on first use (a few ms, once per process): built here first.
        var single: [Double] = []
        let sample = stride(from: 0, to: patients.count, by: max(1, patients.count / 200)).map { patients[$0] }
        if let first = sample.first { _ = matcher.matchRow(first, Interpretation.interpret(first, today: today, followUps: false), today: today) }
        for p in sample {
            let a = BenchMatching.now()
            let row = matcher.matchRow(p, Interpretation.interpret(p, today: today, followUps: false), today: today, openOnly: false)
            let b = BenchMatching.now()
            precondition(row.count == matcher.armIndex.count)
            single.append((b - a) * 1000)
        }
        r.singlePatientMs = BenchMatching.median(single)
        r.singlePatientMaxMs = single.max() ?? 0
        // SQL yardstick: the covered arms' queries restricted to one patient.
        var sqlSingle: [Double] = []
        if let first = sample.first { _ = try baseline.countEligible(db, patientId: first.id) }  // prepare once
        for p in sample.prefix(50) {
            let a = BenchMatching.now()
            _ = try baseline.countEligible(db, patientId: p.id)
            sqlSingle.append((BenchMatching.now() - a) * 1000)
        }
        r.sqlSinglePatientMs = BenchMatching.median(sqlSingle)
        r.singlePatientStoredMs = try storedEdit(sample: Array(sample.prefix(200)), today: today)
        var fp: [Double] = []
        for p in sample.prefix(50) {
            let a = BenchMatching.now()
            _ = Matcher.fingerprint(of: p)
            fp.append((BenchMatching.now() - a) * 1000)
        }
        r.patientFingerprintMs = BenchMatching.median(fp)
        r.loadAverageAfter = BenchIO.loadAverage()
        return r
    }

    /// Every patient's interpretation (no follow-up schedule), over the available cores.
    static func interpretations(_ patients: [Patient], today: LocalDate) -> [Interpretation] {
        let threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, patients.count))
        let parts = InterpretationChunks(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { c in
            let lo = patients.count * c / threads, hi = patients.count * (c + 1) / threads
            parts.set(c, patients[lo..<hi].map { Interpretation.interpret($0, today: today, followUps: false) })
        }
        return parts.joined()
    }

    /// One edit through the store: an in-memory database holding `sample` with all results stored; one patient is
    /// edited (re-imported with a new comorbidity) and `recomputeMatches(onlyPatients:)` runs (load, fingerprint,
    /// match against every arm, replace its rows, one transaction). Median over 20 edits, in ms.
    func storedEdit(sample: [Patient], today: LocalDate) throws -> Double {
        guard !sample.isEmpty else { return 0 }
        let mem = try AppDatabase.inMemory()
        try mem.importPatients(sample, who: "bench")
        let engine = CatalogueMatchEngine(matcher: matcher)
        try mem.recomputeMatches(engine: engine, today: today)
        var times: [Double] = []
        for i in 0..<20 {
            var p = sample[i % sample.count]
            p.comorbidities.append("bench-edit-\(i)")
            try mem.importPatients([p], who: "bench")
            let a = BenchMatching.now()
            let rep = try mem.recomputeMatches(engine: engine, today: today, onlyPatients: [p.id])
            times.append((BenchMatching.now() - a) * 1000)
            guard rep.patientsRecomputed == [p.id], rep.trialsRecomputed.isEmpty else {
                throw CoreError.internal("caseboard bench: an edit of \(p.id) recomputed \(rep.patientsRecomputed.count) patients and \(rep.trialsRecomputed.count) trials")
            }
        }
        return BenchMatching.median(times)
    }

    /// For a sample of (patient, arm) cells, the stored codes must equal the explained path's results, and the
    /// verdict its verdict. Returns the number of cells checked; throws on a mismatch.
    func checkReasons(table: MatchTable, patients: [Patient], today: LocalDate) throws -> Int {
        var checked = 0
        let step = max(1, patients.count / 50)
        for p in stride(from: 0, to: patients.count, by: step) {
            let facts = CatalogueMatchEngine.facts(patients[p], today: today)
            for (k, col) in table.arms.enumerated() {
                let t = matcher.trials[col.trial]
                let explained = matcher.verdict(of: t.arms[col.arm], trial: t.trial, facts: facts)
                let codes = table.results(patient: p, arm: k)
                if explained.verdict != table.verdict(patient: p, arm: k) || codes != Matcher.armCriteria(explained, facts: facts).map(\.result) {
                    throw CoreError.internal("caseboard bench: stored result codes of \(patients[p].id) × \(t.trial.id)/\(t.arms[col.arm].arm.id) differ from the explained verdict")
                }
                checked += 1
            }
        }
        return checked
    }
}

/// Per-thread results of `BenchMatching.interpretations` (each thread writes its own slot).
final class InterpretationChunks: @unchecked Sendable {
    private var slots: [[Interpretation]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [Interpretation]) { lock.lock(); slots[i] = v; lock.unlock() }
    func joined() -> [Interpretation] { lock.lock(); defer { lock.unlock() }; return slots.flatMap { $0 } }
}
