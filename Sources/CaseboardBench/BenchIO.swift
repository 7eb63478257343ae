import CaseStore
import CaseboardCore
import Foundation

/// The `matching` entry of `caseboard bench --json` for one database size.
struct BenchMatchingResult: Codable {
    var patients = 0
    var trials = 0
    /// open arms of open trials
    var arms = 0
    /// criteria of those arms
    var criteria = 0
    /// engine, one pass: each patient interpreted (ClinicalRules: ELN, germline, MRD) and indexed, and every
    /// criterion of every open arm evaluated into result codes (median)
    var seconds = 0.0
    /// two-phase breakdown: every patient's interpretation (phase 1), then the matching table from those (phase 2)
    var interpretationSeconds = 0.0
    var evaluateSeconds = 0.0
    /// patient × arm verdicts per second
    var evaluationsPerSecond = 0.0
    var criterionEvaluationsPerSecond = 0.0
    /// one query per covered arm, eligible patients stepped to the end (median)
    var sqlBaselineSeconds = 0.0
    /// seconds / sqlBaselineSeconds (target ≤ 0.3)
    var ratio = 0.0
    /// like for like: the engine (one pass) on the arms SQL covers only, and its ratio to SQL
    var coveredArmsSeconds = 0.0
    var coveredRatio = 0.0
    var pairsAgree = false
    /// false with --check-only (no timing)
    var timed = false
    var singlePatientMs = 0.0
    var singlePatientMaxMs = 0.0
    var sqlSinglePatientMs = 0.0
    /// one edited patient through the store: recomputeMatches(onlyPatients:) incl. load, match, write (in-memory db)
    var singlePatientStoredMs = 0.0
    /// of which: the patient's record fingerprint (Matcher.fingerprint(of:))
    var patientFingerprintMs = 0.0
    var sqlArmsCovered = 0
    var sqlCriteriaCovered = 0
    var sqlCriteriaTranslatable = 0
    var sqlUncoveredConstructs: [String: Int] = [:]
    var eligiblePairs = 0
    var eligiblePairsCovered = 0
    var possiblyEligiblePairs = 0
    var reasonsChecked = 0
    var loadSeconds = 0.0
    var loadAverage = ""
    var loadAverageAfter = ""
    var today = ""
    var database = ""
    var build = BenchIO.buildKind
    // End to end (issue #16; `BenchEndToEnd`). `loadSeconds` above is then the median of the alternating load runs.
    /// open the file, load every patient, interpret, match every open arm with per-criterion codes (median)
    var endToEndSeconds = 0.0
    /// endToEndSeconds / sqlBaselineSeconds (target ≤ 0.4)
    var endToEndRatio = 0.0
    /// the rows `loadSeconds` reads, stepped through the SQLite C API, every column read, nothing built (median)
    var loadBaselineSeconds = 0.0
    /// loadSeconds / loadBaselineSeconds (target ≤ 2)
    var loadRatio = 0.0
    var rowsRead = 0
    /// first store of every verdict on a scratch copy (recomputeMatches, all patients × all trials)
    var firstStoreSeconds = 0.0
    /// growth of the file's used pages by that store, per patient (target ≤ 1024)
    var storedBytesPerPatient = 0.0
    /// the stored verdicts rewritten for the next day (target < 2 s at 10,000)
    var newDaySeconds = 0.0
    /// longest audit write of a thread writing every 10 ms during that rewrite (target ≤ 100 ms)
    var newDayMaxWriteWaitMs = 0.0
    /// `caseboard import` of the export below into a new file, child process (target < 5 s, < 300 MiB at 10,000)
    var importSeconds = 0.0
    var importPeakRSSMiB = 0.0
    /// `caseboard export --out`, child process (target < 2 s, < 150 MiB at 10,000)
    var exportSeconds = 0.0
    var exportPeakRSSMiB = 0.0
    /// first full frame of the case list (median of the start-up runs, see `startup`)
    var firstFrameMs = 0.0
    /// each view through the headless backend (`BenchViews`)
    var views: [BenchViewResult] = []
    /// peak RSS (MiB, wait4 rusage) and wall time of each command run as a child process
    var peakRSSMiB: [String: Double] = [:]
    var commandSeconds: [String: Double] = [:]
}

