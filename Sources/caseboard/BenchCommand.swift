import ArgumentParser
import CaseboardBench
import CaseboardCore
import Foundation

/// `caseboard bench [--sizes 1000,10000,100000] [--json]`: the performance benchmark (`Benchmark` in CaseboardBench).
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
        var ns: [Int] = []
        for s in sizes.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let n = Int(s), n >= 1 else { throw CLIError.user("--sizes: expected positive integers separated by commas, found \"\(s)\"") }
            ns.append(n)
        }
        try Benchmark(sizes: ns, seed: seed, runs: runs, cacheDir: cacheDir, json: json, printSQL: printSQL, checkOnly: checkOnly,
                      options: try options.workspaceOptions(), todayGiven: options.today != nil).run()
    }
}
