import CaseModel
import GRDB

extension AppDatabase {
    /// Pre-screening records with their full history (oldest event first), ordered by trial then
    /// patient; filtered by trial and/or patient when given.
    public func screeningRecords(trial: String? = nil, patient: String? = nil) throws -> [ScreeningRecord] {
        try read { db in try ScreeningLog.records(db, trial: trial, patient: patient) }
    }
}

/// Reading the pre-screening log (tables `screening` and `screeningEvent`).
enum ScreeningLog {
    static func records(_ db: Database, trial: String?, patient: String?) throws -> [ScreeningRecord] {
        var clauses: [String] = [], args: [DatabaseValueConvertible] = []
        if let trial { clauses.append("trialId = ?"); args.append(trial) }
        if let patient { clauses.append("patientId = ?"); args.append(patient) }
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM screening\(whereSQL) ORDER BY trialId, patientId",
                                    arguments: StatementArguments(args))
        var events: [Int64: [ScreeningEvent]] = [:]
        let eventSQL = "SELECT e.* FROM screeningEvent e JOIN screening s ON s.id = e.screeningId\(whereSQL.replacingOccurrences(of: "trialId", with: "s.trialId").replacingOccurrences(of: "patientId", with: "s.patientId")) ORDER BY e.id"
        for r in try Row.fetchAll(db, sql: eventSQL, arguments: StatementArguments(args)) {
            let sid: Int64 = r["screeningId"]
            events[sid, default: []].append(try event(r))
        }
        return rows.map { r in
            let id: Int64 = r["id"]
            return ScreeningRecord(patient: r["patientId"], trial: r["trialId"], arm: r["arm"], source: r["source"],
                                   history: events[id] ?? [])
        }
    }

    static func event(_ r: Row) throws -> ScreeningEvent {
        let statusText: String = r["status"], dateText: String = r["date"]
        guard let status = ScreeningStatus(rawValue: statusText) else {
            throw StoreError.corrupt(table: "screeningEvent", column: "status", value: statusText)
        }
        guard let date = LocalDate(dateText) else { throw StoreError.corrupt(table: "screeningEvent", column: "date", value: dateText) }
        let recheck: String? = r["recheck"]
        return ScreeningEvent(date: date, status: status, who: r["who"], reason: r["reason"], criterion: r["criterion"],
                              recheck: recheck.flatMap(LocalDate.init))
    }
}
