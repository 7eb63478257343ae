import CaseModel
import Foundation
import GRDB
import GRDBSQLite

/// The load path of every patient read (issue #16: at most 2× reading the same rows through the SQLite C API).
/// Same tables, columns, order and checks as `PatientRows.load` (which stays as the reference the tests compare
/// with), but each table is one prepared statement stepped through the C API and read column by column straight
/// into the model: no `Row`, no per-row dictionary, no JSON. A child row finds its patient by comparing the id
/// bytes with the previous row's (rows of one patient are consecutive), so an id String is made once per patient.
enum PatientColumnLoad {
    static let patientSQL = "SELECT id, mrn, family, given, sex, birthDate, site, comorbiditiesReviewed FROM patient p"

    /// The child tables and the columns read from each (after `patientId`), in load order.
    static let childTables: [(table: String, columns: [String])] = [
        ("diagnosis", ["date", "category", "who2022", "icc2022", "icd10", "oncotree", "blastsBM", "blastsPB", "therapyRelated", "postMDS", "postMPN"]),
        ("diseaseStatus", ["date", "status"]),
        ("karyotype", ["date", "tissue", "iscn", "abnormalities"]),
        ("fusion", ["date", "name", "method"]),
        ("variant", ["gene", "date", "hgvsc", "hgvsp", "consequence", "domain", "vaf", "origin", "tissue", "classification"]),
        ("genePanel", ["date", "assay", "tissue", "genes", "copyNumber"]),
        ("mrdResult", ["date", "marker", "method", "tissue", "detected", "value", "sensitivity", "controlCopies"]),
        ("lab", ["date", "test", "value", "unit"]),
        ("performanceStatus", ["date", "ecog"]),
        ("therapy", ["start", "end", "regimen", "agents", "intent", "line", "response"]),
        ("transplant", ["date", "type", "donor", "gvhd"]),
        ("familyHistory", ["relation", "condition", "ageAtDiagnosis"]),
        ("clinicalFeature", ["tag"]),
        ("comorbidity", ["tag"]),
        ("fusionPanel", ["date", "assay", "tissue", "genes"]),
        ("followUp", ["taskId", "due", "kind", "note", "done", "doneFlag"]),
        ("copyNumber", ["date", "gene", "call", "detail", "method"]),
        ("finding", ["date", "kind", "number", "flag"]),
        (AppDatabase.outcomeTable, ["vitalStatus", "lastContact", "deathDate", "deathCause"]),
    ]

    /// SELECT of one child table: the full load scans in rowid order (each patient's rows are inserted together,
    /// in seq order); a filtered load walks the (patientId, seq) index.
    static func childSQL(_ table: String, _ columns: [String], whereClause: String) -> String {
        let cols = columns.map { $0 == "end" ? "\"end\"" : $0 }.joined(separator: ", ")
        let filter = whereClause.isEmpty ? "" : "WHERE patientId IN (SELECT id FROM patient p \(whereClause))"
        return "SELECT patientId, \(cols) FROM \(table) \(filter) ORDER BY \(whereClause.isEmpty ? "id" : "patientId, seq")"
    }

