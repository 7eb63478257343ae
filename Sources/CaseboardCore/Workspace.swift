import CaseModel
import CaseStore
import Foundation
import TrialEngine

/// What a front end was asked to open: the options every command takes (formats.md §4).
public struct WorkspaceOptions: Sendable {
    /// Case database; nil = the synthetic demo database (built on first use).
    public var db: String?
    /// Trial catalogue directory for this run; nil = the catalogue the database holds.
    public var trials: String?
    public var today: LocalDate
    /// Who is acting, for the audit log.
    public var user: String
    public var readOnly: Bool
    public init(db: String? = nil, trials: String? = nil, today: LocalDate, user: String, readOnly: Bool = false) {
        self.db = db; self.trials = trials; self.today = today; self.user = user; self.readOnly = readOnly
    }
}

/// One opened case base: the database (opened lazily), the trial catalogue in force, today.
/// Shared by every command and the terminal UI; the catalogue is read from the database's rows (or the
/// `--trials` directory) once, never written to disk and parsed back.
public final class Workspace: @unchecked Sendable {
    public let options: WorkspaceOptions
    public var today: LocalDate { options.today }
    private let lock = NSLock()
    private var openedDatabase: AppDatabase?
    private var demoDirectory: URL?
    private var openedIsDemo = false
    private var loadedCatalogue: TrialCatalogue??
    private var compiled: Matcher??

    /// Called once when the synthetic demo database is opened (front ends print "SYNTHETIC DEMO DATA").
    public var onDemoOpened: (@Sendable () -> Void)?
    /// Called with what the store had to say on opening (e.g. a schema newer than this build: opened read-only).
    public var onNotice: (@Sendable (String) -> Void)?

    public init(_ options: WorkspaceOptions) { self.options = options }

    /// True when the database is the synthetic demo database: the default one, or a file written by `demo-db`.
    public var isDemo: Bool { lock.lock(); defer { lock.unlock() }; return options.db == nil || openedIsDemo }

    /// The opened database (read-only with `readOnly`). `forWriting` creates a missing `--db` file.
    public func database(forWriting: Bool = false) throws -> AppDatabase {
        lock.lock()
        if let db = openedDatabase { lock.unlock(); return db }
        lock.unlock()
        let db: AppDatabase
        var demo = false
        var dir: URL?
        if let path = options.db {
            db = try AppDatabase.open(path: path, readOnly: options.readOnly, create: forWriting)
            demo = try db.metadata("demo") == "true"
        } else {
            let d = try DemoDatabase.locate()
            dir = d
            let path = try DemoDatabase.ensure(demoDir: d)
            db = try AppDatabase.open(path: path, readOnly: options.readOnly)
            demo = true
        }
        lock.lock()
        if let existing = openedDatabase { lock.unlock(); return existing }
        openedDatabase = db; openedIsDemo = demo; demoDirectory = dir
        lock.unlock()
        if let n = db.notice { onNotice?(n) }
        if demo { onDemoOpened?() }
        return db
    }

    /// All patients, ordered by id.
    public func patients() throws -> [Patient] { try database().patients() }

    /// One patient; a user error naming the id when it does not exist.
    public func patient(id: String) throws -> Patient { try database().patient(id: id) }

    /// The YAML trial files in force: `--trials DIR`, the demo's `demo-db/trials/`, or the database's rows.
    public func trialFiles() throws -> [StoredTrialFile] {
        if let t = options.trials { return try Workspace.yamlFiles(in: try Workspace.directory(t)) }
        let db = try database()
        if options.db == nil, let dir = demoDirectoryLocked() {
            let trials = dir.appendingPathComponent("trials")
            if FileManager.default.fileExists(atPath: trials.path) { return try Workspace.yamlFiles(in: trials) }
        }
        return try db.trialFiles()
    }

    private func demoDirectoryLocked() -> URL? { lock.lock(); defer { lock.unlock() }; return demoDirectory }

    /// The trial catalogue in force, parsed once; nil when there is none (a database without trial files).
    /// Parse errors of single files are in its diagnostics (those files are not loaded).
    public func catalogue() throws -> TrialCatalogue? {
        lock.lock()
        if let c = loadedCatalogue { lock.unlock(); return c }
        lock.unlock()
        let files = try trialFiles()
        let c: TrialCatalogue? = files.isEmpty && options.trials == nil ? nil
            : TrialLoader.loadFiles(files.map { ($0.path, $0.yaml) })
        lock.lock(); loadedCatalogue = .some(c); lock.unlock()
        return c
    }

    /// The compiled catalogue (rules parsed and lowered once per run); nil without a catalogue.
    public func matcher() throws -> Matcher? {
        lock.lock()
        if let m = compiled { lock.unlock(); return m }
        lock.unlock()
        let m = try catalogue().map { Matcher.compile($0) }
        lock.lock(); compiled = .some(m); lock.unlock()
        return m
    }

    /// Trial ids of the catalogue in force, nil when there is none (ids are then not checked).
    public func knownTrialIDs() throws -> Set<String>? {
        guard let c = try catalogue() else { return nil }
        let ids = Set(c.trials.map(\.trial.id))
        return ids.isEmpty ? nil : ids
    }

    static func directory(_ path: String) throws -> URL {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw CoreError.user("--trials: no directory at \(path)")
        }
        return URL(fileURLWithPath: path)
    }

    /// The `*.yaml` / `*.yml` files of a directory, sorted by name; an unreadable file is an error naming it.
    public static func yamlFiles(in dir: URL) throws -> [StoredTrialFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw CoreError.user("cannot read the trial directory \(dir.path): \(error.localizedDescription)")
        }
        return try names.map { n in
            let path = dir.appendingPathComponent(n).path
            guard let data = FileManager.default.contents(atPath: path) else { throw CoreError.user("cannot read the trial file \(path)") }
            guard let text = String(data: data, encoding: .utf8) else { throw CoreError.user("\(path):1:1: the file is not UTF-8 text") }
            return StoredTrialFile(path: n, yaml: text)
        }
    }
}
