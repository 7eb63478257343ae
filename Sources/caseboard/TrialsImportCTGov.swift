import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard trials import-ctgov FILE… --out DIR`: ClinicalTrials.gov API v2 JSON (a study or a search page) or
/// classic XML → one trial file per study. Every file is read and every converted trial loaded back before
/// anything is written.
struct TrialsImportCTGov: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-ctgov", abstract: "Convert ClinicalTrials.gov records (API v2 JSON or classic XML) into trial files.")
    @Argument(help: "ClinicalTrials.gov files (a study, a search page, or a classic XML record each).") var files: [String]
    @Option(name: .long, help: "Directory to write the trial files into.") var out: String

    func run() throws { try TrialRuns.importCTGov(files: files, out: out, console: .standard) }
}
