import GRDB

/// Schema of the case database: append-only named migrations. Never edit a shipped migration;
/// add a new one ("v2-meetings", …) at the end.
extension AppDatabase {
    /// Child tables of `patient`, in the order they are loaded and written.
    public static let patientChildTables = [
        "diagnosis", "diseaseStatus", "karyotype", "fusion", "variant", "genePanel", "mrdResult", "lab",
        "performanceStatus", "therapy", "transplant", "familyHistory", "clinicalFeature", "comorbidity", "followUp",
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-cases") { db in
            try db.create(table: "patient") { t in
                t.primaryKey("id", .text)
                t.column("mrn", .text)
                t.column("family", .text)
                t.column("given", .text)
                t.column("sex", .text).notNull()
                t.column("birthDate", .text).notNull().indexed()
                t.column("site", .text).indexed()
                // Listing columns derived from the current (newest) diagnosis and status.
                t.column("category", .text).indexed()
                t.column("diseaseGroup", .text).indexed()
                t.column("diagnosisDate", .text).indexed()
                t.column("who2022", .text)
                t.column("latestStatus", .text).indexed()
            }
            func child(_ name: String, _ body: (TableDefinition) -> Void) throws {
                try db.create(table: name) { t in
                    t.autoIncrementedPrimaryKey("id")
                    t.column("patientId", .text).notNull().references("patient", onDelete: .cascade)
                    t.column("seq", .integer).notNull()
                    body(t)
                }
                try db.create(index: "\(name)_patientId", on: name, columns: ["patientId", "seq"])
            }
            try child("diagnosis") { t in
                t.column("date", .text).notNull(); t.column("category", .text).notNull()
                t.column("who2022", .text); t.column("icc2022", .text); t.column("icd10", .text); t.column("oncotree", .text)
                t.column("blastsBM", .double); t.column("blastsPB", .double)
                t.column("therapyRelated", .boolean); t.column("postMDS", .boolean); t.column("postMPN", .boolean)
            }
            try child("diseaseStatus") { t in t.column("date", .text).notNull(); t.column("status", .text).notNull() }
            try child("karyotype") { t in
                t.column("date", .text).notNull(); t.column("tissue", .text).notNull(); t.column("iscn", .text)
                t.column("abnormalities", .text).notNull()
            }
            try child("fusion") { t in
                t.column("date", .text).notNull(); t.column("name", .text).notNull(); t.column("method", .text)
            }
            try child("variant") { t in
                t.column("gene", .text).notNull(); t.column("date", .text).notNull()
                t.column("hgvsc", .text); t.column("hgvsp", .text); t.column("consequence", .text); t.column("domain", .text)
                t.column("vaf", .double); t.column("origin", .text).notNull(); t.column("tissue", .text)
                t.column("classification", .text)
            }
            try child("genePanel") { t in
                t.column("date", .text).notNull(); t.column("assay", .text).notNull(); t.column("tissue", .text)
                t.column("genes", .text).notNull()
            }
            try child("mrdResult") { t in
                t.column("date", .text).notNull(); t.column("marker", .text).notNull(); t.column("method", .text).notNull()
                t.column("tissue", .text).notNull(); t.column("detected", .boolean).notNull(); t.column("value", .double)
                t.column("sensitivity", .double); t.column("controlCopies", .double)
            }
            try child("lab") { t in
                t.column("date", .text).notNull(); t.column("test", .text).notNull(); t.column("value", .double).notNull()
                t.column("unit", .text).notNull()
            }
            try child("performanceStatus") { t in t.column("date", .text).notNull(); t.column("ecog", .integer).notNull() }
            try child("therapy") { t in
                t.column("start", .text).notNull(); t.column("end", .text); t.column("regimen", .text).notNull()
                t.column("agents", .text).notNull(); t.column("intent", .text).notNull(); t.column("line", .integer)
                t.column("response", .text)
            }
            try child("transplant") { t in
                t.column("date", .text).notNull(); t.column("type", .text).notNull(); t.column("donor", .text)
                t.column("gvhd", .text)
            }
            try child("familyHistory") { t in
                t.column("relation", .text).notNull(); t.column("condition", .text).notNull()
                t.column("ageAtDiagnosis", .integer)
            }
            try child("clinicalFeature") { t in t.column("tag", .text).notNull() }
            try child("comorbidity") { t in t.column("tag", .text).notNull() }
            try child("followUp") { t in
                t.column("taskId", .text); t.column("due", .text).notNull(); t.column("kind", .text).notNull()
                t.column("note", .text); t.column("done", .text); t.column("doneFlag", .boolean).notNull()
            }
            // Indexes for screens and trial matching.
            try db.create(index: "variant_gene", on: "variant", columns: ["gene"])
            try db.create(index: "fusion_name", on: "fusion", columns: ["name"])
            try db.create(index: "mrdResult_patientId_date", on: "mrdResult", columns: ["patientId", "date"])
            try db.create(index: "lab_test", on: "lab", columns: ["test", "patientId", "date"])
            try db.create(index: "clinicalFeature_tag", on: "clinicalFeature", columns: ["tag"])
            try db.create(index: "comorbidity_tag", on: "comorbidity", columns: ["tag"])
            try db.create(index: "followUp_due", on: "followUp", columns: ["due"])
        }
        migrator.registerMigration("v1-catalogue-audit-followup-state") { db in
            // The trial catalogue the database holds: one YAML file per row (parsed by TrialEngine).
            try db.create(table: "trialFile") { t in
                t.primaryKey("path", .text)
                t.column("sha", .text).notNull()
                t.column("yaml", .text).notNull()
            }
            try db.create(table: "auditLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("who", .text).notNull()
                t.column("action", .text).notNull()
                t.column("entity", .text).notNull().indexed()
                t.column("before", .text)
                t.column("after", .text)
            }
            // Completion, rescheduling and notes of follow-up tasks (explicit or generated). Not a foreign
            // key to patient on purpose: re-importing a patient must not erase the nurses' records.
            try db.create(table: "followUpState") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("taskId", .text).notNull()
                t.column("patientId", .text).notNull()
                t.column("done", .text)
                t.column("rescheduledDue", .text)
                t.column("reason", .text)
                t.column("note", .text)
                t.column("who", .text).notNull()
                t.column("at", .text).notNull()
            }
            try db.create(index: "followUpState_patient_task", on: "followUpState", columns: ["patientId", "taskId"])
            try db.create(table: "metadata") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        WorkflowSchema.register(&migrator)
        migrator.registerMigration("v2-match-results", migrate: AppDatabase.migrateMatchResults)
        migrator.registerMigration("v3-match-revisions", migrate: AppDatabase.migrateMatchRevisions)
        InteropSchema.register(&migrator)
        migrator.registerMigration(RiskInputSchema.name, migrate: RiskInputSchema.migrate)
        migrator.registerMigration("v4-patient-outcome", migrate: AppDatabase.migratePatientOutcome)
        migrator.registerMigration("v4-comorbidities-reviewed-fusion-panels", migrate: AppDatabase.migrateFusionPanels)
        HardeningSchema.register(&migrator)
        AuditChain.register(&migrator)
        BoardRecordPseudonyms.register(&migrator)
        migrator.registerMigration("v13-match-packed", migrate: MatchPacked.migrate)
        migrator.registerMigration(CaseSortKeyStore.migrationName, migrate: CaseSortKeyStore.migrate)
        return migrator
    }
}
