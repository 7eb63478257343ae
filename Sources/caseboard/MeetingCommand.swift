import ArgumentParser
import CaseModel
import CaseStore
import ClinicalRules
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
            try WorkflowCLI.run("meeting list") {
                let context = try CommandContext(options)
                let meetings = try context.database().meetings()
                let rows = meetings.map { Row(id: $0.id, date: $0.date.description, name: $0.name, site: $0.site,
                                              cases: $0.agenda.count, decided: $0.agenda.filter { $0.decision != nil }.count) }
                if json { print(WorkflowCLI.json(rows)); return }
                if context.isDemo { print("SYNTHETIC DEMO DATA") }
                if rows.isEmpty { print("No board meetings."); return }
                print(WorkflowCLI.table(["ID", "DATE", "NAME", "SITE", "CASES", "DECIDED"],
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
            try WorkflowCLI.run("meeting show") {
                let context = try CommandContext(options)
                let m = try context.database().meeting(id: id)
                if json { print(WorkflowCLI.json(m)); return }
                if context.isDemo { print("SYNTHETIC DEMO DATA") }
                print(MeetingCommand.text(m), terminator: "")
            }
        }
    }

    static func text(_ m: BoardMeeting) -> String {
        var out = "\(m.id)  \(m.date)  \(m.name)" + (m.site.map { "  (\($0))" } ?? "") + "\n"
        if m.agenda.isEmpty { return out + "  agenda empty\n" }
        for (i, item) in m.agenda.enumerated() {
            out += "\n\(i + 1). \(item.patient) — \(item.question)\n"
            guard let d = item.decision else { out += "   decision: not recorded\n"; continue }
            out += "   participants: " + d.participants.map { "\($0.name) (\($0.specialty)\($0.isPhysician ? "" : ", non-physician"))" }
                .joined(separator: "; ") + "\n"
            if let w = WorkflowService.quorumWarning(d.participants) { out += "   WARNING: \(w)\n" }
            if let s = d.diseaseStatus { out += "   disease status: \(s)\n" }
            out += "   proposal: \(d.proposal)\n"
            out += "   guideline: " + (d.followsGuideline ? "conforme" : "HORS RÉFÉRENTIEL — \(d.justification ?? "")") + "\n"
            out += "   trial proposed: \(d.trialProposed ?? "no")\n"
            out += "   next review: \(d.nextReview?.description ?? "none")\n"
            out += "   recorded by: \(d.recordedBy ?? "-")\n"
        }
        return out
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write the board record (fiche RCP) of a meeting as Markdown or HTML.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Meeting id.") var id: String
        @Option(name: .long, help: ArgumentHelp("md or html.", valueName: "md|html")) var format: Format
        @Option(name: .long, help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE")) var out: String?

        func run() throws {
            try WorkflowCLI.run("meeting export") {
                let context = try CommandContext(options)
                let db = try context.database()
                let m = try db.meeting(id: id)
                var patients: [String: Patient] = [:]
                for item in m.agenda { patients[item.patient] = try? db.patient(id: item.patient) }
                let facts: (Patient) -> MeetingCaseFacts = {
                    { i in var f = MeetingCaseFacts(eln2022: i.eln2022); f.germlineActions = i.germline.actions; return f }(
                        Interpretation.interpret($0, today: m.date, followUps: false))
                }
                let text = format == .md ? MeetingExport.markdown(m, patients: patients, facts: facts, isDemo: context.isDemo)
                    : MeetingExport.html(m, patients: patients, facts: facts, isDemo: context.isDemo)
                try WorkflowCLI.emit(text, out: out)
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
            try WorkflowCLI.run("meeting create") {
                let context = try CommandContext(options)
                let d = try date.map { try WorkflowCLI.date($0, option: "--date") } ?? context.today
                let m = try WorkflowCLI.service(context).createMeeting(date: d, name: name, site: site)
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
            try WorkflowCLI.run("meeting add") {
                let context = try CommandContext(options)
                let item = try WorkflowCLI.service(context).addToAgenda(meetingId: id, patientId: caseId, question: question)
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
            try WorkflowCLI.run("meeting record") {
                let context = try CommandContext(options)
                let participants = try participant.map(MeetingCommand.participant)
                let next = try nextReview.map { try WorkflowCLI.date($0, option: "--next-review") }
                let decision = BoardDecision(participants: participants, diseaseStatus: diseaseStatus, proposal: proposal,
                                             followsGuideline: !offGuideline, justification: justification, trialProposed: trial,
                                             nextReview: next, recordedBy: context.options.resolvedUser)
                let outcome = try WorkflowCLI.service(context).recordDecision(meetingId: id, patientId: caseId, decision: decision)
                for w in outcome.warnings { WorkflowCLI.warn("meeting record", w) }
                print("\(id): decision recorded for \(caseId)")
                if let s = outcome.screening { print("pre-screening log: \(caseId) on \(s.trial) is \(s.status?.rawValue ?? "-")") }
                if let t = outcome.reviewTask { print("follow-up task \(t.id): \(t.kind) due \(t.due)") }
            }
        }
    }

    /// "Name:specialty" (physician) or "Name:role:non-physician".
    static func participant(_ text: String) throws -> Participant {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw CLIError.user("--participant: expected \"Name:specialty\" or \"Name:role:non-physician\", found \"\(text)\"")
        }
        if parts.count == 3 {
            switch parts[2].lowercased() {
            case "non-physician", "nonphysician", "other": return Participant(name: parts[0], specialty: parts[1], isPhysician: false)
            case "physician", "md": return Participant(name: parts[0], specialty: parts[1], isPhysician: true)
            default: throw CLIError.user("--participant: the third part must be \"non-physician\" or \"physician\", found \"\(parts[2])\" in \"\(text)\"")
            }
        }
        guard BoardRoles.classify(parts[1]) != nil else {
            throw CLIError.user("--participant: \"\(parts[1])\" is not a role of the list (\(BoardRoles.hint)); a role outside it needs \"Name:role:physician\" or \"Name:role:non-physician\"")
        }
        return BoardRoles.participant(name: parts[0], role: parts[1], nonPhysicianFlag: false)
    }
}
