import ArgumentParser
import Foundation
import CaseModel
import ClinicalRules

/// `caseboard followups`: the nurse worklist, a command group whose default subcommand is the list.
///
/// `caseboard followups [--due-within DAYS] [--site S] [--json]` prints open tasks (generated from the
/// schedules of ClinicalRules and merged with the explicit tasks of the case data), most urgent first.
struct FollowupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "Nurse follow-up worklist: overdue, due-soon and upcoming tasks, most urgent first.",
        subcommands: [
            List.self,
            // ── `done TASK [--date D]` goes here ──────────────────────────────────────────────────────
            // Workflows (issue 6): done / reschedule / note, audited, in FollowupsWorkflowCommands.swift.
            Done.self, Reschedule.self, Note.self,
            // ──────────────────────────────────────────────────────────────────────────────────────────
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

        @Flag(name: .long, help: "Print a JSON array of tasks on stdout.")
        var json = false

        func run() throws {
            if let d = dueWithin, d < 0 {
                FileHandle.standardError.write(Data("caseboard followups: --due-within must be 0 or more days, found \(d)\n".utf8))
                throw ExitCode(1)
            }
            let tasks: [FollowUpTask]
            let isDemo: Bool
            let today: LocalDate
            do {
                let context = try CommandContext(options)
                today = context.today
                isDemo = context.isDemo
                // The schedule's tasks with the nurses' records (done, rescheduled, notes) and the tasks the
                // workflows created (RCP reviews, screening rechecks, next occurrences): issue 6.
                tasks = try WorkflowCLI.service(context, withCatalogue: false).worklist(patients: try context.patients(),
                                                                  dueWithinDays: dueWithin, site: site)
            } catch let e as ValidationError {
                FileHandle.standardError.write(Data("caseboard followups: \(e.message)\n".utf8))
                throw ExitCode(1)
            } catch let e as ExitCode {
                throw e
            } catch {
                let (message, code) = CLIError.classify(error)
                FileHandle.standardError.write(Data("caseboard followups: \(message)\n".utf8))
                throw ExitCode(code)
            }
            if json {
                if isDemo { FileHandle.standardError.write(Data("SYNTHETIC DEMO DATA\n".utf8)) }
                print(FollowupsCommand.jsonText(tasks))
            } else {
                if isDemo { print("SYNTHETIC DEMO DATA") }
                print(FollowupsCommand.table(tasks, today: today), terminator: "")
            }
        }
    }

    /// The worklist as one JSON array (keys: id, patient, due, kind, status, note, source, site, done, repeatDays).
    static func jsonText(_ tasks: [FollowUpTask]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(tasks), let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }

    /// The worklist as a text table grouped by status, most urgent first.
    static func table(_ tasks: [FollowUpTask], today: LocalDate) -> String {
        if tasks.isEmpty { return "No open follow-up tasks.\n" }
        var out = ""
        let header = ["STATUS", "DUE", "WHEN", "PATIENT", "SITE", "KIND", "TASK", "NOTE"]
        var rows: [[String]] = []
        for t in tasks {
            let d = today.days(until: t.due)
            let when = d < 0 ? "\(-d) d late" : (d == 0 ? "today" : "in \(d) d")
            rows.append([t.status.rawValue, DateText.iso(t.due), when, t.patient, t.site ?? "-", t.kind, t.id, t.note ?? ""])
        }
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < header.count - 1 { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            var s = ""
            for (i, c) in cells.enumerated() {
                if i == cells.count - 1 { s += c } else { s += c + String(repeating: " ", count: widths[i] - c.count + 2) }
            }
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        out += line(header)
        for r in rows { out += line(r) }
        let counts = Dictionary(grouping: tasks, by: \.status).mapValues(\.count)
        out += "\n\(tasks.count) tasks: \(counts[.overdue] ?? 0) overdue, \(counts[.dueSoon] ?? 0) due soon, \(counts[.upcoming] ?? 0) upcoming\n"
        return out
    }
}
