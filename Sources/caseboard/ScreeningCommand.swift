import ArgumentParser
import CaseModel
import CaseStore
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
                let context = try options.workspace()
                guard let status = ScreeningStatus(rawValue: status) else {
                    throw CLIError.user("--status: unknown status \"\(self.status)\"; expected one of "
                        + ScreeningStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                }
                let change = ScreeningChange(trial: trial, patient: patient, status: status,
                                             date: try date.map { try CLI.date($0, option: "--date", today: context.today) }, reason: reason,
                                             criterion: criterion, recheck: try recheck.map { try CLI.date($0, option: "--recheck", today: context.today) },
                                             source: source, arm: arm)
                let service = try CLI.service(context)
                let record = try service.setScreeningStatus(change)
                let previous = record.history.dropLast().last?.status.rawValue ?? "(new)"
                print("\(patient) on \(trial): \(previous) → \(status.rawValue) (\(record.history.last?.date.description ?? ""))")
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
            try CLI.run("screening list") {
                let context = try options.workspace()
                let service = try CLI.service(context)
                // An id neither in the catalogue nor in the log is unknown (with no catalogue: not in the log).
                if let t = trial, try service.screeningRecords(trial: t).isEmpty,
                   try context.knownTrialIDs()?.contains(t) != true {
                    throw WorkflowError.unknownTrial(id: t)
                }
                if let p = patient { _ = try context.patient(id: p) }
                let records = try service.screeningRecords(trial: trial, patient: patient)
                if json { try CLI.printJSON(records); return }
                if context.isDemo { print("SYNTHETIC DEMO DATA") }
                if records.isEmpty { print("The pre-screening log is empty."); return }
                print(Reports.screeningTable(records), terminator: "")
            }
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
                let context = try options.workspace()
                let records = try context.database().screeningRecords(trial: trial)
                if records.isEmpty {
                    let known = try context.knownTrialIDs()
                    if known == nil || known?.contains(trial) == false { throw WorkflowError.unknownTrial(id: trial) }
                }
                try CLI.emit(ScreeningExport.csv(records), out: out)
            }
        }
    }
}
