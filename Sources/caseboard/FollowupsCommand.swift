import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard followups`: the nurse worklist, a command group whose default subcommand is the list.
///
/// `caseboard followups [--due-within DAYS] [--site S] [--json]` prints open tasks (generated from the
/// schedules of ClinicalRules and merged with the explicit tasks of the case data), most urgent first.
struct FollowupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "Nurse follow-up worklist: overdue, due-soon and upcoming tasks, most urgent first.",
        subcommands: [
            // done / reschedule / note (audited): FollowupsWorkflowCommands.swift.
            List.self, Done.self, Reschedule.self, Note.self,
        ],
        defaultSubcommand: List.self
    )
}

extension FollowupsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Print the worklist (the default): id, patient, due date, kind, status.")

        @OptionGroup var options: GlobalOptions
        @Option(name: .customLong("due-within"),
                help: ArgumentHelp("Only tasks overdue or due within DAYS days of today.", valueName: "DAYS"))
        var dueWithin: Int?

        @Option(name: .long, help: ArgumentHelp("Only patients of this site (treating hospital), case-insensitive.", valueName: "S"))
        var site: String?

        @Flag(name: .long, help: "Print a JSON array of tasks on stdout.") var json = false

        func run() throws {
            try CLI.run("followups") { try FollowupRuns.list(try options.workspace(), dueWithin: dueWithin, site: site, json: json, console: .standard) }
        }
    }
}
