import GRDB

/// Cheap change detection for stored match results (migration "v3-match-revisions").
///
/// `patientRevision` holds, per patient, a random 64-bit revision that SQLite triggers replace on EVERY write
/// to the patient row or any of its child tables (import, re-import, undo, any future write path), so no
/// Swift code path can forget it. `matchPatientState.revision` records the revision the stored rows were
/// computed from; a patient whose revisions differ (or who has no state, or whose state is for another
/// `today`) is found by one SQL query instead of loading and fingerprinting every patient.
extension AppDatabase {
    /// The child tables as they were when v3-match-revisions shipped. Frozen: a migration never reads a live list
    /// (a table added later gets its triggers from its own migration, with `createChildRevisionTriggers`).
    static let v3ChildTables = [
        "diagnosis", "diseaseStatus", "karyotype", "fusion", "variant", "genePanel", "mrdResult", "lab",
        "performanceStatus", "therapy", "transplant", "familyHistory", "clinicalFeature", "comorbidity", "followUp",
    ]

    /// The revision triggers of one child table of `patient` (for the migration that creates a new child table):
    /// every insert, update and delete of its rows gives the patient a new revision, so stored trial verdicts of
    /// that patient are recomputed.
    static func createChildRevisionTriggers(_ db: Database, table: String) throws {
        let update = { (row: String) in "UPDATE patientRevision SET revision = random() WHERE patientId = \(row).patientId" }
        var sql = ""
        for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
            sql += "CREATE TRIGGER \(table)_revision_\(event.lowercased()) AFTER \(event) ON \(table.quotedDatabaseIdentifier) BEGIN \(update(row)); END;\n"
        }
        sql += "CREATE TRIGGER \(table)_revision_move AFTER UPDATE OF patientId ON \(table.quotedDatabaseIdentifier) BEGIN \(update("OLD")); END;\n"
        try db.execute(sql: sql)
    }

    static func migrateMatchRevisions(_ db: Database) throws {
        // No foreign key on purpose: triggers of cascaded child deletes may fire while the patient row is being
        // deleted; orphans are harmless (detection joins from `patient`) and are pruned by `recomputeMatches`.
        try db.create(table: "patientRevision") { t in
            t.primaryKey("patientId", .text)
            t.column("revision", .integer).notNull()
        }
        try db.alter(table: "matchPatientState") { t in t.add(column: "revision", .integer) }
        // Every existing patient gets a revision; stored states have none, so the first recompute after the upgrade
        // re-matches everyone once (a state from before this migration cannot be trusted to be current).
        try db.execute(sql: "INSERT INTO patientRevision (patientId, revision) SELECT id, random() FROM patient")
        try db.execute(sql: "UPDATE matchPatientState SET revision = NULL")
        // The patient row's triggers create (or replace) the revision row; a child row always belongs to an existing
        // patient (foreign key), whose revision row the child triggers merely update (cheaper on bulk imports).
        let upsert = "INSERT OR REPLACE INTO patientRevision (patientId, revision) VALUES"
        func update(_ id: String) -> String { "UPDATE patientRevision SET revision = random() WHERE patientId = \(id)" }
        var sql = ""
        for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
            sql += """
                CREATE TRIGGER patient_revision_\(event.lowercased()) AFTER \(event) ON patient
                BEGIN \(upsert) (\(row).id, random()); END;

                """
            for table in v3ChildTables {
                sql += """
                    CREATE TRIGGER \(table)_revision_\(event.lowercased()) AFTER \(event) ON \(table.quotedDatabaseIdentifier)
                    BEGIN \(update("\(row).patientId")); END;

                    """
            }
        }
        // An id change (never done by Caseboard) must also mark the old id; a child row moved to another patient
        // changes both.
        sql += """
            CREATE TRIGGER patient_revision_rename AFTER UPDATE OF id ON patient
            BEGIN \(upsert) (OLD.id, random()); END;

            """
        for table in v3ChildTables {
            sql += """
                CREATE TRIGGER \(table)_revision_move AFTER UPDATE OF patientId ON \(table.quotedDatabaseIdentifier)
                BEGIN \(update("OLD.patientId")); END;

                """
        }
        try db.execute(sql: sql)
    }
}
