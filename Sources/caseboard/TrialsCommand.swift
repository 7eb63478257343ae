import ArgumentParser
import CaseModel
import CaseboardCore
import Foundation
import TrialEngine

/// `caseboard trials [--json]`, `caseboard trials check DIR`, `caseboard trials import-ctml FILE… --out DIR`.
struct TrialsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trials", abstract: "List trials, check trial files, import MatchMiner CTML.",
        subcommands: [TrialsList.self, TrialsCheck.self, TrialsImportCTML.self, TrialsImportCTGov.self], defaultSubcommand: TrialsList.self)
}

extension CLI {
    /// The catalogue of this run (`--trials DIR`, the demo's, or the database's rows; empty when the database holds
    /// none). Files that do not load are reported on stderr as `file:line:column: message`; the rest load.
    static func catalogue(_ workspace: Workspace) throws -> TrialCatalogue {
        let cat = try workspace.catalogue() ?? TrialCatalogue(trials: [], diagnostics: [])
        for d in cat.diagnostics where d.severity == .error { stderr(d.description) }
        return cat
    }

    /// The compiled catalogue of this run (errors reported as by `catalogue`).
    static func matcher(_ workspace: Workspace) throws -> Matcher {
        _ = try catalogue(workspace)
        return try workspace.matcher() ?? Matcher.compile(TrialCatalogue(trials: [], diagnostics: []))
    }
}

struct TrialsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the trials of the catalogue.")
    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Print one JSON array on stdout.") var json = false

    func run() throws {
        let cat = try CLI.catalogue(try options.workspace())
        let rows = cat.trials.map(TrialRow.init)
        if json { try CLI.printJSON(rows); return }
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
            throw CLIError.user("trial directory \(dir) does not exist")
        }
        let cat: TrialCatalogue
        do { cat = try TrialLoader.loadDirectory(URL(fileURLWithPath: dir)) } catch { throw CLIError.user("cannot read \(dir): \(error)") }
        let diags = TrialLinter.lint(cat)
        let errors = diags.filter { $0.severity == .error }.count
        if json {
            struct D: Encodable { var file: String; var line: Int; var column: Int; var severity: String; var message: String }
            try CLI.printJSON(diags.map { D(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue, message: $0.message) })
        } else {
            for d in diags { CLI.stderr(d.description) }
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
        let converted = try CTMLConversion.convert(files: files, warn: { CLI.stderr($0) })
        for (id, path) in try CTMLConversion.write(converted, to: out) { print("\(id) → \(path)") }
    }
}
