import CaseStore
import CaseboardCore
import Foundation

/// Synthetic benchmark databases, built once with the demo generator and cached by size, seed and generator hash.
enum BenchDatabases {
    static func cacheDirectory(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let e = explicit { return URL(fileURLWithPath: e) }
        if let x = environment["XDG_CACHE_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("caseboard") }
        let home = environment["HOME"] ?? NSTemporaryDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/caseboard")
    }

    /// Path of the database of `patients` patients, built when missing.
    static func ensure(patients: Int, seed: UInt64?, demoDir: URL, cacheDir: String?) throws -> String {
        let sources = try DemoSources.load(demoDirectory: demoDir)
        let s = seed ?? sources.settings.seed
        let hash = String(DemoDatabase.sourceHash(demoDir).prefix(12)) + "-v\(DemoGenerator.version)"
        let dir = cacheDirectory(cacheDir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("bench-\(patients)-\(s)-\(hash).sqlite").path
        if FileManager.default.fileExists(atPath: path) { return path }
        let tmp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: tmp)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        BenchIO.note("building \(path) (\(patients) synthetic patients)…")
        let report = try DemoDatabase.build(path: tmp, sources: sources, seed: s, count: patients, trialFiles: DemoDatabase.trialFiles(demoDir))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard rename(tmp, path) == 0 else { throw CoreError.user("cannot write \(path) (errno \(errno))") }
        BenchIO.note(String(format: "  %d patients in %.1f s", report.patients, report.generateSeconds + report.writeSeconds))
        // Databases of the same size and seed built by an older generator are stale: remove them.
        let mine = (path as NSString).lastPathComponent
        for f in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        where f.hasPrefix("bench-\(patients)-\(s)-") && f != mine && (f.hasSuffix(".sqlite") || f.hasSuffix(".sqlite-wal") || f.hasSuffix(".sqlite-shm")) {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(f))
        }
        return path
    }
}