    /// Steps `sql` to the end, calling `body` on each row.
    static func each(_ db: Database, _ sql: String, _ arguments: StatementArguments, table: String, columns: [String],
                     _ body: (ColumnReader) throws -> Void) throws {
        // Cached per connection: a case read by id compiles its sixteen statements once, not on every read (GRDB's
        // statement authorizer runs for every column of every statement compiled: 8 % of the first frame).
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        // Kept alive until the stepping is over (an uncached Statement finalizes its sqlite3_stmt when released, and
        // Swift may release it after its last use, not at the end of the scope).
        try withExtendedLifetime(statement) {
            let st = statement.sqliteStatement
            defer { sqlite3_reset(st) }
            let reader = ColumnReader(statement: st, table: table, columns: columns)
            while true {
                let rc = sqlite3_step(st)
                if rc == SQLITE_DONE { return }
                guard rc == SQLITE_ROW else {
                    let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) } ?? "code \(rc)"
                    throw StoreError.unusable(path: table, reason: message)
                }
                try body(reader)
            }
        }
    }

    static func load(_ db: Database, whereClause: String = "", arguments: StatementArguments = []) throws -> [Patient] {
        var patients: [Patient] = []
        var index: [String: Int] = [:]
        let patientColumns = ["id", "mrn", "family", "given", "sex", "birthDate", "site", "comorbiditiesReviewed"]
        try each(db, "\(patientSQL) \(whereClause) ORDER BY id", arguments, table: "patient", columns: patientColumns) { c in
            let id = try c.text(0)
            let mrn = c.optionalText(1), family = c.optionalText(2), given = c.optionalText(3)
            let identity = (mrn == nil && family == nil && given == nil) ? nil : Identity(mrn: mrn, family: family, given: given)
            index[id] = patients.count
            var p = Patient(id: id, identity: identity, sex: try c.enumValue(4), birthDate: try c.optionalDate(5),
                            site: c.optionalText(6), diagnoses: [])
            p.comorbiditiesReviewed = try c.optionalDate(7)
            patients.append(p)
        }
        if patients.isEmpty { return [] }
        let args = whereClause.isEmpty ? [] : arguments
        func child(_ k: Int, _ body: (inout Patient, ColumnReader) throws -> Void) throws {
            let (table, columns) = childTables[k]
            var lastId: [UInt8] = [], lastIndex = -1
            try each(db, childSQL(table, columns, whereClause: whereClause), args, table: table, columns: ["patientId"] + columns) { c in
                if lastIndex < 0 || !c.equals(0, lastId) {
                    let pid = try c.text(0)
                    lastId = c.bytes(0)
                    lastIndex = index[pid] ?? -1
                }
                if lastIndex >= 0 { try body(&patients[lastIndex], c) }
            }
        }
        try child(0) { p, c in
            p.diagnoses.append(Diagnosis(date: try c.date(1), category: try c.enumValue(2), who2022: c.optionalText(3),
                                         icc2022: c.optionalText(4), icd10: c.optionalText(5), oncotree: c.optionalText(6),
                                         blastsBM: c.optionalDouble(7), blastsPB: c.optionalDouble(8), therapyRelated: c.optionalBool(9),
                                         postMDS: c.optionalBool(10), postMPN: c.optionalBool(11)))
        }
        try child(1) { p, c in p.diseaseStatus.append(DiseaseStatusEntry(date: try c.date(1), status: try c.enumValue(2))) }
        try child(2) { p, c in
            p.karyotypes.append(Karyotype(date: try c.date(1), tissue: try c.enumValue(2), iscn: c.optionalText(3), abnormalities: try c.list(4)))
        }
        try child(3) { p, c in p.fusions.append(Fusion(date: try c.date(1), name: try c.text(2), method: c.optionalText(3))) }
        try child(4) { p, c in
            p.variants.append(Variant(gene: try c.text(1), date: try c.date(2), hgvsc: c.optionalText(3), hgvsp: c.optionalText(4),
                                      consequence: try c.optionalEnum(5), domain: c.optionalText(6), vaf: c.optionalDouble(7),
                                      origin: try c.enumValue(8), tissue: try c.optionalEnum(9), classification: try c.optionalEnum(10)))
        }
        try child(5) { p, c in
            p.testedGenes.append(GenePanel(date: try c.date(1), assay: try c.text(2), tissue: try c.optionalEnum(3), genes: try c.list(4),
                                           copyNumber: c.optionalBool(5)))
        }
        try child(6) { p, c in
            p.mrd.append(MRDResult(date: try c.date(1), marker: try c.text(2), method: try c.enumValue(3), tissue: try c.enumValue(4),
                                   detected: try c.bool(5), value: c.optionalDouble(6), sensitivity: c.optionalDouble(7),
                                   controlCopies: c.optionalDouble(8)))
        }
        try child(7) { p, c in p.labs.append(LabResult(date: try c.date(1), test: try c.text(2), value: try c.double(3), unit: try c.text(4))) }
        try child(8) { p, c in p.performanceStatus.append(PerformanceStatus(date: try c.date(1), ecog: try c.int(2))) }
        try child(9) { p, c in
            p.therapies.append(Therapy(start: try c.date(1), end: try c.optionalDate(2), regimen: try c.text(3), agents: try c.list(4),
                                       intent: try c.enumValue(5), line: c.optionalInt(6), response: c.optionalText(7)))
        }
        try child(10) { p, c in
            p.transplants.append(Transplant(date: try c.date(1), type: try c.enumValue(2), donor: c.optionalText(3), gvhd: try c.optionalEnum(4)))
        }
        try child(11) { p, c in
            p.familyHistory.append(FamilyHistoryEntry(relation: try c.enumValue(1), condition: try c.text(2), ageAtDiagnosis: c.optionalInt(3)))
        }
        try child(12) { p, c in p.clinicalFeatures.append(try c.text(1)) }
        try child(13) { p, c in p.comorbidities.append(try c.text(1)) }
        try child(14) { p, c in
            p.testedFusions.append(FusionPanel(date: try c.date(1), assay: try c.text(2), tissue: try c.optionalEnum(3), genes: try c.list(4)))
        }
        try child(15) { p, c in
            p.followUps.append(FollowUp(id: c.optionalText(1), due: try c.date(2), kind: try c.text(3), note: c.optionalText(4),
                                        done: try c.optionalDate(5), doneFlag: try c.bool(6)))
        }
        try child(16) { p, c in
            p.copyNumber.append(CopyNumberFinding(date: try c.date(1), gene: try c.text(2), call: try c.enumValue(3),
                                                  detail: c.optionalText(4), method: c.optionalText(5)))
        }
        try child(17) { p, c in
            let value: ClinicalFinding.Value
            if let n = c.optionalDouble(3) { value = .number(n) } else if let f = c.optionalBool(4) { value = .flag(f) } else {
                throw StoreError.corrupt(table: "finding", column: "number", value: "neither a number nor a flag")
            }
            p.findings.append(ClinicalFinding(date: try c.date(1), kind: try c.text(2), value: value))
        }
        try child(18) { p, c in
            p.vitalStatus = try c.enumValue(1)
            p.lastContact = try c.optionalDate(2)
            p.death = try c.optionalDate(3).map { Death(date: $0, cause: try c.optionalEnum(4)) }
        }
        return patients
    }

    /// The floor `caseboard bench` compares the load with (`loadBaselineSeconds`): the same SELECTs over the same
    /// rows, stepped through the C API, every column's value read (text bytes, integer, real), nothing built.
    /// Returns the rows read and a checksum of the values (so that nothing is optimised away).
    static func readBaseline(_ db: Database) throws -> (rows: Int, checksum: Int) {
        var rows = 0, sum = 0
        var sqls = ["\(patientSQL) ORDER BY id"]
        var widths = [8]
        for (t, cols) in childTables { sqls.append(childSQL(t, cols, whereClause: "")); widths.append(cols.count + 1) }
        for (sql, width) in zip(sqls, widths) {
            try each(db, sql, [], table: "baseline", columns: []) { c in
                rows += 1
                for i in 0..<Int32(width) {
                    switch sqlite3_column_type(c.statement, i) {
                    case SQLITE_INTEGER: sum &+= Int(sqlite3_column_int64(c.statement, i))
                    case SQLITE_FLOAT: sum &+= Int(sqlite3_column_double(c.statement, i).bitPattern & 0xFF)
                    case SQLITE_TEXT, SQLITE_BLOB:
                        if let p = sqlite3_column_text(c.statement, i) { sum &+= Int(p[0]) }
                        sum &+= Int(sqlite3_column_bytes(c.statement, i))
                    default: break
                    }
                }
            }
        }
        return (rows, sum)
    }
}

extension AppDatabase {
    /// `caseboard bench`'s load baseline: every row `patients()` reads, read through the SQLite C API (rows, checksum).
    public func readPatientRowsBaseline() throws -> (rows: Int, checksum: Int) { try read { try PatientColumnLoad.readBaseline($0) } }

    /// Every patient through the reference row-by-row loader (tests compare it with `patients()`).
    public func patientsThroughRows() throws -> [Patient] { try read { try PatientRows.load($0) } }
}
