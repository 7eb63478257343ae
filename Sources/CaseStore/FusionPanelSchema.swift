import GRDB

/// Migration "v4-comorbidities-reviewed-fusion-panels" (formats.md §1): the patient's
/// `comorbiditiesReviewed` date and the `testedFusions` panels (child table `fusionPanel`), with the match
/// revision triggers of v3 for the new table.
extension AppDatabase {
    static func migrateFusionPanels(_ db: Database) throws {
        try db.alter(table: "patient") { t in t.add(column: "comorbiditiesReviewed", .text) }
        try db.create(table: "fusionPanel") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("patientId", .text).notNull().references("patient", onDelete: .cascade)
            t.column("seq", .integer).notNull()
            t.column("date", .text).notNull(); t.column("assay", .text).notNull(); t.column("tissue", .text)
            t.column("genes", .text).notNull()
        }
        try db.create(index: "fusionPanel_patientId", on: "fusionPanel", columns: ["patientId", "seq"])
        try createChildRevisionTriggers(db, table: "fusionPanel")
    }
}
