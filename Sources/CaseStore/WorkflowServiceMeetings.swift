import CaseModel
import Foundation
import GRDB

/// Board meetings (RCP): create, put cases on the agenda, record the board's decision.
extension WorkflowService {
    /// Creates a meeting; its id is `RCP-<date>-<n>` (n above every number of that date ever used, see
    /// `nextMeetingNumber`).
    @discardableResult
    public func createMeeting(date: LocalDate, name: String, site: String? = nil) throws -> BoardMeeting {
        guard let name = WorkflowService.trimmed(name) else { throw WorkflowError.invalid("a meeting needs a name (e.g. \"RCP LAM adultes\").") }
        let site = WorkflowService.trimmed(site)
        let user = self.user
        return try audited("meeting.create", entity: "meeting/\(date)", what: "create a board meeting") { db, rec in
            // Never reused: above every id of that date in the table AND in the audit log (a meeting removed by undo
            // keeps its id in the log, so the log never names two meetings with one id).
            let n = try WorkflowService.nextMeetingNumber(db, date: date)
            var id = "RCP-\(date)-\(n)"
            var k = n
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM meeting WHERE id = ?", arguments: [id]) != nil { k += 1; id = "RCP-\(date)-\(k)" }
            try db.execute(sql: "INSERT INTO meeting (id, date, name, site, createdBy) VALUES (?,?,?,?,?)",
                           arguments: [id, date.description, name, site, user])
            try rec.touch("meeting", id: id, inserted: true)
            rec.entity = "meeting/\(id)"
            return BoardMeeting(id: id, date: date, name: name, site: site)
        }
    }

