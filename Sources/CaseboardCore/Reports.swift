import CaseModel
import CaseStore
import ClinicalRules
import Foundation

/// The reports both front ends print: the board meeting as text, the board record (fiche RCP) as Markdown or
/// HTML, the nurse worklist as a table; and the parsing of a board participant.
public enum Reports {
    /// A meeting's agenda and decisions as plain text.
    public static func meetingText(_ m: BoardMeeting) -> String {
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

    public enum RecordFormat: String, CaseIterable, Sendable { case md, html }

    /// The board record of one meeting. Every case on the agenda is read; a case that cannot be read is an error
    /// naming it (never a record with the case left out).
    /// `pseudonymised`: without MRN, names or birth date (a stable pseudonym per case, the age at diagnosis).
    public static func boardRecord(_ workspace: Workspace, meetingID: String, format: RecordFormat,
                                   pseudonymised: Bool = false) throws -> String {
        let db = try workspace.database()
        let m = try db.meeting(id: meetingID)
        var patients: [String: Patient] = [:]
        for item in m.agenda {
            do { patients[item.patient] = try db.patient(id: item.patient) } catch StoreError.unknownPatient {
                continue  // removed since it was put on the agenda: the record says "case not in the database"
            }
        }
        let facts: (Patient) -> MeetingCaseFacts = {
            let i = Interpretation.interpret($0, today: m.date, followUps: false)
            var f = MeetingCaseFacts(eln2022: i.eln2022)
            f.germlineActions = i.germline.actions
            return f
        }
        let pseudonyms = pseudonymised ? try db.pseudonyms(for: m.agenda.map(\.patient)) : nil
        return format == .md ? MeetingExport.markdown(m, patients: patients, facts: facts, isDemo: workspace.isDemo, pseudonyms: pseudonyms)
            : MeetingExport.html(m, patients: patients, facts: facts, isDemo: workspace.isDemo, pseudonyms: pseudonyms)
    }

    /// "Name:specialty" (physician) or "Name:role:non-physician".
    public static func participant(_ text: String) throws -> Participant {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw CoreError.user("--participant: expected \"Name:specialty\" or \"Name:role:non-physician\", found \"\(text)\"")
        }
        if parts.count == 3 {
            switch parts[2].lowercased() {
            case "non-physician", "nonphysician", "other": return Participant(name: parts[0], specialty: parts[1], isPhysician: false)
            case "physician", "md": return Participant(name: parts[0], specialty: parts[1], isPhysician: true)
            default: throw CoreError.user("--participant: the third part must be \"non-physician\" or \"physician\", found \"\(parts[2])\" in \"\(text)\"")
            }
        }
        guard BoardRoles.classify(parts[1]) != nil else {
            throw CoreError.user("--participant: \"\(parts[1])\" is not a role of the list (\(BoardRoles.hint)); a role outside it needs \"Name:role:physician\" or \"Name:role:non-physician\"")
        }
        return BoardRoles.participant(name: parts[0], role: parts[1], nonPhysicianFlag: false)
    }

    /// The worklist as a text table grouped by status, most urgent first.
    public static func worklistTable(_ tasks: [FollowUpTask], today: LocalDate) -> String {
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

    /// The pre-screening log as a text table (one line per patient and trial: its latest status).
    public static func screeningTable(_ records: [ScreeningRecord]) -> String {
        textTable(["TRIAL", "PATIENT", "STATUS", "SINCE", "SOURCE", "BY", "REASON"], records.map { r in
            let last = r.history.last
            let why = [last?.criterion, last?.reason, last?.recheck.map { "recheck \($0)" }].compactMap { $0 }.joined(separator: "; ")
            return [r.trial, r.patient, last?.status.rawValue ?? "-", last?.date.description ?? "-", r.source, last?.who ?? "-", why]
        })
    }

    /// A plain text table, columns padded, trailing spaces trimmed.
    public static func textTable(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            var s = ""
            for (i, c) in cells.enumerated() {
                s += i == cells.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count + 2)
            }
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
