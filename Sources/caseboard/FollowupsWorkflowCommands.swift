import ArgumentParser
import CaseboardCore
import Foundation

/// Worklist writes, each in one transaction with an audit record:
///
///     caseboard followups done TASK [--date D]             (D defaults to --today)
///     caseboard followups reschedule TASK --to D --reason R
///     caseboard followups note TASK --text T
///
/// TASK is an id printed by `caseboard followups` (generated `SL-AML-0042:allo-vacc-pcv-1`, explicit,
/// or created by the workflows: `…:rcp-review-RCP-…`, `…:screening-recheck-…`, next occurrences `ID#2`).
extension FollowupsCommand {
    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done", abstract: "Mark a task done; a repeating schedule gets its next occurrence.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Task id (see `caseboard followups`).") var task: String
        @Option(name: .long, help: ArgumentHelp("Date it was done (default: today).", valueName: "YYYY-MM-DD")) var date: String?

        func run() throws { try CLI.run("followups done") { try FollowupRuns.done(try options.workspace(), task: task, date: date, console: .standard) } }
    }

    struct Reschedule: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reschedule", abstract: "Move a task's due date, with a reason.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Task id.") var task: String
        @Option(name: .long, help: ArgumentHelp("New due date.", valueName: "YYYY-MM-DD")) var to: String
        @Option(name: .long, help: ArgumentHelp("Why it moves (required).", valueName: "R")) var reason: String

        func run() throws {
            try CLI.run("followups reschedule") { try FollowupRuns.reschedule(try options.workspace(), task: task, to: to, reason: reason, console: .standard) }
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a task.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Task id.") var task: String
        @Option(name: .long, help: ArgumentHelp("The note.", valueName: "T")) var text: String

        func run() throws { try CLI.run("followups note") { try FollowupRuns.note(try options.workspace(), task: task, text: text, console: .standard) } }
    }
}
