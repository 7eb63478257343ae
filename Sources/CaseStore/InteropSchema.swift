import GRDB

/// Schema changes (real data in and out), appended after the existing migrations:
/// - `patient.birthDate` becomes nullable (a FHIR Patient without a birth date stays without one; age-based rules
///   then give `unknown`). SQLite cannot drop a NOT NULL constraint in place, so the table is rebuilt from its own
///   stored definition (whatever columns other migrations added), with its indexes and triggers re-created.
///   Foreign keys are off during a GRDB migration, so the child tables keep their rows.
/// - `importedResource`: which entries each imported FHIR resource contributed to a case, so re-importing the same
///   resource replaces exactly those entries and nothing else. No foreign key: a patient re-import (which deletes and
///   re-inserts the patient row) must not erase it.
enum InteropSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-nullable-birthdate-imported-resources") { db in
            guard let createSQL = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'patient'") else {
                throw DatabaseError(message: "no patient table to migrate")
            }
            let nullable = createSQL.replacingOccurrences(of: #""birthDate" TEXT NOT NULL"#, with: #""birthDate" TEXT"#)
            if nullable != createSQL {
                let dependents = try String.fetchAll(db, sql: """
                    SELECT sql FROM sqlite_master WHERE tbl_name = 'patient' AND type IN ('index', 'trigger') AND sql IS NOT NULL
                    """)
                guard let r = nullable.range(of: "patient") else { throw DatabaseError(message: "unexpected patient table definition") }
                try db.execute(sql: nullable.replacingCharacters(in: r, with: "patient_rebuilt"))
                try db.execute(sql: "INSERT INTO patient_rebuilt SELECT * FROM patient")
                try db.execute(sql: "DROP TABLE patient")
                try db.execute(sql: "ALTER TABLE patient_rebuilt RENAME TO patient")
                for sql in dependents { try db.execute(sql: sql) }
            }
            try db.create(table: "importedResource") { t in
                t.column("patientId", .text).notNull()
                t.column("resourceKey", .text).notNull()
                t.column("entries", .text).notNull()
                t.column("source", .text).notNull()
                t.primaryKey(["patientId", "resourceKey"])
            }
        }
    }
}
