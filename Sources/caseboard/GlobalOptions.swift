import ArgumentParser
import CaseModel
import CaseStore
import Foundation

/// Options every command takes (formats.md §4).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Case database (default: the synthetic demo database, built on first use).")
    var db: String?

    @Option(name: .long, help: "Trial catalogue directory for this run (default: the catalogue the database holds).")
    var trials: String?

    @Option(name: .long, help: "Today's date, YYYY-MM-DD (default: CASEBOARD_TODAY or the system date).")
    var today: String?

    @Option(name: .long, help: "Who is acting, for the audit log (default: $USER).")
    var user: String?

    @Flag(name: .customLong("read-only"), help: "Open the database read-only: no command may write.")
    var readOnly = false

    func resolvedToday() throws -> LocalDate {
        if let t = today {
            guard let d = LocalDate(t) else { throw ValidationError("--today: expected YYYY-MM-DD, found \"\(t)\"") }
            return d
        }
        return LocalDate.today()
    }

    var resolvedUser: String { user ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown" }
}

/// What a command works on: the opened database, the trial catalogue, today.
/// The database opens lazily on first use (a command that never reads cases never builds the demo).
struct CommandContext {
    let options: GlobalOptions
    let today: LocalDate
    private let box = DatabaseBox()

    /// True when the database is the synthetic demo database ("SYNTHETIC DEMO DATA" is printed):
    /// the default database, or a `--db` file written by `caseboard demo-db` (known once opened).
    var isDemo: Bool { options.db == nil || box.isDemo }

    init(_ options: GlobalOptions) throws {
        self.options = options
        self.today = try options.resolvedToday()
    }

    /// The opened database (read-only with `--read-only`). `forWriting` creates a missing `--db` file.
    /// Prints "SYNTHETIC DEMO DATA" on stderr when the demo database is opened.
    func database(forWriting: Bool = false) throws -> AppDatabase {
        if let db = box.database { return db }
        let db: AppDatabase
        if let path = options.db {
            db = try AppDatabase.open(path: path, readOnly: options.readOnly, create: forWriting)
            if let n = db.notice { FileHandle.standardError.write(Data("caseboard: \(n)\n".utf8)) }
            if (try? db.metadata("demo")) == "true" {
                box.isDemo = true
                CommandContext.printDemoBanner()
            }
        } else {
            let dir = try DemoDatabase.locate()
            box.demoDirectory = dir
            let path = try DemoDatabase.ensure(demoDir: dir)
            db = try AppDatabase.open(path: path, readOnly: options.readOnly)
            CommandContext.printDemoBanner()
        }
        box.database = db
        return db
    }

    /// Commands run on the main thread only; the banner is printed once per process.
    nonisolated(unsafe) private static var bannerPrinted = false

    static func printDemoBanner() {
        guard !bannerPrinted else { return }
        bannerPrinted = true
        FileHandle.standardError.write(Data("SYNTHETIC DEMO DATA — fictitious patients, not for clinical use\n".utf8))
    }

    /// All patients, ordered by id.
    func patients() throws -> [Patient] { try database().patients() }

    /// One patient; throws a user error naming the id when it does not exist.
    func patient(id: String) throws -> Patient { try database().patient(id: id) }

    /// The trial catalogue directory in force for this run: `--trials DIR`; for the demo,
    /// `demo-db/trials/`; otherwise the database's trialFile rows written to a cache directory.
    func trialsDirectory() throws -> URL {
        if let t = options.trials {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: t, isDirectory: &isDir), isDir.boolValue else {
                throw CLIError.user("--trials: no directory at \(t)")
            }
            return URL(fileURLWithPath: t)
        }
        let db = try database()
        if isDemo, let dir = box.demoDirectory {
            let trials = dir.appendingPathComponent("trials")
            if FileManager.default.fileExists(atPath: trials.path) { return trials }
        }
        let files = try db.trialFiles()
        let digest = SHA256.hex(Array(files.map { $0.path + ":" + $0.sha }.joined(separator: "\n").utf8)).prefix(16)
        let cache = DemoDatabase.dataDirectory().appendingPathComponent("trials-\(digest)")
        if !FileManager.default.fileExists(atPath: cache.path) {
            let tmp = cache.deletingLastPathComponent().appendingPathComponent(".trials-\(digest)-\(ProcessInfo.processInfo.processIdentifier)")
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
            for f in files {
                let url = tmp.appendingPathComponent(f.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(f.yaml.utf8).write(to: url)
            }
            if rename(tmp.path, cache.path) != 0 { try? FileManager.default.removeItem(at: tmp) }
        }
        return cache
    }

    /// The YAML trial files in force (from `--trials DIR`, or held by the database).
    func trialFiles() throws -> [StoredTrialFile] {
        if options.trials != nil {
            return try CommandContext.yamlFiles(in: try trialsDirectory())
        }
        return try database().trialFiles()
    }

    static func yamlFiles(in dir: URL) throws -> [StoredTrialFile] {
        let names = (try FileManager.default.contentsOfDirectory(atPath: dir.path)).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        return names.compactMap { n in
            FileManager.default.contents(atPath: dir.appendingPathComponent(n).path).map { StoredTrialFile(path: n, yaml: String(decoding: $0, as: UTF8.self)) }
        }
    }
}

/// Holds the lazily opened database of a `CommandContext` (a struct, so the cache lives here).
final class DatabaseBox: @unchecked Sendable {
    var database: AppDatabase?
    var demoDirectory: URL?
    var isDemo = false
}
