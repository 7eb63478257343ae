import ArgumentParser
import CaseModel
import CaseStore
import ClinicalRules
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

        struct Row: Encodable { let id: String, date: String, name: String, site: String?, cases: Int, decided: Int }

        func run() throws {
            try CLI.run("meeting list") {
                let context = try options.workspace()
                let meetings = try context.database().meetings()
                let rows = meetings.map { Row(id: $0.id, date: $0.date.description, name: $0.name, site: $0.site,
                                              cases: $0.agenda.count, decided: $0.agenda.filter { $0.decision != nil }.count) }
                if json { try CLI.printJSON(rows); return }
                if context.isDemo { print("SYNTHETIC DEMO DATA") }
                if rows.isEmpty { print("No board meetings."); return }
                print(Reports.textTable(["ID", "DATE", "NAME", "SITE", "CASES", "DECIDED"],
                                        rows.map { [$0.id, $0.date, $0.name, $0.site ?? "-", "\($0.cases)", "\($0.decided)"] }),
                      terminator: "")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a meeting's agenda and decisions.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Meeting id (see `caseboard meeting list`).") var id: String
        @Flag(name: .long, help: "Print the meeting as JSON (agenda with decisions).") var json = false

        func run() throws {
            try CLI.run("meeting show") {
                let context = try options.workspace()
                let m = try context.database().meeting(id: id)
                if json { try CLI.printJSON(m); return }
                if context.isDemo { print("SYNTHETIC DEMO DATA") }
                print(Reports.meetingText(m), terminator: "")
            }
        }
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
                let context = try options.workspace()
                let text = try Reports.boardRecord(context, meetingID: id, format: format == .md ? .md : .html,
                                                   pseudonymised: pseudonymised)
                try CLI.emit(text, out: out)
            }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a meeting; prints its id.")
        @OptionGroup var options: GlobalOptions
        @Option(name: .long, help: ArgumentHelp("Meeting date (default: today).", valueName: "YYYY-MM-DD")) var date: String?
        @Option(name: .long, help: ArgumentHelp("Meeting name, e.g. \"RCP LAM adultes\".", valueName: "NAME")) var name: String
        @Option(name: .long, help: ArgumentHelp("Site (hospital).", valueName: "S")) var site: String?

        func run() throws {
            try CLI.run("meeting create") {
                let context = try options.workspace()
                let d = try date.map { try CLI.date($0, option: "--date", today: context.today) } ?? context.today
                let m = try CLI.service(context).createMeeting(date: d, name: name, site: site)
                print(m.id)
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Put a case on a meeting's agenda.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Meeting id.") var id: String
        @Option(name: .customLong("case"), help: ArgumentHelp("Case (patient) id.", valueName: "C")) var caseId: String
        @Option(name: .long, help: ArgumentHelp("The question asked of the board.", valueName: "Q")) var question: String

        func run() throws {
            try CLI.run("meeting add") {
                let context = try options.workspace()
                let item = try CLI.service(context).addToAgenda(meetingId: id, patientId: caseId, question: question)
                print("\(id): \(item.patient) on the agenda at position \(item.position)")
            }
        }
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
                let context = try options.workspace()
                let participants = try participant.map(Reports.participant)
                let next = try nextReview.map { try CLI.date($0, option: "--next-review", today: context.today) }
                let decision = BoardDecision(participants: participants, diseaseStatus: diseaseStatus, proposal: proposal,
                                             followsGuideline: !offGuideline, justification: justification, trialProposed: trial,
                                             nextReview: next, recordedBy: context.options.user)
                let outcome = try CLI.service(context).recordDecision(meetingId: id, patientId: caseId, decision: decision)
                for w in outcome.warnings { CLI.warn("meeting record", w) }
                print("\(id): decision recorded for \(caseId)")
                if let s = outcome.screening { print("pre-screening log: \(caseId) on \(s.trial) is \(s.status?.rawValue ?? "-")") }
                if let t = outcome.reviewTask { print("follow-up task \(t.id): \(t.kind) due \(t.due)") }
            }
        }
    }

}
