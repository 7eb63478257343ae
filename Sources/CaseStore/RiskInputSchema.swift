import GRDB

/// Migration "v4-risk-inputs": the data the non-AML risk scores need (formats.md §1): copy-number
/// findings, dated clinical findings, and whether a gene panel also called copy number. Appended after
/// the existing migrations; the new child tables get the same revision triggers as the others.
enum RiskInputSchema {
    static let name = "v4-risk-inputs"
    /// Child tables of `patient` added by this migration (`AppDatabase.patientChildTables` lists the v1 ones).
    static let tables = ["copyNumber", "finding"]

    static func migrate(_ db: Database) throws {
        func child(_ table: String, _ body: (TableDefinition) -> Void) throws {
            try db.create(table: table) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("patientId", .text).notNull().references("patient", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                body(t)
            }
            try db.create(index: "\(table)_patientId", on: table, columns: ["patientId", "seq"])
        }
        try child("copyNumber") { t in
            t.column("date", .text).notNull(); t.column("gene", .text).notNull(); t.column("call", .text).notNull()
            t.column("detail", .text); t.column("method", .text)
        }
        try child("finding") { t in
            // Exactly one of `number` and `flag` is set (the finding's value is a number or a yes/no).
            t.column("date", .text).notNull(); t.column("kind", .text).notNull()
            t.column("number", .double); t.column("flag", .boolean)
        }
        try db.create(index: "copyNumber_gene", on: "copyNumber", columns: ["gene"])
        try db.create(index: "finding_kind", on: "finding", columns: ["kind"])
        try db.alter(table: "genePanel") { t in t.add(column: "copyNumber", .boolean) }
        for table in tables { try AppDatabase.createChildRevisionTriggers(db, table: table) }
    }
}
