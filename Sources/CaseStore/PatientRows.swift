import CaseModel
import Foundation
import GRDB

/// Maps `Patient` values to and from the normalised tables. Writes use cached prepared statements
/// (bulk import and demo generation); reads load each table with one query (no N+1).
enum PatientRows {
    /// Separator of list-valued columns (gene lists, agents, karyotype tokens): ASCII unit separator.
    static let listSeparator: Character = "\u{1F}"

    static func joinList(_ list: [String]) -> String { list.joined(separator: String(listSeparator)) }
    static func splitList(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: listSeparator, omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: writing

    /// `YYYY-MM-DD` without `String(format:)` (which dominates bulk writes on Linux).
    static func text(_ d: LocalDate) -> String {
        let c = d.components
        var bytes = [UInt8](repeating: 48, count: 10)
        var y = c.year
        for i in (0..<4).reversed() { bytes[i] = UInt8(48 + y % 10); y /= 10 }
        bytes[4] = 45; bytes[5] = UInt8(48 + c.month / 10); bytes[6] = UInt8(48 + c.month % 10)
        bytes[7] = 45; bytes[8] = UInt8(48 + c.day / 10); bytes[9] = UInt8(48 + c.day % 10)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// INSERT statements per table, built once (the bulk path must not rebuild SQL text per row).
    nonisolated(unsafe) private static var sqlCache: [String: String] = [:]
    private static let sqlLock = NSLock()

    static func insertSQL(_ table: String, _ columns: [String]) -> String {
        sqlLock.lock(); defer { sqlLock.unlock() }
        let key = "\(table):\(columns.count)"
        if let s = sqlCache[key] { return s }
        let cols = (["patientId", "seq"] + columns).map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count + 2).joined(separator: ",")
        let s = "INSERT INTO \(table) (\(cols)) VALUES (\(marks))"
        sqlCache[key] = s
        return s
    }

    /// Deletes the patients with these ids (child rows cascade).
    static func delete(ids: [String], _ db: Database) throws {
        let st = try db.cachedStatement(sql: "DELETE FROM patient WHERE id = ?")
        for id in ids { try st.execute(arguments: [id]) }
    }

    static func insert(_ p: Patient, _ db: Database) throws {
        let dx = p.diagnosis
        try db.cachedStatement(sql: """
            INSERT INTO patient (id, mrn, family, given, sex, birthDate, site, category, diseaseGroup, diagnosisDate, who2022, latestStatus)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
            """).execute(arguments: [
                p.id, p.identity?.mrn, p.identity?.family, p.identity?.given, p.sex.rawValue, p.birthDate.map(text),
                p.site, dx?.category.rawValue, dx?.category.group.rawValue, dx.map { text($0.date) }, dx?.who2022,
                p.diseaseStatus.max { $0.date < $1.date }?.status.rawValue,
            ])
        // Migration v4's column, written only when set (a database being upgraded has no such column yet).
        if let r = p.comorbiditiesReviewed {
            try db.cachedStatement(sql: "UPDATE patient SET comorbiditiesReviewed = ? WHERE id = ?").execute(arguments: [text(r), p.id])
        }
        func rows<T>(_ table: String, _ columns: [String], _ items: [T], _ values: (T) -> [(any DatabaseValueConvertible)?]) throws {
            if items.isEmpty { return }
            let st = try db.cachedStatement(sql: insertSQL(table, columns))
            for (i, item) in items.enumerated() {
                var args: [(any DatabaseValueConvertible)?] = [p.id, i]
                args += values(item)
                st.setUncheckedArguments(StatementArguments(args))
                try st.execute()
            }
        }
        try rows("diagnosis", ["date", "category", "who2022", "icc2022", "icd10", "oncotree", "blastsBM", "blastsPB",
                               "therapyRelated", "postMDS", "postMPN"], p.diagnoses) {
            [text($0.date), $0.category.rawValue, $0.who2022, $0.icc2022, $0.icd10, $0.oncotree, $0.blastsBM,
             $0.blastsPB, $0.therapyRelated, $0.postMDS, $0.postMPN]
        }
        try rows("diseaseStatus", ["date", "status"], p.diseaseStatus) { [text($0.date), $0.status.rawValue] }
        try rows("karyotype", ["date", "tissue", "iscn", "abnormalities"], p.karyotypes) {
            [text($0.date), $0.tissue.rawValue, $0.iscn, joinList($0.abnormalities)]
        }
        try rows("fusion", ["date", "name", "method"], p.fusions) { [text($0.date), $0.name, $0.method] }
        try rows("variant", ["gene", "date", "hgvsc", "hgvsp", "consequence", "domain", "vaf", "origin", "tissue",
                             "classification"], p.variants) {
            [$0.gene, text($0.date), $0.hgvsc, $0.hgvsp, $0.consequence?.rawValue, $0.domain, $0.vaf,
             $0.origin.rawValue, $0.tissue?.rawValue, $0.classification?.rawValue]
        }
        // `copyNumber` (migration v4-risk-inputs) is written only when a panel states it, so a patient without it
        // writes exactly the v1 columns.
        if p.testedGenes.contains(where: { $0.copyNumber != nil }) {
            try rows("genePanel", ["date", "assay", "tissue", "genes", "copyNumber"], p.testedGenes) {
                [text($0.date), $0.assay, $0.tissue?.rawValue, joinList($0.genes), $0.copyNumber]
            }
        } else {
            try rows("genePanel", ["date", "assay", "tissue", "genes"], p.testedGenes) {
                [text($0.date), $0.assay, $0.tissue?.rawValue, joinList($0.genes)]
            }
        }
        try rows("mrdResult", ["date", "marker", "method", "tissue", "detected", "value", "sensitivity", "controlCopies"], p.mrd) {
            [text($0.date), $0.marker, $0.method.rawValue, $0.tissue.rawValue, $0.detected, $0.value,
             $0.sensitivity, $0.controlCopies]
        }
        try rows("lab", ["date", "test", "value", "unit"], p.labs) { [text($0.date), $0.test, $0.value, $0.unit] }
        try rows("performanceStatus", ["date", "ecog"], p.performanceStatus) { [text($0.date), $0.ecog] }
        try rows("therapy", ["start", "end", "regimen", "agents", "intent", "line", "response"], p.therapies) {
            [text($0.start), $0.end.map(text), $0.regimen, joinList($0.agents), $0.intent.rawValue, $0.line,
             $0.response]
        }
        try rows("transplant", ["date", "type", "donor", "gvhd"], p.transplants) {
            [text($0.date), $0.type.rawValue, $0.donor, $0.gvhd?.rawValue]
        }
        try rows("familyHistory", ["relation", "condition", "ageAtDiagnosis"], p.familyHistory) {
            [$0.relation.rawValue, $0.condition, $0.ageAtDiagnosis]
        }
        try rows("clinicalFeature", ["tag"], p.clinicalFeatures) { [$0] }
        try rows("comorbidity", ["tag"], p.comorbidities) { [$0] }
        try rows("fusionPanel", ["date", "assay", "tissue", "genes"], p.testedFusions) {
            [text($0.date), $0.assay, $0.tissue?.rawValue, joinList($0.genes)]
        }
        try rows("followUp", ["taskId", "due", "kind", "note", "done", "doneFlag"], p.followUps) {
            [AppDatabase.taskID(patientId: p.id, followUp: $0), text($0.due), $0.kind, $0.note, $0.done.map(text), $0.doneFlag]
        }
        // Risk-score inputs (migration v4-risk-inputs).
        try rows("copyNumber", ["date", "gene", "call", "detail", "method"], p.copyNumber) {
            [text($0.date), $0.gene, $0.call.rawValue, $0.detail, $0.method]
        }
        try rows("finding", ["date", "kind", "number", "flag"], p.findings) {
            [text($0.date), $0.kind, $0.value.number, $0.value.flag]
        }
        let hasOutcome = p.vitalStatus != .unknown || p.lastContact != nil || p.death != nil
        try rows(AppDatabase.outcomeTable, ["vitalStatus", "lastContact", "deathDate", "deathCause"], hasOutcome ? [p] : []) {
            [$0.vitalStatus.rawValue, $0.lastContact.map(text), $0.death.map { text($0.date) }, $0.death?.cause?.rawValue]
        }
    }

    // MARK: reading

    /// Loads the patients selected by `whereClause` (on table `patient`, aliased `p`), ordered by id,
    /// with every child table loaded by one query each.
    static func load(_ db: Database, whereClause: String = "", arguments: StatementArguments = []) throws -> [Patient] {
        var patients: [Patient] = []
        var index: [String: Int] = [:]
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, mrn, family, given, sex, birthDate, site, comorbiditiesReviewed FROM patient p \(whereClause) ORDER BY id
            """, arguments: arguments)
        while let r = try cursor.next() {
            let id: String = r[0]
            let mrn: String? = r[1], family: String? = r[2], given: String? = r[3]
            let identity = (mrn == nil && family == nil && given == nil) ? nil : Identity(mrn: mrn, family: family, given: given)
            index[id] = patients.count
            patients.append(Patient(id: id, identity: identity, sex: try enumValue(r[4], "patient", "sex"),
                                    birthDate: try (r[5] as String?).map { try date($0, "patient", "birthDate") }, site: r[6], diagnoses: []))
            if let reviewed: String = r[7] { patients[patients.count - 1].comorbiditiesReviewed = try date(reviewed, "patient", "comorbiditiesReviewed") }
        }
        if patients.isEmpty { return [] }
        let filter = whereClause.isEmpty ? "" : "WHERE patientId IN (SELECT id FROM patient p \(whereClause))"
        func each(_ table: String, _ columns: String, _ body: (inout Patient, Row) throws -> Void) throws {
            // A full load scans in rowid order (each patient's rows are inserted together, in seq order);
            // a filtered load walks the (patientId, seq) index.
            let order = whereClause.isEmpty ? "id" : "patientId, seq"
            let c = try Row.fetchCursor(db, sql: "SELECT patientId, \(columns) FROM \(table) \(filter) ORDER BY \(order)",
                                        arguments: whereClause.isEmpty ? [] : arguments)
            var lastId = "", lastIndex = -1
            while let r = try c.next() {
                let pid: String = r[0]
                if pid != lastId {
                    guard let i = index[pid] else { continue }
                    lastId = pid; lastIndex = i
                }
                try body(&patients[lastIndex], r)
            }
        }
        try each("diagnosis", "date, category, who2022, icc2022, icd10, oncotree, blastsBM, blastsPB, therapyRelated, postMDS, postMPN") { p, r in
            p.diagnoses.append(Diagnosis(date: try date(r[1], "diagnosis", "date"), category: try enumValue(r[2], "diagnosis", "category"),
                                         who2022: r[3], icc2022: r[4], icd10: r[5], oncotree: r[6], blastsBM: r[7], blastsPB: r[8],
                                         therapyRelated: r[9], postMDS: r[10], postMPN: r[11]))
        }
        try each("diseaseStatus", "date, status") { p, r in
            p.diseaseStatus.append(DiseaseStatusEntry(date: try date(r[1], "diseaseStatus", "date"),
                                                      status: try enumValue(r[2], "diseaseStatus", "status")))
        }
        try each("karyotype", "date, tissue, iscn, abnormalities") { p, r in
            p.karyotypes.append(Karyotype(date: try date(r[1], "karyotype", "date"), tissue: try enumValue(r[2], "karyotype", "tissue"),
                                          iscn: r[3], abnormalities: splitList(r[4])))
        }
        try each("fusion", "date, name, method") { p, r in
            p.fusions.append(Fusion(date: try date(r[1], "fusion", "date"), name: r[2], method: r[3]))
        }
        try each("variant", "gene, date, hgvsc, hgvsp, consequence, domain, vaf, origin, tissue, classification") { p, r in
            p.variants.append(Variant(gene: r[1], date: try date(r[2], "variant", "date"), hgvsc: r[3], hgvsp: r[4],
                                      consequence: try optionalEnum(r[5], "variant", "consequence"), domain: r[6], vaf: r[7],
                                      origin: try enumValue(r[8], "variant", "origin"), tissue: try optionalEnum(r[9], "variant", "tissue"),
                                      classification: try optionalEnum(r[10], "variant", "classification")))
        }
        try each("genePanel", "date, assay, tissue, genes, copyNumber") { p, r in
            p.testedGenes.append(GenePanel(date: try date(r[1], "genePanel", "date"), assay: r[2],
                                           tissue: try optionalEnum(r[3], "genePanel", "tissue"), genes: splitList(r[4]),
                                           copyNumber: r[5]))
        }
        try each("mrdResult", "date, marker, method, tissue, detected, value, sensitivity, controlCopies") { p, r in
            p.mrd.append(MRDResult(date: try date(r[1], "mrdResult", "date"), marker: r[2], method: try enumValue(r[3], "mrdResult", "method"),
                                   tissue: try enumValue(r[4], "mrdResult", "tissue"), detected: r[5], value: r[6],
                                   sensitivity: r[7], controlCopies: r[8]))
        }
        try each("lab", "date, test, value, unit") { p, r in
            p.labs.append(LabResult(date: try date(r[1], "lab", "date"), test: r[2], value: r[3], unit: r[4]))
        }
        try each("performanceStatus", "date, ecog") { p, r in
            p.performanceStatus.append(PerformanceStatus(date: try date(r[1], "performanceStatus", "date"), ecog: r[2]))
        }
        try each("therapy", "start, \"end\", regimen, agents, intent, line, response") { p, r in
            let end: String? = r[2]
            p.therapies.append(Therapy(start: try date(r[1], "therapy", "start"), end: try end.map { try date($0, "therapy", "end") },
                                       regimen: r[3], agents: splitList(r[4]), intent: try enumValue(r[5], "therapy", "intent"),
                                       line: r[6], response: r[7]))
        }
        try each("transplant", "date, type, donor, gvhd") { p, r in
            p.transplants.append(Transplant(date: try date(r[1], "transplant", "date"), type: try enumValue(r[2], "transplant", "type"),
                                            donor: r[3], gvhd: try optionalEnum(r[4], "transplant", "gvhd")))
        }
        try each("familyHistory", "relation, condition, ageAtDiagnosis") { p, r in
            p.familyHistory.append(FamilyHistoryEntry(relation: try enumValue(r[1], "familyHistory", "relation"), condition: r[2],
                                                      ageAtDiagnosis: r[3]))
        }
        try each("clinicalFeature", "tag") { p, r in p.clinicalFeatures.append(r[1]) }
        try each("comorbidity", "tag") { p, r in p.comorbidities.append(r[1]) }
        try each("fusionPanel", "date, assay, tissue, genes") { p, r in
            p.testedFusions.append(FusionPanel(date: try date(r[1], "fusionPanel", "date"), assay: r[2],
                                               tissue: try optionalEnum(r[3], "fusionPanel", "tissue"), genes: splitList(r[4])))
        }
        try each("followUp", "taskId, due, kind, note, done, doneFlag") { p, r in
            let done: String? = r[5]
            p.followUps.append(FollowUp(id: r[1], due: try date(r[2], "followUp", "due"), kind: r[3], note: r[4],
                                        done: try done.map { try date($0, "followUp", "done") }, doneFlag: r[6]))
        }
        try each("copyNumber", "date, gene, call, detail, method") { p, r in
            p.copyNumber.append(CopyNumberFinding(date: try date(r[1], "copyNumber", "date"), gene: r[2],
                                                  call: try enumValue(r[3], "copyNumber", "call"), detail: r[4], method: r[5]))
        }
        try each("finding", "date, kind, number, flag") { p, r in
            let number: Double? = r[3], flag: Bool? = r[4]
            let value: ClinicalFinding.Value
            if let n = number { value = .number(n) } else if let f = flag { value = .flag(f) } else {
                throw StoreError.corrupt(table: "finding", column: "number", value: "neither a number nor a flag")
            }
            p.findings.append(ClinicalFinding(date: try date(r[1], "finding", "date"), kind: r[2], value: value))
        }
        try each(AppDatabase.outcomeTable, "vitalStatus, lastContact, deathDate, deathCause") { p, r in
            let t = AppDatabase.outcomeTable
            let last: String? = r[2], deathDate: String? = r[3]
            p.vitalStatus = try enumValue(r[1], t, "vitalStatus")
            p.lastContact = try last.map { try date($0, t, "lastContact") }
            p.death = try deathDate.map { Death(date: try date($0, t, "deathDate"), cause: try optionalEnum(r[4], t, "deathCause")) }
        }
        return patients
    }

    static func date(_ text: String, _ table: String, _ column: String) throws -> LocalDate {
        guard let d = LocalDate(text) else { throw StoreError.corrupt(table: table, column: column, value: text) }
        return d
    }

    static func enumValue<E: RawRepresentable>(_ text: String, _ table: String, _ column: String) throws -> E where E.RawValue == String {
        guard let v = E(rawValue: text) else { throw StoreError.corrupt(table: table, column: column, value: text) }
        return v
    }

    static func optionalEnum<E: RawRepresentable>(_ text: String?, _ table: String, _ column: String) throws -> E? where E.RawValue == String {
        guard let t = text else { return nil }
        return try enumValue(t, table, column) as E
    }
}
