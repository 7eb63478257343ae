import GRDB

/// Schema of stored match results and the indexes trial matching in SQL needs (migration "v2-match-results").
extension AppDatabase {
    static func migrateMatchResults(_ db: Database) throws {
        // One row per patient × trial arm: the verdict and every criterion's result (2 bits each, little-endian
        // UInt32 words: 1 met, 2 not met, 3 unknown), enough to list what failed and what to obtain and to
        // re-explain on demand.
        try db.create(table: "matchResult") { t in
            t.column("patientId", .text).notNull().references("patient", onDelete: .cascade)
            t.column("trialId", .text).notNull()
            t.column("armId", .text).notNull()
            t.column("verdict", .text).notNull()
            t.column("codes", .blob).notNull()
            t.primaryKey(["patientId", "trialId", "armId"])
        }
        try db.create(index: "matchResult_trial_verdict", on: "matchResult", columns: ["trialId", "armId", "verdict"])
        // Fingerprints the stored rows were computed from.
        try db.create(table: "matchPatientState") { t in
            t.primaryKey("patientId", .text).references("patient", onDelete: .cascade)
            t.column("fingerprint", .integer).notNull()
            t.column("today", .text).notNull()
        }
        try db.create(table: "matchTrialState") { t in
            t.primaryKey("trialId", .text)
            t.column("fingerprint", .integer).notNull()
        }
        // What an expert adds for "latest X per patient" and "patient has Y" queries.
        try db.execute(sql: """
            CREATE INDEX diseaseStatus_patient_date ON diseaseStatus(patientId, date, seq);
            CREATE INDEX karyotype_patient_date ON karyotype(patientId, date, seq);
            CREATE INDEX performanceStatus_patient_date ON performanceStatus(patientId, date, seq);
            CREATE INDEX lab_patient_test_date ON lab(patientId, test COLLATE NOCASE, date, seq);
            CREATE INDEX variant_patient_gene ON variant(patientId, gene, date);
            CREATE INDEX therapy_patient_start ON therapy(patientId, start);
            CREATE INDEX transplant_patient_date ON transplant(patientId, date);
            CREATE INDEX genePanel_patient_date ON genePanel(patientId, date);
            CREATE INDEX fusion_patient_date ON fusion(patientId, date);
            CREATE INDEX comorbidity_patient_tag ON comorbidity(patientId, tag);
            CREATE INDEX clinicalFeature_patient_tag ON clinicalFeature(patientId, tag);
            """)
    }
}
