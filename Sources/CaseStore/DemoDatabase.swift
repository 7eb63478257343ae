import CaseModel
import Foundation
import GRDB

/// Finding the demo sources, building synthetic databases, and caching the demo database in the
/// user's data directory under a name that hashes every source file (so it is rebuilt when they change).
public enum DemoDatabase {
    /// The demo directory: `CASEBOARD_DEMO_DIR`, else a `demo-db/` found walking up from the
    /// executable's directory, else the source checkout this file was compiled from.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL,
                              sourceFile: String = #filePath) throws -> URL {
        let fm = FileManager.default
        func valid(_ u: URL) -> Bool { fm.fileExists(atPath: u.appendingPathComponent("generator/settings.json").path) }
        if let e = environment["CASEBOARD_DEMO_DIR"], !e.isEmpty {
            let u = URL(fileURLWithPath: e)
            guard valid(u) else { throw DemoError.missingSource(u.appendingPathComponent("generator/settings.json").path) }
            return u
        }
        if let exe = executable?.resolvingSymlinksInPath() {
            var dir = exe.deletingLastPathComponent()
            while dir.path != "/" && !dir.path.isEmpty {
                let c = dir.appendingPathComponent("demo-db")
                if valid(c) { return c }
                dir = dir.deletingLastPathComponent()
            }
        }
        // Sources/CaseStore/DemoDatabase.swift → ../../demo-db
        let checkout = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("demo-db")
        if valid(checkout) { return checkout }
        throw DemoError.notFound
    }

    /// Every regular file under the demo directory, as sorted relative paths.
    static func sourceFiles(_ dir: URL) -> [String] {
        let fm = FileManager.default
        guard let e = fm.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var out: [String] = []
        let base = dir.standardizedFileURL.path
        for case let u as URL in e {
            guard (try? u.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let p = u.standardizedFileURL.path
            guard p.hasPrefix(base) else { continue }
            let rel = String(p.dropFirst(base.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if rel.hasPrefix(".") || rel.hasSuffix(".sqlite") || rel.contains("/.") { continue }
            out.append(rel)
        }
        return out.sorted()
    }

    /// Hash of every file under `dir` (paths and contents) plus the generator version.
    public static func sourceHash(_ dir: URL) -> String {
        var bytes: [UInt8] = Array("caseboard-demo generator v\(DemoGenerator.version)\n".utf8)
        for rel in sourceFiles(dir) {
            bytes += Array(rel.utf8) + [0]
            let content = FileManager.default.contents(atPath: dir.appendingPathComponent(rel).path) ?? Data()
            bytes += Array(SHA256.hex(Array(content)).utf8) + [10]
        }
        return String(SHA256.hex(bytes).prefix(16))
    }

    /// The user's data directory for Caseboard ($XDG_DATA_HOME or ~/.local/share)/caseboard.
    public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let x = environment["XDG_DATA_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("caseboard") }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/caseboard")
    }

    /// The trial files under `demo-db/trials/` (YAML), for the trialFile table.
    public static func trialFiles(_ demoDir: URL) -> [StoredTrialFile] {
        let dir = demoDir.appendingPathComponent("trials")
        return sourceFiles(dir).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.compactMap { rel in
            guard let d = FileManager.default.contents(atPath: dir.appendingPathComponent(rel).path) else { return nil }
            return StoredTrialFile(path: rel, yaml: String(decoding: d, as: UTF8.self))
        }
    }

    /// Path of the demo database, building it first when missing: to a temporary file, then an
    /// atomic rename, so concurrent starts never see a half-built file.
    public static func ensure(demoDir: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let dataDir = dataDirectory(environment: environment)
        let target = dataDir.appendingPathComponent("demo-\(sourceHash(demoDir)).sqlite")
        if FileManager.default.fileExists(atPath: target.path) { return target.path }
        try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
        let sources = try DemoSources.load(demoDirectory: demoDir)
        let tmp = dataDir.appendingPathComponent(".demo-build-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).sqlite")
        defer { try? FileManager.default.removeItem(at: tmp) }
        _ = try build(path: tmp.path, sources: sources, seed: nil, count: nil, trialFiles: trialFiles(demoDir))
        if rename(tmp.path, target.path) != 0 {
            throw StoreError.unusable(path: target.path, reason: "cannot move the built demo database into place (errno \(errno)).")
        }
        return target.path
    }

    /// What `build` did, with its timings.
    public struct BuildReport: Sendable {
        public var patients: Int
        public var generateSeconds: Double
        public var writeSeconds: Double
    }

    /// Generates patients and writes a new database at `path` (which must not exist) in one
    /// transaction with cached prepared statements.
    @discardableResult
    public static func build(path: String, sources: DemoSources, seed: UInt64?, count: Int?,
                             trialFiles: [StoredTrialFile]) throws -> BuildReport {
        let t0 = Date()
        var generator = DemoGenerator(sources: sources, seed: seed)
        let patients = try generator.generate(count: count)
        let t1 = Date()
        var config = AppDatabase.makeConfiguration(readOnly: false)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        let queue = try DatabaseQueue(path: path, configuration: config)
        let app = try AppDatabase(queue, path: path)
        try app.write("build the demo database") { db in
            try AppDatabase.importPatients(patients, db: db, who: nil, source: "demo generator")
            try AppDatabase.replaceTrialFiles(trialFiles, db: db)
            try AppDatabase.setMetadata("demo", "true", db: db)
            try AppDatabase.setMetadata("demoSeed", String(generator.seed), db: db)
            try AppDatabase.setMetadata("demoGeneratorVersion", String(DemoGenerator.version), db: db)
            try AppDatabase.setMetadata("referenceDate", sources.settings.referenceDate, db: db)
        }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try queue.close()
        FilePermissions.applyCreationMode(path)
        return BuildReport(patients: patients.count, generateSeconds: t1.timeIntervalSince(t0), writeSeconds: Date().timeIntervalSince(t1))
    }
}
