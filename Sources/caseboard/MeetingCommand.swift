import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard meeting`: board meetings (RCP) and their records.
///
///     caseboard meeting list [--json]
///     caseboard meeting show ID [--json]
///     caseboard meeting export ID --format md|html [--out FILE]
///     caseboard meeting create --name NAME [--date D] [--site S]          (prints the new meeting id)
///     caseboard meeting add ID --case C --question Q
///     caseboard meeting record ID --case C --participant "Name:specialty[:non-physician]"… --proposal P
///         [--disease-status S] [--off-guideline --justification J] [--trial T] [--next-review D]
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Board meetings (RCP): agenda, recorded decisions, the board record (fiche RCP).",
        subcommands: [List.self, Show.self, Export.self, Create.self, Add.self, Record.self])
}

extension MeetingCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List meetings, newest first.")
        @OptionGroup var options: GlobalOptions
        @Flag(name: .long, help: "Print a JSON array of {id, date, name, site, cases, decided}.") var json = false

        func run() throws { try CLI.run("meeting list") { try MeetingRuns.list(try options.workspace(), json: json, console: .standard) } }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a meeting's agenda and decisions.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Meeting id (see `caseboard meeting list`).") var id: String
        @Flag(name: .long, help: "Print the meeting as JSON (agenda with decisions).") var json = false

        func run() throws { try CLI.run("meeting show") { try MeetingRuns.show(try options.workspace(), id: id, json: json, console: .standard) } }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write the board record (fiche RCP) of a meeting as Markdown or HTML.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Meeting id.") var id: String
        @Option(name: .long, help: ArgumentHelp("md or html.", valueName: "md|html")) var format: Format
        @Option(name: .long, help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE")) var out: String?
        @Flag(name: .long, help: "Without MRN, names or birth date: a stable pseudonym per case and the age at diagnosis.")
        var pseudonymised = false

        func run() throws {
            try CLI.run("meeting export") {
                try Console.standard.emit(try Reports.boardRecord(try options.workspace(), meetingID: id, format: format == .md ? .md : .html,
                                                                  pseudonymised: pseudonymised), out: out)
            }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a meeting; prints its id.")
        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: ArgumentHelp("Meeting date (default: today).", valueName: "YYYY-MM-DD")) var date: String?
        @Option(name: .long, help: ArgumentHelp("Meeting name, e.g. \"RCP LAM adultes\".", valueName: "NAME")) var name: String
        @Option(name: .long, help: ArgumentHelp("Site (hospital).", valueName: "S")) var site: String?

        func run() throws { try CLI.run("meeting create") { try MeetingRuns.create(try options.workspace(), date: date, name: name, site: site, console: .standard) } }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Put a case on a meeting's agenda.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Meeting id.") var id: String
        @Option(name: .customLong("case"), help: ArgumentHelp("Case (patient) id.", valueName: "C")) var caseId: String
        @Option(name: .long, help: ArgumentHelp("The question asked of the board.", valueName: "Q")) var question: String

        func run() throws { try CLI.run("meeting add") { try MeetingRuns.add(try options.workspace(), id: id, caseID: caseId, question: question, console: .standard) } }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record", abstract: "Record the board's decision for a case on the agenda (replaces an earlier one).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Meeting id.") var id: String
        @Option(name: .customLong("case"), help: ArgumentHelp("Case (patient) id.", valueName: "C")) var caseId: String
        @Option(name: .long, help: ArgumentHelp("A participant, repeatable: \"Name:specialty\" (a physician) or \"Name:role:non-physician\".",
                                               valueName: "NAME:SPECIALTY")) var participant: [String] = []
        @Option(name: .customLong("disease-status"), help: ArgumentHelp("Disease status at the meeting.", valueName: "S")) var diseaseStatus: String?
        @Option(name: .long, help: ArgumentHelp("The board's proposal.", valueName: "P")) var proposal: String
        @Flag(name: .customLong("off-guideline"), help: "The proposal is outside the guideline (hors référentiel); needs --justification.")
        var offGuideline = false
        @Option(name: .long, help: ArgumentHelp("Why the proposal departs from the guideline.", valueName: "J")) var justification: String?
        @Option(name: .long, help: ArgumentHelp("Trial proposed (enters the pre-screening log as identified).", valueName: "T")) var trial: String?
        @Option(name: .customLong("next-review"), help: ArgumentHelp("Next review date (becomes an RCP review task).", valueName: "YYYY-MM-DD"))
        var nextReview: String?

        func run() throws {
            try CLI.run("meeting record") {
                try MeetingRuns.record(try options.workspace(), .init(meetingID: id, caseID: caseId, participants: participant, diseaseStatus: diseaseStatus,
                                       proposal: proposal, offGuideline: offGuideline, justification: justification, trial: trial,
                                       nextReview: nextReview), console: .standard)
            }
        }
    }

}
