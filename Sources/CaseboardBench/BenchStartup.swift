import CaseStore
import CaseboardCore
import Foundation

/// Start-up to the first full frame of the case list (design.md: under 150 ms at 10,000 patients, under
/// 500 ms at 100,000), beside its baseline measured in the same run: loading every case through the store,
/// which is what a list that materialised every patient before drawing would cost.
struct BenchStartupResult: Codable {
    var patients: Int
    var firstFrameMs: Double
    var openMs: Double
    var loadAllBaselineMs: Double
    var ratio: Double
    var targetMs: Double
    var runs: Int

    static func measure(path: String, patients: Int, options: WorkspaceOptions, runs: Int) throws -> BenchStartupResult {
        var opts = options
        opts.db = path
        opts.readOnly = true
        var frames: [Double] = [], opens: [Double] = [], baseline: [Double] = []
        for _ in 0..<max(1, runs) {
            // Alternate the two sides so that a busy moment of the machine does not favour either.
            let s = try LiveRepository.measureStartup(opts)
            frames.append(s.firstFrameMs); opens.append(s.loadMs)
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try AppDatabase.open(path: path, readOnly: true).patients()
            baseline.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        let frame = BenchMatching.median(frames), base = BenchMatching.median(baseline)
        return BenchStartupResult(patients: patients, firstFrameMs: frame, openMs: BenchMatching.median(opens),
                                  loadAllBaselineMs: base, ratio: base > 0 ? frame / base : 0,
                                  targetMs: patients <= 10_000 ? 150 : 500, runs: max(1, runs))
    }

    func printHuman() {
        let f = { (x: Double) in String(format: "%.1f", x) }
        print("start-up, \(patients) patients: first frame \(f(firstFrameMs)) ms (target < \(Int(targetMs)) ms); "
              + "baseline, every case loaded: \(f(loadAllBaselineMs)) ms; ratio \(String(format: "%.2f", ratio))")
    }
}
