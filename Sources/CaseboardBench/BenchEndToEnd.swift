import CaseModel
import CaseStore
import CaseboardCore
import Foundation
import TrialEngine

/// The end-to-end figures of one size (issue #16), added to its `BenchMatchingResult`:
/// 1. in process, alternating runs (medians): the whole re-match from the file (open, load every patient,
///    interpret, match every open arm with per-criterion codes), the load alone, and the load's floor (the same
///    rows stepped through the SQLite C API);
/// 2. on a scratch copy of the file: the stored verdicts written for the first time (their size on disk per
///    patient), then rewritten for a new day while another thread keeps writing (the longest wait of its writes);
/// 3. child processes of the same executable on that copy (wall time and peak RSS from wait4): `cases --json`,
///    `match --trial`, `cases --json` on a new day, `export`, `import` of that export into a new file.
struct BenchEndToEnd {
    let path: String
    let matcher: Matcher
    let today: LocalDate
    let runs: Int
    let trialsDir: String?

    func measure(into r: inout BenchMatchingResult) throws {
        // 1. End to end, load, load floor.
        var e2e: [Double] = [], load: [Double] = [], floor: [Double] = []
        var rowsRead = 0
        for _ in 0..<runs {
            let a = BenchMatching.now()
            let db = try AppDatabase.open(path: path, readOnly: true)
            let patients = try db.patients()
            let table = matcher.matchTable(patients: patients, today: today)
            let b = BenchMatching.now()
            guard table.patientCount == r.patients else {
                throw CoreError.internal("caseboard bench: end to end matched \(table.patientCount) patients, expected \(r.patients)")
            }
            e2e.append(b - a)
            let c = BenchMatching.now()
            let base = try AppDatabase.open(path: path, readOnly: true).readPatientRowsBaseline()
            floor.append(BenchMatching.now() - c)
            rowsRead = base.rows
            let d = BenchMatching.now()
            let loaded = try AppDatabase.open(path: path, readOnly: true).patients()
            load.append(BenchMatching.now() - d)
            guard loaded.count == r.patients else { throw CoreError.internal("caseboard bench: loaded \(loaded.count) patients, expected \(r.patients)") }
        }
        r.endToEndSeconds = BenchMatching.median(e2e)
        r.endToEndRatio = r.sqlBaselineSeconds > 0 ? r.endToEndSeconds / r.sqlBaselineSeconds : 0
        r.loadSeconds = BenchMatching.median(load)
        r.loadBaselineSeconds = BenchMatching.median(floor)
        r.loadRatio = r.loadBaselineSeconds > 0 ? r.loadSeconds / r.loadBaselineSeconds : 0
        r.rowsRead = rowsRead

        // 2. Stored verdicts on a scratch copy.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-bench-\(ProcessInfo.processInfo.processIdentifier)-\(r.patients)")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let copy = work.appendingPathComponent("bench.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let engine = CatalogueMatchEngine(matcher: matcher)
        do {
            let db = try AppDatabase.open(path: copy)
            let before = try db.usedBytes()
            let s0 = BenchMatching.now()
            try db.recomputeMatches(engine: engine, today: today)
            r.firstStoreSeconds = BenchMatching.now() - s0
            r.storedBytesPerPatient = r.patients > 0 ? Double(try db.usedBytes() - before) / Double(r.patients) : 0
            let tomorrow = LocalDate(daysSinceEpoch: today.daysSinceEpoch + 1)
            let probe = WriteProbe(db: db)
            probe.start()
            let n0 = BenchMatching.now()
            try db.recomputeMatches(engine: engine, today: tomorrow)
            r.newDaySeconds = BenchMatching.now() - n0
            r.newDayMaxWriteWaitMs = try probe.stop()
        }

        // 3. Commands as child processes (stored verdicts current for `day`).
        let day = LocalDate(daysSinceEpoch: today.daysSinceEpoch + 1)
        var common = ["--db", copy, "--today", day.description, "--user", "bench"]
        if let t = trialsDir { common += ["--trials", t] }
        func child(_ key: String, _ args: [String]) throws -> BenchChild {
            let c = try BenchChild.run(args, workDir: work)
            r.peakRSSMiB[key] = c.peakRSSMiB
            r.commandSeconds[key] = c.seconds
            return c
        }
        _ = try child("cases --json", ["cases", "--json"] + common)
        if let first = matcher.armColumns(openOnly: true).first {
            let trial = matcher.trials[first.trial].trial.id
            _ = try child("match --trial", ["match", "--trial", trial] + common)
        }
        var newDay = common
        if let i = newDay.firstIndex(of: "--today") { newDay[i + 1] = LocalDate(daysSinceEpoch: day.daysSinceEpoch + 1).description }
        _ = try child("cases --json (new day)", ["cases", "--json"] + newDay)
        let exported = work.appendingPathComponent("cases.json").path
        let ex = try child("export", ["export", "--out", exported] + common)
        r.exportSeconds = ex.seconds; r.exportPeakRSSMiB = ex.peakRSSMiB
        let fresh = work.appendingPathComponent("imported.sqlite").path
        var importArgs = ["import", exported, "--db", fresh, "--today", day.description, "--user", "bench"]
        if let t = trialsDir { importArgs += ["--trials", t] }
        let im = try child("import", importArgs)
        r.importSeconds = im.seconds; r.importPeakRSSMiB = im.peakRSSMiB
        let imported = try AppDatabase.open(path: fresh, readOnly: true).patientCount()
        guard imported == r.patients else { throw CoreError.internal("caseboard bench: import wrote \(imported) patients, expected \(r.patients)") }

        // 4. Every view through the headless runtime, stored verdicts prepared (the copy is current for `day`).
        r.views = try BenchViews.measure(options: WorkspaceOptions(db: copy, trials: trialsDir, today: day, user: "bench"), patients: r.patients)
    }
}

/// A writer that appends an audit entry every 10 ms on its own thread while a long operation runs, and reports the
/// longest time one of its writes took (how long a nurse's save would wait).
final class WriteProbe: @unchecked Sendable {
    private let db: AppDatabase
    private let lock = NSLock()
    private var running = true
    private var maxMs = 0.0
    private var failure: Error?
    private let finished = DispatchSemaphore(value: 0)
    init(db: AppDatabase) { self.db = db }

    func start() {
        // A dispatch queue, not a detached Thread (see `LiveRepository.Pending`).
        DispatchQueue(label: "caseboard.bench.write-probe").async { [self] in
            var i = 0
            while lock.withLock({ running }) {
                let a = DispatchTime.now().uptimeNanoseconds
                do {
                    try db.appendAudit(AuditEntry(at: AppDatabase.timestamp(), who: "bench", action: "probe", entity: "bench/\(i)", before: nil, after: nil))
                } catch { lock.withLock { failure = error; running = false }; break }
                let ms = Double(DispatchTime.now().uptimeNanoseconds - a) / 1e6
                lock.withLock { maxMs = max(maxMs, ms) }
                i += 1
                usleep(10_000)
            }
            finished.signal()
        }
    }

    /// Stops the writer; the longest write in ms (throws the writer's error, if any).
    func stop() throws -> Double {
        lock.withLock { running = false }
        finished.wait()
        if let e = lock.withLock({ failure }) { throw e }
        return lock.withLock { maxMs }
    }
}
