import CaseModel
import Foundation
import GRDB

extension AppDatabase {
    /// Every board meeting (agendas included), newest first.
    public func meetings() throws -> [BoardMeeting] {
        try read { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM meeting ORDER BY date DESC, id DESC")
            return try ids.compactMap { try MeetingStore.meeting(db, id: $0) }
        }
    }

    /// One meeting with its agenda in position order; `WorkflowError.unknownMeeting` when unknown.
    public func meeting(id: String) throws -> BoardMeeting {
        guard let m = try read({ try MeetingStore.meeting($0, id: id) }) else { throw WorkflowError.unknownMeeting(id: id) }
        return m
    }
}

/// Reading meetings (tables `meeting` and `meetingItem`).
enum MeetingStore {
    static func meeting(_ db: Database, id: String) throws -> BoardMeeting? {
        guard let r = try Row.fetchOne(db, sql: "SELECT * FROM meeting WHERE id = ?", arguments: [id]) else { return nil }
        let dateText: String = r["date"]
        guard let date = LocalDate(dateText) else { throw StoreError.corrupt(table: "meeting", column: "date", value: dateText) }
        let items = try Row.fetchAll(db, sql: "SELECT * FROM meetingItem WHERE meetingId = ? ORDER BY position, id", arguments: [id])
        return BoardMeeting(id: r["id"], date: date, name: r["name"], site: r["site"], agenda: try items.map(item))
    }

    static func item(_ r: Row) throws -> AgendaItem {
        var decision: BoardDecision?
        if let proposal: String = r["proposal"] {
            let participantsText: String = r["participants"] ?? "[]"
            guard let participants = try? JSONDecoder().decode([Participant].self, from: Data(participantsText.utf8)) else {
                throw StoreError.corrupt(table: "meetingItem", column: "participants", value: participantsText)
            }
            let next: String? = r["nextReview"]
            decision = BoardDecision(participants: participants, diseaseStatus: r["diseaseStatus"], proposal: proposal,
                                     followsGuideline: r["followsGuideline"] ?? true, justification: r["justification"],
                                     trialProposed: r["trialProposed"], nextReview: next.flatMap(LocalDate.init),
                                     recordedBy: r["recordedBy"])
        }
        return AgendaItem(id: r["id"], patient: r["patientId"], question: r["question"], position: r["position"], decision: decision)
    }
}