struct BenchReport: Codable {
    var matching: [BenchMatchingResult]
    var startup: [BenchStartupResult]
}

enum BenchIO {
    #if DEBUG
    static let buildKind = "debug"
    #else
    static let buildKind = "release"
    #endif

    static func note(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

    static func loadAverage() -> String {
        guard let s = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "" }
        return s.split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try enc.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func printHuman(_ r: BenchMatchingResult) {
        func f(_ x: Double, _ d: Int = 3) -> String { String(format: "%.\(d)f", x) }
        print("matching, \(r.patients) patients × \(r.arms) open arms of \(r.trials) trials (\(r.criteria) criteria), today \(r.today), \(r.build) build")
        if !r.timed {
            print("  check only: pairs agree: \(r.pairsAgree ? "yes" : "NO") on \(r.sqlArmsCovered) of \(r.arms) arms (\(r.eligiblePairsCovered) eligible pairs); reasons checked on \(r.reasonsChecked) cells")
            return
        }
        print("  engine  \(f(r.seconds)) s  (two-phase breakdown: interpretation \(f(r.interpretationSeconds)) s, then every criterion \(f(r.evaluateSeconds)) s; \(f(r.evaluationsPerSecond / 1e6, 2)) M arm verdicts/s)")
        print("  SQL     \(f(r.sqlBaselineSeconds)) s  on \(r.sqlArmsCovered) of \(r.arms) arms (\(r.sqlCriteriaCovered) criteria; \(r.sqlCriteriaTranslatable) of \(r.criteria) criteria translatable)")
        print("  engine on the \(r.sqlArmsCovered) SQL-covered arms only: \(f(r.coveredArmsSeconds)) s = \(f(r.coveredRatio, 2)) × SQL")
        print("  ratio   \(f(r.ratio, 2)) × SQL   (target ≤ 0.30)   pairs agree: \(r.pairsAgree ? "yes" : "NO") (\(r.eligiblePairsCovered) eligible pairs on covered arms; \(r.eligiblePairs) eligible, \(r.possiblyEligiblePairs) possibly eligible overall)")
        print("  one patient re-matched: \(f(r.singlePatientMs)) ms median, \(f(r.singlePatientMaxMs)) ms max (SQL, covered arms: \(f(r.sqlSinglePatientMs)) ms); through the store incl. write \(f(r.singlePatientStoredMs)) ms (fingerprint \(f(r.patientFingerprintMs)) ms)")
        print("  load \(f(r.loadSeconds)) s; load average \(r.loadAverage) → \(r.loadAverageAfter); reasons checked on \(r.reasonsChecked) cells")
        if r.endToEndSeconds > 0 {
            print("  end to end (open, load, interpret, match with codes) \(f(r.endToEndSeconds)) s = \(f(r.endToEndRatio, 2)) × SQL (target ≤ 0.40)")
            print("  load \(f(r.loadSeconds)) s vs C API floor \(f(r.loadBaselineSeconds)) s (\(r.rowsRead) rows) = \(f(r.loadRatio, 2)) × (target ≤ 2)")
            print("  stored verdicts: first store \(f(r.firstStoreSeconds)) s, \(Int(r.storedBytesPerPatient.rounded())) bytes/patient (target ≤ 1024); new day \(f(r.newDaySeconds)) s (longest concurrent write \(f(r.newDayMaxWriteWaitMs, 1)) ms)")
            print("  export \(f(r.exportSeconds)) s, \(f(r.exportPeakRSSMiB, 1)) MiB; import \(f(r.importSeconds)) s, \(f(r.importPeakRSSMiB, 1)) MiB")
            for (k, v) in r.peakRSSMiB.sorted(by: { $0.key < $1.key }) {
                print("  \(k): \(f(r.commandSeconds[k] ?? 0)) s, peak RSS \(f(v, 1)) MiB")
            }
            for v in r.views { print("  view \(v.view): open \(f(v.openMs, 1)) ms, render \(f(v.renderMs, 2)) ms") }
        }
        if !r.sqlUncoveredConstructs.isEmpty {
            print("  arms left out of SQL because of: " + r.sqlUncoveredConstructs.sorted { $0.value > $1.value }.map { "\($0.key) ×\($0.value)" }.joined(separator: "; "))
        }
    }
}