    /// Puts a case on the agenda (at the end) with the question asked.
    @discardableResult
    public func addToAgenda(meetingId: String, patientId: String, question: String) throws -> AgendaItem {
        guard let question = WorkflowService.trimmed(question) else {
            throw WorkflowError.invalid("the question asked of the board is required (motif de présentation).")
        }
        return try audited("meeting.agenda.add", entity: "meeting/\(meetingId)/\(patientId)", what: "add a case to a meeting agenda") { db, rec in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM meeting WHERE id = ?", arguments: [meetingId]) != nil else {
                throw WorkflowError.unknownMeeting(id: meetingId)
            }
            try WorkflowService.requirePatient(db, patientId)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM meetingItem WHERE meetingId = ? AND patientId = ?",
                                 arguments: [meetingId, patientId]) != nil {
                throw WorkflowError.alreadyOnAgenda(meeting: meetingId, patient: patientId)
            }
            let position = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM meetingItem WHERE meetingId = ?", arguments: [meetingId]) ?? 0) + 1
            try db.execute(sql: "INSERT INTO meetingItem (meetingId, patientId, position, question) VALUES (?,?,?,?)",
                           arguments: [meetingId, patientId, position, question])
            let id = db.lastInsertedRowID
            try rec.touch("meetingItem", id: id, inserted: true)
            return AgendaItem(id: id, patient: patientId, question: question, position: position)
        }
    }

    /// The quorum warning for `participants`, or nil when the quorum is met.
    public static func quorumWarning(_ participants: [Participant]) -> String? {
        let d = BoardDecision(participants: participants, proposal: "", followsGuideline: true)
        if d.hasQuorum { return nil }
        let specialties = BoardRoles.physicianSpecialties(participants)
        return "quorum not met: \(specialties.count) physician specialt\(specialties.count == 1 ? "y" : "ies")"
            + (specialties.isEmpty ? "" : " (\(specialties.joined(separator: ", ")))")
            + "; an RCP needs at least 3 physicians of different specialties (HAS/INCa) — re-present the case with the missing specialist."
    }

    /// Records (or replaces) the board's decision for a case on the agenda. Refuses a missing proposal,
    /// an off-guideline decision without justification, a trial that is not among the case's eligible or
    /// possibly-eligible trials (when verdicts are available), a next review before the meeting.
    /// Warns (and records anyway) when the quorum is not met. The proposed trial enters the
    /// pre-screening log as `identified` (source `RCP`); the next review becomes an `RCP review` task.
    @discardableResult
    public func recordDecision(meetingId: String, patientId: String, decision: BoardDecision) throws -> DecisionOutcome {
        try recordDecision(meetingId: meetingId, patientId: patientId, decision: decision, expectedVersion: nil)
    }

    /// Records the decision unless it changed since version `expectedVersion` was read (nil: the version read now).
    public func recordDecision(meetingId: String, patientId: String, decision input: BoardDecision,
                               expectedVersion: Int?) throws -> DecisionOutcome {
        // The version this decision is based on: the caller's (read when it showed the decision), else now.
        let basedOn = try expectedVersion ?? db.read { try WorkflowService.decisionVersion($0, meetingId: meetingId, patientId: patientId) }
        var decision = input
        decision.proposal = WorkflowService.trimmed(decision.proposal) ?? ""
        decision.justification = WorkflowService.trimmed(decision.justification)
        decision.trialProposed = WorkflowService.trimmed(decision.trialProposed)
        decision.diseaseStatus = WorkflowService.trimmed(decision.diseaseStatus)
        decision.recordedBy = WorkflowService.trimmed(decision.recordedBy) ?? user
        if decision.proposal.isEmpty { throw WorkflowError.invalid("the board's proposal is required.") }
        if !decision.followsGuideline && decision.justification == nil {
            throw WorkflowError.invalid("a decision outside the guideline (hors référentiel) requires a justification.")
        }
        for p in decision.participants where WorkflowService.trimmed(p.name) == nil || WorkflowService.trimmed(p.specialty) == nil {
            throw WorkflowError.invalid("each participant needs a name and a specialty (\"Name:specialty\"), found \"\(p.name):\(p.specialty)\".")
        }
        let meeting = try db.meeting(id: meetingId)
        guard meeting.agenda.contains(where: { $0.patient == patientId }) else {
            throw WorkflowError.notOnAgenda(meeting: meetingId, patient: patientId)
        }
        if let next = decision.nextReview, next < meeting.date {
            throw WorkflowError.invalid("the next review date \(next) is before the meeting (\(meeting.date)).")
        }
        if let trial = decision.trialProposed {
            try requireTrial(trial)
            let patient = try db.patient(id: patientId)
            if let verdicts = verdictProvider?(patient) {
                let candidates = Set(verdicts.filter { $0.armStatus == .open && $0.verdict != .ineligible }.map(\.trial))
                if !candidates.contains(trial) {
                    let known = verdicts.contains { $0.trial == trial }
                    throw WorkflowError.invalid("trial \(trial) cannot be proposed for \(patientId): "
                        + (known ? "the patient is ineligible (or its arms are not open)" : "no verdict for this trial")
                        + "; choose one of the eligible or possibly-eligible trials: "
                        + (candidates.isEmpty ? "(none)" : candidates.sorted().joined(separator: ", ")) + ".")
                }
            }
        }
        let warnings = WorkflowService.quorumWarning(decision.participants).map { [$0] } ?? []
        let who = user, today = self.today
        // The participants as recorded: an encoding failure stops the recording (never an empty list stored).
        let participantsJSON: String = try {
            let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]
            return String(decoding: try e.encode(decision.participants), as: UTF8.self)
        }()
        return try audited("meeting.decision", entity: "meeting/\(meetingId)/\(patientId)", what: "record a board decision") { db, rec in
            guard let itemId = try Int64.fetchOne(db, sql: "SELECT id FROM meetingItem WHERE meetingId = ? AND patientId = ?",
                                                  arguments: [meetingId, patientId]) else {
                throw WorkflowError.notOnAgenda(meeting: meetingId, patient: patientId)
            }
            try WorkflowService.requireDecisionVersion(db, itemId: itemId, expectedVersion: basedOn, meetingId: meetingId, patientId: patientId)
            try rec.touch("meetingItem", id: itemId)
            try db.execute(sql: """
                UPDATE meetingItem SET participants = ?, diseaseStatus = ?, proposal = ?, followsGuideline = ?, justification = ?,
                  trialProposed = ?, nextReview = ?, recordedBy = ? WHERE id = ?
                """, arguments: [participantsJSON, decision.diseaseStatus, decision.proposal, decision.followsGuideline,
                                 decision.justification, decision.trialProposed, decision.nextReview?.description,
                                 decision.recordedBy, itemId])
            try db.execute(sql: "UPDATE meetingItem SET version = version + 1, recordedAt = ? WHERE id = ?", arguments: [clock(), itemId])
            // The proposed trial enters the pre-screening log (unless the patient is already in it).
            var screening: ScreeningRecord?
            if let trial = decision.trialProposed {
                let existing = try ScreeningLog.records(db, trial: trial, patient: patientId).first
                if let existing { screening = existing } else {
                    let change = ScreeningChange(trial: trial, patient: patientId, status: .identified, date: meeting.date,
                                                 reason: "proposed at \(meeting.name) on \(meeting.date)", source: "RCP")
                    screening = try WorkflowService.applyScreening(change, db: db, rec: rec, who: who, today: today)
                }
            }
            // The next review becomes an `RCP review` task (replaced when the decision is re-recorded).
            let taskId = "\(patientId):rcp-review-\(meetingId)"
            var reviewTask: FollowUpTask?
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM workflowTask WHERE id = ?", arguments: [taskId]) != nil
            if exists || decision.nextReview != nil { try rec.touch("workflowTask", id: taskId) }
            if let next = decision.nextReview {
                let item = meeting.agenda.first { $0.patient == patientId }
                let note = "re-present at RCP after \(meeting.name) of \(meeting.date)" + (item.map { ": \($0.question)" } ?? "")
                let source = "RCP \(meeting.name) \(meeting.date)"
                try db.execute(sql: """
                    INSERT INTO workflowTask (id, patientId, due, kind, note, source, repeatDays, closed) VALUES (?,?,?,?,?,?,NULL,NULL)
                    ON CONFLICT(id) DO UPDATE SET due = excluded.due, note = excluded.note, source = excluded.source, closed = NULL
                    """, arguments: [taskId, patientId, next.description, "RCP review", note, source])
                reviewTask = FollowUpTask(id: taskId, patient: patientId, due: next, kind: "RCP review",
                                          status: WorkflowService.status(due: next, done: false, today: today), note: note, source: source)
            } else if exists {
                try db.execute(sql: "DELETE FROM workflowTask WHERE id = ?", arguments: [taskId])
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM meetingItem WHERE id = ?", arguments: [itemId]) else {
                throw WorkflowError.notOnAgenda(meeting: meetingId, patient: patientId)
            }
            let item = try MeetingStore.item(row)
            return DecisionOutcome(item: item, warnings: warnings, screening: screening, reviewTask: reviewTask)
        }
    }

    public func meetings() throws -> [BoardMeeting] { try db.meetings() }
    public func meeting(id: String) throws -> BoardMeeting { try db.meeting(id: id) }
}
