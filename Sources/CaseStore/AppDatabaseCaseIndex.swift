import CaseModel
import Foundation
import GRDB

extension AppDatabase {
    /// The case list's light index: one SELECT over the patient table's listing columns (no child
    /// table is read), ordered by id. Names, initials and MRN follow `Patient.displayName`/`initials`.
    /// `status` is the newest recorded disease status (the listing column kept by every import).
    public func caseIndex() throws -> [CaseIndexEntry] {
        try read { db in
            // The search terms of `CaseSearch.clinicalTerms`, from three child tables (one pass each, in the
            // order the case's own arrays hold them).
            var terms: [String: [String]] = [:]
            let dx = try Row.fetchCursor(db, sql: "SELECT patientId, category, who2022, icc2022, oncotree, icd10 FROM diagnosis ORDER BY patientId, seq")
            while let r = try dx.next() {
                let id: String = r[0]
                for i in 1...5 { if let t: String = r[i] { terms[id, default: []].append(t) } }
            }
            for table in ["variant": "gene", "fusion": "name"].sorted(by: { $0.key > $1.key }) {
                let c = try Row.fetchCursor(db, sql: "SELECT patientId, \(table.value) FROM \(table.key) ORDER BY patientId, seq")
                while let r = try c.next() { terms[r[0] as String, default: []].append(r[1]) }
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, mrn, family, given, birthDate, site, category, who2022, latestStatus FROM patient ORDER BY id
                """)
            var out: [CaseIndexEntry] = []
            while let r = try rows.next() {
                let id: String = r[0]
                let mrn: String? = r[1], family: String? = r[2], given: String? = r[3]
                let birthText: String? = r[4]  // NULL: not recorded
                let birth = birthText.flatMap(LocalDate.init)
                if let t = birthText, birth == nil { throw StoreError.corrupt(table: "patient", column: "birthDate", value: t) }
                let hasIdentity = mrn != nil || family != nil || given != nil
                let nameParts = [family?.uppercased(), given].compactMap { $0 }
                let name = hasIdentity && !nameParts.isEmpty ? nameParts.joined(separator: " ") : nil
                let initials: String
                if hasIdentity, let g = given?.first, let f = family?.first { initials = "\(g).\(f)." } else { initials = id }
                let categoryText: String? = r[6], statusText: String? = r[8]
                let site: String? = r[5]
                let identity = [mrn, family, given, name].compactMap { $0 }
                out.append(CaseIndexEntry(id: id, name: name, initials: initials, mrn: mrn, birthDate: birth, site: site,
                                          category: categoryText.flatMap(DiagnosisCategory.init(rawValue:)), who2022: r[7],
                                          status: statusText.flatMap(DiseaseStatus.init(rawValue:)),
                                          searchTerms: [id] + (site.map { [$0] } ?? []) + (terms[id] ?? []),
                                          identityTerms: identity))
            }
            return out
        }
    }
}
