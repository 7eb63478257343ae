import ArgumentParser
import CaseModel
import CaseboardCore
import Foundation

/// `caseboard screening`: the trial pre-screening log.
///
///     caseboard screening set --trial T --patient P --status S [--reason R] [--criterion C] [--recheck D]
///                             [--date D] [--source engine|RCP|referral] [--arm A]
///     caseboard screening list [--trial T] [--patient P] [--json]
///     caseboard screening export --trial T --format csv [--out FILE]
struct ScreeningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screening",
        abstract: "Trial pre-screening log: identified → pre-screened → approached → consented → enrolled, and failures.",
        subcommands: [SetStatus.self, List.self, Export.self])
}

extension ScreeningCommand {
    struct SetStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Move a patient's status on a trial (validated; audited; history kept).")
        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: ArgumentHelp("Trial id.", valueName: "T")) var trial: String
        @Option(name: .long, help: ArgumentHelp("Patient (case) id.", valueName: "P")) var patient: String
        @Option(name: .long, help: ArgumentHelp("New status: " + ScreeningStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                                               valueName: "S")) var status: String
        @Option(name: .long, help: ArgumentHelp("Reason (required for declined).", valueName: "R")) var reason: String?
        @Option(name: .long, help: ArgumentHelp("Failed criterion (required for pre-screen-failed and screen-failed).", valueName: "C"))
        var criterion: String?
        @Option(name: .long, help: ArgumentHelp("Recheck date (required for deferred; becomes a follow-up task).", valueName: "YYYY-MM-DD"))
        var recheck: String?
        @Option(name: .long, help: ArgumentHelp("Date of the change (default: today).", valueName: "YYYY-MM-DD")) var date: String?
        @Option(name: .long, help: ArgumentHelp("How the patient entered the log: engine, RCP or referral (default referral).", valueName: "SRC"))
        var source: String?
        @Option(name: .long, help: ArgumentHelp("Trial arm or cohort.", valueName: "A")) var arm: String?

        func run() throws {
            try CLI.run("screening set") {
                try ScreeningRuns.set(try options.workspace(), .init(trial: trial, patient: patient, status: status, reason: reason,
                                      criterion: criterion, recheck: recheck, date: date, source: source, arm: arm), console: .standard)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the pre-screening log.")
        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: ArgumentHelp("Only this trial.", valueName: "T")) var trial: String?
        @Option(name: .long, help: ArgumentHelp("Only this patient.", valueName: "P")) var patient: String?
        @Flag(name: .long, help: "Print a JSON array of records {patient, trial, arm, source, history: [{date, status, who, reason, criterion, recheck}]}.")
        var json = false

        func run() throws {
            try CLI.run("screening list") { try ScreeningRuns.list(try options.workspace(), trial: trial, patient: patient, json: json, console: .standard) }
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write a trial's pre-screening log as pseudonymised CSV with summary counts.")
        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: ArgumentHelp("Trial id.", valueName: "T")) var trial: String
        @Option(name: .long, help: ArgumentHelp("csv.", valueName: "csv")) var format: Format
        @Option(name: .long, help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE")) var out: String?

        func run() throws {
            try CLI.run("screening export") {
                try Console.standard.emit(try ScreeningRuns.exportCSV(try options.workspace(), trial: trial), out: out)
            }
        }
    }
}
