import ArgumentParser
import CaseModel
import CaseStore
import ClinicalRules
import Foundation
import TrialEngine

/// `caseboard bench [--sizes 1000,10000,100000] [--json]`: the performance benchmark (design.md).
///
/// Matching: for each size, a synthetic database (demo generator, cached) is loaded once; then, in alternating
/// runs, (a) the engine: PatientFacts of every patient (incl. the ClinicalRules interpretation it needs: ELN, MRD,
/// germline; not the follow-up schedule) + every criterion of every open arm evaluated into per-criterion result
/// codes (`MatchTable`), and (b) the SQL baseline: one query per open arm, over the same file, returning the
/// eligible patients. Before timing, both must give the same eligible (trial, arm, patient) set on the arms SQL
/// covers; otherwise the difference is printed and the command exits 2.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Performance benchmark: trial matching vs plain SQL; start-up to the first frame.")

    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "Database sizes (patients), comma-separated.") var sizes = "1000,10000,100000"
    @Option(name: .long, help: "Generator seed (default: the demo seed).") var seed: UInt64?
    @Option(name: .long, help: "Timed runs of each side (alternating); the median is reported.") var runs = 5
    @Option(name: .long, help: "Directory of the cached benchmark databases (default: $XDG_CACHE_HOME/caseboard).") var cacheDir: String?
    @Flag(name: .long, help: "Print one JSON document on stdout.") var json = false
    @Flag(name: .customLong("print-sql"), help: "Print each arm's SQL and its query plan on stderr.") var printSQL = false
    @Flag(name: .customLong("check-only"), help: "Only check that engine and SQL agree (no timing).") var checkOnly = false

    func run() throws {
        let sizeList = sizes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var ns: [Int] = []
        for s in sizeList {
            guard let n = Int(s), n >= 1 else { throw CLIError.user("--sizes: expected positive integers separated by commas, found \"\(s)\"") }
            ns.append(n)
        }
        guard runs >= 1 else { throw CLIError.user("--runs must be at least 1") }
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
        for n in ns {
            let path = try BenchDatabases.ensure(patients: n, seed: seed, demoDir: demoDir, cacheDir: cacheDir)
            var r = try BenchMatching(path: path, matcher: matcher, options: options, runs: runs, printSQL: printSQL, checkOnly: checkOnly).run()
            r.database = path
            if !r.pairsAgree { disagree = true }
            results.append(r)
            if !json { BenchIO.printHuman(r) }
            if !checkOnly {
                let s = try BenchStartupResult.measure(path: path, patients: n, options: options, runs: runs)
                startups.append(s)
                if !json { s.printHuman() }
            }
        }
        if json { try BenchIO.printJSON(BenchReport(matching: results, startup: startups)) }
        if disagree { throw CLIError.internal("caseboard bench: the engine and the SQL baseline disagree (differences above)") }
    }
}
