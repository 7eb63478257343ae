import ArgumentParser
import CaseModel
import Foundation
import TrialEngine

/// `caseboard trials [--json]`, `caseboard trials check DIR`, `caseboard trials import-ctml FILE… --out DIR`.
struct TrialsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trials", abstract: "List trials, check trial files, import MatchMiner CTML.",
        subcommands: [TrialsList.self, TrialsCheck.self, TrialsImportCTML.self, TrialsImportCTGov.self], defaultSubcommand: TrialsList.self)
}

enum TrialsIO {
    static func fail(_ message: String, code: Int32 = 1) -> ExitCode {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
        return ExitCode(code)
    }

    static func stderr(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

    /// The catalogue of this run: `--trials DIR` if given, else the database's catalogue.
    static func catalogue(_ options: GlobalOptions) throws -> TrialCatalogue {
        if let t = options.trials { return try catalogue(directory: URL(fileURLWithPath: t)) }
        do { return try catalogue(context: try CommandContext(options)) } catch let e as ExitCode { throw e } catch { throw fail("caseboard: \(error)") }
    }

    /// The catalogue of a command that already holds its context (the database is opened once).
    static func catalogue(context: CommandContext) throws -> TrialCatalogue {
        let dir: URL
        do { dir = try context.trialsDirectory() } catch { throw fail("caseboard: \(error)") }
        return try catalogue(directory: dir)
    }

    static func catalogue(directory dir: URL) throws -> TrialCatalogue {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw fail("caseboard: trial directory \(dir.path) does not exist")
        }
        let cat: TrialCatalogue
        do { cat = try TrialLoader.loadDirectory(dir) } catch { throw fail("caseboard: cannot read \(dir.path): \(error)") }
        for d in cat.diagnostics where d.severity == .error { stderr(d.description) }
        return cat
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        let data = try enc.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

struct TrialsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the trials of the catalogue.")
    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Print one JSON array on stdout.") var json = false

    struct ArmRow: Encodable { var id: String; var name: String; var status: String }
    struct Row: Encodable {
        var id: String; var nct: String?; var euct: String?; var title: String; var phase: String; var sponsor: String?
        var status: String; var sites: [String]; var groups: [String]; var arms: [ArmRow]; var file: String; var fingerprint: String
    }

    func run() throws {
        let cat = try TrialsIO.catalogue(options)
        let rows = cat.trials.map { t in
            Row(id: t.trial.id, nct: t.trial.nct, euct: t.trial.euct, title: t.trial.title, phase: t.trial.phase, sponsor: t.trial.sponsor,
                status: t.trial.status.rawValue, sites: t.trial.sites, groups: t.trial.groups.map(\.rawValue),
                arms: t.trial.arms.map { ArmRow(id: $0.id, name: $0.name, status: $0.status.rawValue) },
                file: t.file, fingerprint: String(t.fingerprint, radix: 16))
        }
        if json { try TrialsIO.printJSON(rows); return }
        for r in rows {
            let arms = r.arms.map { $0.status == "open" ? $0.id : "\($0.id) (\($0.status))" }.joined(separator: ", ")
            print("\(r.id.padding(toLength: 14, withPad: " ", startingAt: 0)) \(r.status.padding(toLength: 12, withPad: " ", startingAt: 0)) ph \(r.phase.padding(toLength: 13, withPad: " ", startingAt: 0)) [\(r.groups.joined(separator: ","))] \(r.title)  arms: \(arms)")
        }
        print("\(rows.count) trials, \(rows.filter { $0.status == "open" }.count) open")
    }
}

struct TrialsCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate trial files: syntax, unknown fields and genes, criteria that can never be met, duplicate ids.")
    @Argument(help: "Directory of trial YAML files.") var dir: String
    @Flag(name: .long, help: "Print diagnostics as a JSON array on stdout.") var json = false

    func run() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw TrialsIO.fail("caseboard: trial directory \(dir) does not exist")
        }
        let cat: TrialCatalogue
        do { cat = try TrialLoader.loadDirectory(URL(fileURLWithPath: dir)) } catch { throw TrialsIO.fail("caseboard: cannot read \(dir): \(error)") }
        let diags = TrialLinter.lint(cat)
        let errors = diags.filter { $0.severity == .error }.count
        if json {
            struct D: Encodable { var file: String; var line: Int; var column: Int; var severity: String; var message: String }
            try TrialsIO.printJSON(diags.map { D(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue, message: $0.message) })
        } else {
            for d in diags { TrialsIO.stderr(d.description) }
            for t in cat.trials { print("\(t.trial.id): \(RuleCoverage(t))") }
            print("\(cat.trials.count) trials loaded (\(cat.openTrials.count) open), \(errors) error\(errors == 1 ? "" : "s"), \(diags.count - errors) warning\(diags.count - errors == 1 ? "" : "s")")
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

struct TrialsImportCTML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-ctml", abstract: "Convert MatchMiner CTML trial documents (JSON or YAML) into trial files.")
    @Argument(help: "CTML files (one trial, an array, or several documents each).") var files: [String]
    @Option(name: .long, help: "Directory to write the trial files into.") var out: String

    func run() throws {
        guard !files.isEmpty else { throw TrialsIO.fail("caseboard: no CTML file given") }
        var results: [CTMLImporter.Result] = []
        var failed = false
        for f in files {
            guard let data = FileManager.default.contents(atPath: f), let text = String(data: data, encoding: .utf8) else {
                TrialsIO.stderr("caseboard: cannot read \(f)"); failed = true; continue
            }
            do { results += try CTMLImporter.importText(text, file: f) } catch { TrialsIO.stderr("\(error)"); failed = true }
        }
        if failed { throw ExitCode(1) }
        // Check every converted trial loads before writing anything.
        for r in results {
            let (t, d) = TrialLoader.load(text: r.yaml, file: r.fileName)
            if t == nil {
                for x in d { TrialsIO.stderr(x.description) }
                throw TrialsIO.fail("caseboard: internal error: converted trial \(r.id) does not load", code: 2)
            }
        }
        do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
            throw TrialsIO.fail("caseboard: cannot create \(out): \(error)")
        }
        var names = Set<String>()
        for r in results {
            var name = r.fileName
            var k = 2
            while names.contains(name) { name = r.fileName.replacingOccurrences(of: ".yaml", with: "-\(k).yaml"); k += 1 }
            names.insert(name)
            let path = URL(fileURLWithPath: out).appendingPathComponent(name).path
            do { try r.yaml.write(toFile: path, atomically: true, encoding: .utf8) } catch { throw TrialsIO.fail("caseboard: cannot write \(path): \(error)") }
            for w in r.warnings { TrialsIO.stderr("warning: \(w)") }
            print("\(r.id) → \(path)")
        }
    }
}
