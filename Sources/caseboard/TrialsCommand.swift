import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard trials [--json]`, `caseboard trials check DIR`, `caseboard trials import-ctml FILE… --out DIR`.
struct TrialsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trials", abstract: "List trials, check trial files, import MatchMiner CTML.",
        subcommands: [TrialsList.self, TrialsCheck.self, TrialsImportCTML.self, TrialsImportCTGov.self], defaultSubcommand: TrialsList.self)
}

struct TrialsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the trials of the catalogue.")
    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Print one JSON array on stdout.") var json = false

    func run() throws { try TrialRuns.list(try options.workspace(), json: json, console: .standard) }
}

struct TrialsCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate trial files: syntax, unknown fields and genes, criteria that can never be met, duplicate ids.")
    @Argument(help: "Directory of trial YAML files.") var dir: String
    @Flag(name: .long, help: "Print diagnostics as a JSON array on stdout.") var json = false

    func run() throws { if try !TrialRuns.check(dir: dir, json: json, console: .standard) { throw ExitCode(1) } }
}

struct TrialsImportCTML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-ctml", abstract: "Convert MatchMiner CTML trial documents (JSON or YAML) into trial files.")
    @Argument(help: "CTML files (one trial, an array, or several documents each).") var files: [String]
    @Option(name: .long, help: "Directory to write the trial files into.") var out: String

    func run() throws { try TrialRuns.importCTML(files: files, out: out, console: .standard) }
}
