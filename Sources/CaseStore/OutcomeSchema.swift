import GRDB

/// Migration "v4-patient-outcome": one row per patient with outcome data (`vitalStatus`, `lastContact`,
/// `death`), shaped like the other child tables (id, patientId, seq) so the loader reads it the same way.
/// A patient with nothing recorded has no row (vitalStatus unknown). Writes bump the patient's revision
/// like every other child table (see `migrateMatchRevisions`).
extension AppDatabase {
    static let outcomeTable = "patientOutcome"

    static func migratePatientOutcome(_ db: Database) throws {
        try db.create(table: outcomeTable) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("patientId", .text).notNull().unique().references("patient", onDelete: .cascade)
            t.column("seq", .integer).notNull()
            t.column("vitalStatus", .text).notNull()
            t.column("lastContact", .text)
            t.column("deathDate", .text)
            t.column("deathCause", .text)
        }
        try createChildRevisionTriggers(db, table: outcomeTable)
    }
}
