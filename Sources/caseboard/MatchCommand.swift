import ArgumentParser
import CaseModel
import ClinicalRules
import Foundation
import TrialEngine

/// `caseboard match --patient ID | --trial ID [--json]`: verdicts with per-criterion reasons.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "match", abstract: "Trial verdicts with per-criterion reasons.")
    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "One patient against every trial arm.") var patient: String?
    @Option(name: .long, help: "Every patient against one trial's arms.") var trial: String?
    @Flag(name: .long, help: "Print one JSON array on stdout.") var json = false
    @Flag(name: .long, help: "Only arms that are eligible or possibly eligible.") var candidates = false

    func run() throws {
        guard (patient == nil) != (trial == nil) else { throw TrialsIO.fail("caseboard match: give exactly one of --patient ID or --trial ID") }
        let ctx: CommandContext
        do { ctx = try CommandContext(options) } catch { throw TrialsIO.fail("caseboard: \(error)") }
        let cat = try TrialsIO.catalogue(options)
        let matcher = Matcher.compile(cat)
        var out: [ArmVerdict] = []
        if let pid = patient {
            let p: Patient
            do { p = try ctx.patient(id: pid) } catch { throw TrialsIO.fail("caseboard: \(error)") }
            out = matcher.verdicts(for: p, interpretation: Interpretation.interpret(p, today: ctx.today), today: ctx.today)
        } else if let tid = trial {
            guard matcher.trials.contains(where: { $0.trial.id == tid }) else { throw TrialsIO.fail("caseboard: unknown trial id \(tid)") }
            let ps: [Patient]
            do { ps = try ctx.patients() } catch { throw TrialsIO.fail("caseboard: \(error)") }
            for p in ps {
                let f = PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: ctx.today), today: ctx.today)
                out += matcher.verdicts(trialID: tid, facts: f)
            }
        }
        if candidates { out = out.filter { $0.verdict != .ineligible && $0.armStatus == .open } }
        if json { try TrialsIO.printJSON(out); return }
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
