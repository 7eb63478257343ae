import CaseModel
import CaseStore
import CaseboardCore
import Foundation
import TrialEngine

/// `caseboard bench` (design.md): for each size, a synthetic database (demo generator, cached) is loaded once;
/// then, in alternating runs, (a) the engine: PatientFacts of every patient (incl. the ClinicalRules
/// interpretation it needs: ELN, MRD, germline; not the follow-up schedule) + every criterion of every open arm
/// evaluated into per-criterion result codes (`MatchTable`), and (b) the SQL baseline: one query per open arm, over
/// the same file, returning the eligible patients. Before timing, both must give the same eligible (trial, arm,
/// patient) set on the arms SQL covers; otherwise the difference is printed and an internal error is thrown.
public struct Benchmark {
    public var sizes: [Int]
    public var seed: UInt64?
    public var runs: Int
    public var cacheDir: String?
    public var json: Bool
    public var printSQL: Bool
    public var checkOnly: Bool
    /// The workspace options of the run (`--trials`, `--today`, `--user`); the database is each size's.
    public var options: WorkspaceOptions
    /// Whether `--today` was given (else each database's reference date is used).
    public var todayGiven: Bool

    public init(sizes: [Int], seed: UInt64?, runs: Int, cacheDir: String?, json: Bool, printSQL: Bool, checkOnly: Bool,
                options: WorkspaceOptions, todayGiven: Bool) {
        self.sizes = sizes; self.seed = seed; self.runs = runs; self.cacheDir = cacheDir; self.json = json
        self.printSQL = printSQL; self.checkOnly = checkOnly; self.options = options; self.todayGiven = todayGiven
    }

    public func run() throws {
        guard runs >= 1 else { throw CoreError.user("--runs must be at least 1") }
        let demoDir = try DemoDatabase.locate()
        let trialsDir = options.trials.map { URL(fileURLWithPath: $0) } ?? demoDir.appendingPathComponent("trials")
        let catalogue = try TrialLoader.loadDirectory(trialsDir)
        if !catalogue.errors.isEmpty {
            for e in catalogue.errors { BenchIO.note("\(e.file):\(e.line):\(e.column): \(e.message)") }
        }
        let matcher = Matcher.compile(catalogue)
        var results: [BenchMatchingResult] = []
        var startups: [BenchStartupResult] = []
        var disagree = false
        for n in sizes {
            let path = try BenchDatabases.ensure(patients: n, seed: seed, demoDir: demoDir, cacheDir: cacheDir)
            var r = try BenchMatching(path: path, matcher: matcher, fixedToday: todayGiven ? options.today : nil, runs: runs,
                                      printSQL: printSQL, checkOnly: checkOnly).run()
            r.database = path
            if !r.pairsAgree { disagree = true }
            var startup: BenchStartupResult?
            if !checkOnly && r.timed, let today = LocalDate(r.today) {
                try BenchEndToEnd(path: path, matcher: matcher, today: today, runs: runs, trialsDir: options.trials).measure(into: &r)
                let s = try BenchStartupResult.measure(path: path, patients: n, options: options, runs: runs)
                r.firstFrameMs = s.firstFrameMs
                startup = s
            }
            results.append(r)
            if !json { BenchIO.printHuman(r) }
            if let s = startup {
                startups.append(s)
                if !json { s.printHuman() }
            }
        }
        if json { try BenchIO.printJSON(BenchReport(matching: results, startup: startups)) }
        if disagree { throw CoreError.internal("caseboard bench: the engine and the SQL baseline disagree (differences above)") }
    }
}
