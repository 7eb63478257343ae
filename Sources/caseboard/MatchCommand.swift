import ArgumentParser
import CaseModel
import ClinicalRules
import CaseboardCore
import Foundation
import TrialEngine

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
        guard (patient == nil) != (trial == nil) else { throw CLIError.user("match: give exactly one of --patient ID or --trial ID") }
        let ctx = try options.workspace()
        let matcher = try CLI.matcher(ctx)
        var out: [ArmVerdict] = []
        let thePatient = try patient.map { try ctx.patient(id: $0) }
        if let tid = trial, !matcher.trials.contains(where: { $0.trial.id == tid }) { throw CLIError.user("unknown trial id \(tid)") }
        // A writable database serves the stored results, brought up to date first; read-only: on the fly.
        var stored: [ArmVerdict]?
        let db = try ctx.database()
        if StoredMatching.bringUpToDate(db, matcher: matcher, today: ctx.today, report: CLI.matchReport("match"), warn: { CLI.warn("match", $0) }) {
            do {
                if let p = thePatient {
                    stored = try StoredMatching.patientVerdicts(db, matcher: matcher, patient: p, today: ctx.today, candidatesOnly: candidates)
                } else if let tid = trial {
                    stored = try StoredMatching.trialVerdicts(db, matcher: matcher, trialID: tid, today: ctx.today, candidatesOnly: candidates)
                }
                if stored == nil { CLI.warn("match", "the stored trial results do not cover the catalogue in force; computing on the fly.") }
            } catch {
                CLI.warn("match", "could not read the stored trial results (\(CLI.classify(error).message)); computing on the fly.")
            }
        }
        if let stored {
            out = stored
        } else if let p = thePatient {
            out = matcher.verdicts(for: p, interpretation: Interpretation.interpret(p, today: ctx.today), today: ctx.today)
        } else if let tid = trial {
            for p in try ctx.patients() {
                let f = PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: ctx.today), today: ctx.today)
                out += matcher.verdicts(trialID: tid, facts: f)
            }
        }
        if candidates { out = out.filter { $0.verdict != .ineligible && $0.armStatus == .open } }
        if json { try CLI.printJSON(out); return }
        for v in out {
            let status = v.armStatus == .open ? "" : " [arm \(v.armStatus.rawValue): never eligible]"
            print("\(v.patient)  \(v.trial) arm \(v.arm): \(v.verdict.rawValue)\(status)")
            for c in v.criteria {
                let mark: String
                switch c.result { case .met: mark = "✓"; case .notMet: mark = "✗"; case .unknown: mark = "?" }
                print("   \(mark) \(c.kind == .inclusion ? "incl" : "excl") \(c.text) — \(c.result.rawValue): \(c.reason)")
            }
        }
    }
}
