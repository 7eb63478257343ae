import CaseModel
import CaseStore
import Foundation

/// What `caseboard meeting …` does, behind its argument parsing (the executable only declares the options).
public enum MeetingRuns {
    struct Row: Encodable { let id: String, date: String, name: String, site: String?, cases: Int, decided: Int }

    public static func list(_ context: Workspace, json: Bool, console: Console) throws {
        let meetings = try context.database().meetings()
        let rows = meetings.map { Row(id: $0.id, date: $0.date.description, name: $0.name, site: $0.site,
                                      cases: $0.agenda.count, decided: $0.agenda.filter { $0.decision != nil }.count) }
        if json { try console.json(rows); return }
        if context.isDemo { console.line("SYNTHETIC DEMO DATA") }
        if rows.isEmpty { console.line("No board meetings."); return }
        console.raw(Reports.textTable(["ID", "DATE", "NAME", "SITE", "CASES", "DECIDED"],
                                      rows.map { [$0.id, $0.date, $0.name, $0.site ?? "-", "\($0.cases)", "\($0.decided)"] }))
    }

    public static func show(_ context: Workspace, id: String, json: Bool, console: Console) throws {
        let m = try context.database().meeting(id: id)
        if json { try console.json(m); return }
        if context.isDemo { console.line("SYNTHETIC DEMO DATA") }
        console.raw(Reports.meetingText(m))
    }

    public static func create(_ context: Workspace, date: String?, name: String, site: String?, console: Console) throws {
        let d = try Console.date(date, option: "--date", today: context.today) ?? context.today
        let m = try Workflows.service(context).createMeeting(date: d, name: name, site: site)
        console.line(m.id)
    }

    public static func add(_ context: Workspace, id: String, caseID: String, question: String, console: Console) throws {
        let item = try Workflows.service(context).addToAgenda(meetingId: id, patientId: caseID, question: question)
        console.line("\(id): \(item.patient) on the agenda at position \(item.position)")
    }

    /// The options of `meeting record`, as typed.
    public struct RecordRequest {
        public var meetingID: String, caseID: String, participants: [String], diseaseStatus: String?, proposal: String
        public var offGuideline: Bool, justification: String?, trial: String?, nextReview: String?
        public init(meetingID: String, caseID: String, participants: [String], diseaseStatus: String?, proposal: String,
                    offGuideline: Bool, justification: String?, trial: String?, nextReview: String?) {
            self.meetingID = meetingID; self.caseID = caseID; self.participants = participants; self.diseaseStatus = diseaseStatus
            self.proposal = proposal; self.offGuideline = offGuideline; self.justification = justification; self.trial = trial
            self.nextReview = nextReview
        }
    }

    public static func record(_ context: Workspace, _ r: RecordRequest, console: Console) throws {
        let participants = try r.participants.map(Reports.participant)
        let next = try Console.date(r.nextReview, option: "--next-review", today: context.today)
        let decision = BoardDecision(participants: participants, diseaseStatus: r.diseaseStatus, proposal: r.proposal,
                                     followsGuideline: !r.offGuideline, justification: r.justification, trialProposed: r.trial,
                                     nextReview: next, recordedBy: context.options.user)
        let outcome = try Workflows.service(context).recordDecision(meetingId: r.meetingID, patientId: r.caseID, decision: decision)
        for w in outcome.warnings { console.warn("meeting record", w) }
        console.line("\(r.meetingID): decision recorded for \(r.caseID)")
        if let s = outcome.screening { console.line("pre-screening log: \(r.caseID) on \(s.trial) is \(s.status?.rawValue ?? "-")") }
        if let t = outcome.reviewTask { console.line("follow-up task \(t.id): \(t.kind) due \(t.due)") }
    }
}
