import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard match --patient ID | --trial ID [--json]`: verdicts with per-criterion reasons.
/// On a writable database the verdicts come from the stored results (`matchResult`), brought up to date
/// incrementally first (`StoredMatching`); with `--read-only` (or a read-only file) they are computed on the fly.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "match", abstract: "Trial verdicts with per-criterion reasons.")
    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "One patient against every trial arm.") var patient: String?
    @Option(name: .long, help: "Every patient against one trial's arms.") var trial: String?
    @Flag(name: .long, help: "Print one JSON array on stdout.") var json = false
    @Flag(name: .long, help: "Only arms that are eligible or possibly eligible.") var candidates = false

    func run() throws {
        try TrialRuns.match(try options.workspace(), patient: patient, trial: trial, candidates: candidates, json: json, console: .standard)
    }
}
