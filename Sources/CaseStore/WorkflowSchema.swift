import GRDB

/// Schema of the three workflows: board meetings, the trial pre-screening log, tasks the
/// app creates (RCP reviews, screening rechecks, next occurrences of repeating schedules), and the
/// columns that undo needs in the audit log. Registered by one line at the end of
/// `AppDatabase.migrator`; append-only like every migration.
///
/// Patient ids are not foreign keys on purpose (as in `followUpState`): re-importing a patient must
/// never erase a board decision or a screening history. Writes check that the patient exists.
enum WorkflowSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-workflows") { db in
            try db.create(table: "meeting") { t in
                t.primaryKey("id", .text)
                t.column("date", .text).notNull().indexed()
                t.column("name", .text).notNull()
                t.column("site", .text)
                t.column("createdBy", .text).notNull()
            }
            try db.create(table: "meetingItem") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("meetingId", .text).notNull().references("meeting", onDelete: .cascade)
                t.column("patientId", .text).notNull().indexed()
                t.column("position", .integer).notNull()
                t.column("question", .text).notNull()
                // The decision (NULL until recorded). participants: JSON array of {name, specialty, isPhysician}.
                t.column("participants", .text)
                t.column("diseaseStatus", .text)
                t.column("proposal", .text)
                t.column("followsGuideline", .boolean)
                t.column("justification", .text)
                t.column("trialProposed", .text)
                t.column("nextReview", .text)
                t.column("recordedBy", .text)
                t.uniqueKey(["meetingId", "patientId"])
            }
            try db.create(table: "screening") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("trialId", .text).notNull()
                t.column("patientId", .text).notNull().indexed()
                t.column("arm", .text)
                t.column("source", .text).notNull()
                t.column("status", .text).notNull()
                t.column("statusDate", .text).notNull()
                t.uniqueKey(["trialId", "patientId"])
            }
            try db.create(table: "screeningEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("screeningId", .integer).notNull().references("screening", onDelete: .cascade).indexed()
                t.column("date", .text).notNull()
                t.column("status", .text).notNull()
                t.column("who", .text).notNull()
                t.column("reason", .text)
                t.column("criterion", .text)
                t.column("recheck", .text)
            }
            try db.create(table: "workflowTask") { t in
                t.primaryKey("id", .text)
                t.column("patientId", .text).notNull().indexed()
                t.column("due", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("note", .text)
                t.column("source", .text).notNull()
                t.column("repeatDays", .integer)
                // Set when a screening leaves `deferred` (its recheck task is then no longer open).
                t.column("closed", .text)
            }
            // Which occurrence of a (repeating) task a follow-up record applies to: its due date then.
            try db.alter(table: "followUpState") { t in t.add(column: "occurrenceDue", .text) }
            // Undo: the session that wrote an entry, and the entry that undid it.
            try db.alter(table: "auditLog") { t in
                t.add(column: "session", .text)
                t.add(column: "undoneBy", .integer)
            }
        }
    }
}
