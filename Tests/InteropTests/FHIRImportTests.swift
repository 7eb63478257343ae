import CaseModel
import CaseStore
import Foundation
@testable import Interop
import XCTest

/// FHIR R4 import against the real documents of ../shared/fixtures/interop/fhir (expected outcomes from that folder's
/// README: Genomics Reporting IG examples, genomics-operations) and hand-made resources for the other mappings.
final class FHIRImportTests: XCTestCase {
    func read(_ files: [String], _ options: FHIRReader.Options = .init()) throws -> FHIRReader {
        var r = FHIRReader(options: options)
        for f in files { r.read(data: try InteropFixtures.data("fhir/" + f), file: f) }
        return r
    }

    func read(json: String, _ options: FHIRReader.Options = .init()) -> FHIRReader {
        var r = FHIRReader(options: options)
        r.read(data: Data(json.utf8), file: "t.json")
        return r
    }

    func variants(_ r: FHIRReader) -> [Variant] { r.contributions.flatMap(\.entries.variants) }

    // README: a patient with no birth date or sex (reported missing, not invented); 12 somatic variants with VAF, e.g.
    // PIK3CA p.H1047R 0.2188, NRAS p.G12C 0.1793, KMT2D p.Q2634Afs*20 0.188, CDKN2A p.A4_P11del 0.0536.
    func testOncologyReportExample() throws {
        let r = try read(["genomics-reporting_Bundle-oncology-report-example.json"])
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.headers.count, 1)
        let h = try XCTUnwrap(r.headers.first)
        XCTAssertEqual(h.id, "11111")
        XCTAssertNil(h.sex); XCTAssertNil(h.birthDate)
        XCTAssertTrue(r.warnings.contains { $0.contains("birth date not recorded") })
        XCTAssertTrue(r.warnings.contains { $0.contains("sex not recorded") })
        let v = variants(r)
        XCTAssertEqual(v.count, 12)
        XCTAssertTrue(v.allSatisfy { $0.origin == .somatic && $0.vaf != nil })
        func vaf(_ g: String, _ p: String) -> Double? { v.first { $0.gene == g && $0.hgvsp == p }?.vaf }
        XCTAssertEqual(vaf("PIK3CA", "p.H1047R"), 0.2188)
        XCTAssertEqual(vaf("NRAS", "p.G12C"), 0.1793)
        XCTAssertEqual(vaf("KMT2D", "p.Q2634Afs*20"), 0.188)
        XCTAssertEqual(vaf("CDKN2A", "p.A4_P11del"), 0.0536)
        // The report's issued date reaches its results; the transcript is kept in the c. HGVS.
        XCTAssertTrue(v.allSatisfy { $0.date == LocalDate("2019-09-15") })
        XCTAssertEqual(v.first { $0.gene == "NRAS" }?.hgvsc, "NM_002524.4:c.34G>T")
        XCTAssertEqual(v.first { $0.gene == "KMT2D" }?.consequence, .frameshift)
        XCTAssertTrue(r.warnings.contains { $0.contains("variant component 62374-4") }, "unmapped components are named")
    }

    // README: transaction Bundle, urn:uuid references; patient male, born 1962-12-31; JAK2 p.Val617Phe, KDR p.Gln472His,
    // ERBB4 (no p.HGVS), all germline as written, gene as a bare symbol, no VAF (unknown, not zero); report → groupers → variants.
    func testOncologyExamplesR4() throws {
        let noDate = try read(["genomics-reporting_Bundle-oncologyexamples-r4.json"])
        XCTAssertEqual(noDate.problems.count, 3, "three variants without any date: located, not invented")
        XCTAssertTrue(noDate.problems.allSatisfy { $0.description.contains("give --date") })
        let r = try read(["genomics-reporting_Bundle-oncologyexamples-r4.json"], .init(date: LocalDate("2026-11-01")))
        XCTAssertEqual(r.problems, [])
        let h = try XCTUnwrap(r.headers.first)
        XCTAssertEqual(h.id, "1007"); XCTAssertEqual(h.sex, .male); XCTAssertEqual(h.birthDate, LocalDate("1962-12-31"))
        let v = variants(r)
        XCTAssertEqual(v.map(\.gene), ["JAK2", "KDR", "ERBB4"])
        XCTAssertEqual(v.map(\.hgvsp), ["p.Val617Phe", "p.Gln472His", nil])
        XCTAssertTrue(v.allSatisfy { $0.origin == .germline && $0.vaf == nil })
        XCTAssertEqual(v.first?.consequence, .missense)
        XCTAssertTrue(r.warnings.contains { $0.contains("therapeutic-implication") }, "implications named as not mapped")
    }

    // README: one Observation without a subject: AR p.(Ala412Val), somatic, VAF 0.44.
    func testObservationWithoutSubject() throws {
        let bare = try read(["genomics-reporting_Observation-SNVexample.json"], .init(date: LocalDate("2026-11-01")))
        XCTAssertEqual(bare.problems.map(\.description), ["genomics-reporting_Observation-SNVexample.json: $.subject: Observation without a subject: give --patient ID"])
        let r = try read(["genomics-reporting_Observation-SNVexample.json"], .init(patient: "P-9", date: LocalDate("2026-11-01")))
        XCTAssertEqual(r.problems, [])
        let v = try XCTUnwrap(variants(r).first)
        XCTAssertEqual(r.contributions.map(\.patientID), ["P-9"])
        XCTAssertEqual(v.gene, "AR"); XCTAssertEqual(v.hgvsp, "p.(Ala412Val)"); XCTAssertEqual(v.origin, .somatic); XCTAssertEqual(v.vaf, 0.44)
    }

    // README: the *.fsh files are FHIR Shorthand (not JSON): refused with a clear message, nothing mapped.
    func testShorthandRefused() throws {
        for f in ["genomics-reporting_HEAD_CGExamples.fsh", "genomics-reporting_HEAD_bundle-oncologyexamples-r4.fsh", "mcode_HEAD_EX_Basic.fsh",
                  "mcode_HEAD_EX_ExtendedExample_Pediatric.fsh", "mcode_HEAD_EX_Genomics.fsh"] {
            let r = try read([f])
            XCTAssertEqual(r.problems.map(\.description), ["\(f): FHIR Shorthand (FSH) is not read: compile it to FHIR JSON first (e.g. with SUSHI)"])
            XCTAssertTrue(r.contributions.isEmpty)
        }
    }

    // README: BRAF p.Val600Glu, no source class, no VAF.
    func testOncologyDiagnostic() throws {
        let r = try read(["genomics-reporting_Bundle-oncology-diagnostic.json"], .init(date: LocalDate("2026-11-01")))
        XCTAssertEqual(r.problems, [])
        let v = variants(r)
        XCTAssertEqual(v.count, 1)
        XCTAssertEqual(v.first?.gene, "BRAF"); XCTAssertEqual(v.first?.hgvsp, "p.Val600Glu")
        XCTAssertEqual(v.first?.origin, .unknown); XCTAssertNil(v.first?.vaf)
    }

    // README: a Parameters resource listing the same germline variant Observation twice: read once. The variant has
    // coordinates only (NC_000001.10:69510:A:G, no gene studied), so it cannot be placed in a case: one warning names it.
    func testParametersDuplicateReadOnce() throws {
        let r = try read(["genomics-operations_find_subject_variants_5.json"])
        XCTAssertEqual(r.problems, [])
        XCTAssertTrue(r.warnings.contains { $0.contains("1 resource listed more than once; read once") }, "\(r.warnings)")
        XCTAssertEqual(r.warnings.filter { $0.contains("variant NC_000001.10:69510:A:G has no gene studied") }.count, 1, "\(r.warnings)")
        XCTAssertTrue(r.contributions.isEmpty)
        // The same Observation with a gene is stored once.
        let text = String(decoding: try InteropFixtures.data("fhir/genomics-operations_find_subject_variants_5.json"), as: UTF8.self)
            .replacingOccurrences(of: #""component": ["#, with: #""component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "OR4F5"}]}}, "#)
        let g = read(json: text, .init(date: LocalDate("2026-11-01")))
        XCTAssertEqual(g.problems, [])
        XCTAssertEqual(variants(g).count, 1)
        XCTAssertEqual(variants(g).first?.origin, .germline)
        XCTAssertEqual(variants(g).first?.vaf, 1.0)
        XCTAssertEqual(g.headers.map(\.id), ["HG00403"])
    }

    static let clinical = #"""
    {"resourceType": "Bundle", "type": "collection", "entry": [
     {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1958-03-04",
       "identifier": [{"system": "urn:other", "value": "X-1"}, {"system": "urn:mrn", "value": "MRN-77"}], "name": [{"family": "Durand", "given": ["Anne"]}]}},
     {"resource": {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"}, "onsetDateTime": "2026-10-02",
       "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "C92.00"}]}}},
     {"resource": {"resourceType": "Condition", "id": "c2", "subject": {"reference": "urn:uuid:p1"}, "recordedDate": "2020-01-01",
       "code": {"coding": [{"system": "http://snomed.info/sct", "code": "44054006", "display": "Diabetes mellitus type 2"}]}}},
     {"resource": {"resourceType": "Observation", "id": "e1", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-10-03",
       "code": {"coding": [{"system": "http://loinc.org", "code": "89247-1"}]}, "valueCodeableConcept": {"coding": [{"code": "LA9623-5"}]}}},
     {"resource": {"resourceType": "Observation", "id": "l1", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-10-03",
       "code": {"coding": [{"system": "http://loinc.org", "code": "751-8"}]}, "valueQuantity": {"value": 0.8, "unit": "10*9/L"}}},
     {"resource": {"resourceType": "Observation", "id": "rs", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-10-04",
       "code": {"coding": [{"system": "http://loinc.org", "code": "53041-0"}], "text": "AML panel"},
       "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "HGNC:3765", "display": "FLT3"}]}},
                     {"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "NPM1"}]}}]}},
     {"resource": {"resourceType": "DiagnosticReport", "id": "r1", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-10-05",
       "result": [{"reference": "Observation/g1"}]}},
     {"resource": {"resourceType": "Observation", "id": "g1", "code": {"coding": [{"code": "grouper"}]}, "hasMember": [{"reference": "Observation/v1"}]}},
     {"resource": {"resourceType": "Observation", "id": "v1", "subject": {"reference": "Patient/p1"},
       "code": {"coding": [{"system": "http://loinc.org", "code": "69548-6"}]},
       "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "npm1"}]}},
                     {"code": {"coding": [{"code": "48005-3"}]}, "valueCodeableConcept": {"coding": [{"code": "p.W288Cfs*12"}]}},
                     {"code": {"coding": [{"code": "81258-6"}]}, "valueQuantity": {"value": 38, "code": "%"}}]}},
     {"resource": {"resourceType": "MedicationStatement", "id": "m1", "subject": {"reference": "Patient/p1"},
       "medicationCodeableConcept": {"text": "Venetoclax"}, "effectivePeriod": {"start": "2026-10-10", "end": "2026-11-07"}}},
     {"resource": {"resourceType": "Procedure", "id": "t1", "subject": {"reference": "Patient/p1"}, "performedDateTime": "2026-11-20",
       "code": {"coding": [{"system": "http://snomed.info/sct", "code": "234336002", "display": "Hemopoietic stem cell transplant"}], "text": "Allogeneic HSCT"}}}
    ]}
    """#

    func testClinicalMappings() throws {
        let r = read(json: Self.clinical, .init(idSystem: "urn:mrn"))
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.headers.map(\.id), ["MRN-77"], "--id-system picks the identifier")
        XCTAssertEqual(r.headers.first?.identity?.family, "Durand")
        let all = r.contributions.map(\.entries)
        XCTAssertTrue(r.contributions.allSatisfy { $0.patientID == "MRN-77" })
        XCTAssertEqual(all.flatMap(\.diagnoses).map(\.category), [.aml])
        XCTAssertEqual(all.flatMap(\.diagnoses).first?.date, LocalDate("2026-10-02"))
        XCTAssertTrue(r.warnings.contains { $0.contains("Condition 44054006 (Diabetes mellitus type 2) (no leukaemia category)") })
        XCTAssertEqual(all.flatMap(\.performanceStatus).map(\.ecog), [1])
        XCTAssertEqual(all.flatMap(\.labs).map { "\($0.test) \($0.value) \($0.unit)" }, ["ANC 0.8 10*9/L"])
        XCTAssertEqual(all.flatMap(\.testedGenes).map(\.genes), [["FLT3", "NPM1"]])
        let v = try XCTUnwrap(all.flatMap(\.variants).first)
        XCTAssertEqual(v.gene, "NPM1"); XCTAssertEqual(v.vaf, 0.38, "percent converted to a fraction")
        XCTAssertEqual(v.date, LocalDate("2026-10-05"), "date of the report that lists it through its grouper")
        XCTAssertEqual(all.flatMap(\.therapies).map { "\($0.agents) \($0.start) \($0.end.map { "\($0)" } ?? "-")" }, ["[\"venetoclax\"] 2026-10-10 2026-11-07"])
        XCTAssertEqual(all.flatMap(\.transplants).map(\.type), [.allogeneic])
        XCTAssertEqual(all.flatMap(\.transplants).first?.date, LocalDate("2026-11-20"))
    }

    // Every problem kind located; nothing is mapped from a document with problems.
    func testBadInputEveryProblemLocated() {
        let bad = #"""
        {"resourceType": "Bundle", "type": "history", "entry": [
         {"resource": {"resourceType": "Patient", "id": "q", "gender": "f", "birthDate": "1960-02-30"}},
         {"resource": {"noType": true}},
         {"resource": {"resourceType": "Observation", "id": "v", "subject": {"reference": "Patient/q"}, "effectiveDateTime": "2026-01-01",
           "code": {"coding": [{"code": "69548-6"}]}, "component": [{"code": {"coding": [{"code": "81258-6"}]}, "valueQuantity": {"value": 41}}]}},
         {"resource": {"resourceType": "Observation", "id": "v2", "subject": {"reference": "Patient/q"}, "effectiveDateTime": "2026-01-01",
           "code": {"coding": [{"code": "69548-6"}]}, "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "TP53"}]}},
             {"code": {"coding": [{"code": "81258-6"}]}, "valueQuantity": {"value": 41}}]}},
         {"resource": {"resourceType": "Observation", "id": "l", "subject": {"reference": "Patient/q"}, "effectiveDateTime": "2026-01-01",
           "code": {"coding": [{"code": "718-7"}]}, "valueQuantity": {"value": 9.1}}},
         {"resource": {"resourceType": "Observation", "id": "e", "subject": {"reference": "Group/z"}, "effectiveDateTime": "2026-01-01",
           "code": {"coding": [{"code": "89247-1"}]}, "valueInteger": 7}},
         {"resource": {"resourceType": "Procedure", "id": "t", "subject": {"reference": "Patient/q"}, "performedDateTime": "2026-01-01",
           "code": {"text": "stem cell transplant"}}}
        ]}
        """#
        let r = read(json: bad)
        XCTAssertEqual(r.problems.map(\.description), [
            "t.json: $.type: Bundle type 'history' is not read (collection, transaction, batch, searchset, document)",
            "t.json: $.entry[1].resource.resourceType: missing (not a FHIR resource)",
        ])
        let body = bad.replacingOccurrences(of: #""type": "history", "#, with: "").replacingOccurrences(of: #"{"resource": {"noType": true}},"#, with: "")
        let r2 = read(json: body)
        XCTAssertEqual(r2.problems.map(\.description), [
            "t.json: $.entry[0].resource.gender: unknown gender 'f' (male, female, other, unknown)",
            "t.json: $.entry[0].resource.birthDate: '1960-02-30' is not a date (YYYY-MM-DD)",
            "t.json: $.entry[2].resource.component[81258-6].valueQuantity.value: VAF (a fraction) must be between 0 and 1, found 41.0",
            "t.json: $.entry[3].resource.valueQuantity.unit: hemoglobin 9.1 without a unit",
            "t.json: $.entry[4].resource.value[x]: ECOG (89247-1) without a score 0–5",
            "t.json: $.entry[5].resource.code: transplant without its type (allogeneic or autologous) in the code's text",
        ])
        let cut = read(json: #"{"resourceType": "Bundle", "entry": ["#)
        XCTAssertTrue(cut.problems.first?.description.hasPrefix("t.json: invalid JSON") ?? false, "\(cut.problems)")
        let ref = read(json: #"{"resourceType": "Observation", "id": "e", "subject": {"reference": "Group/z"}, "effectiveDateTime": "2026-01-01", "code": {"coding": [{"code": "89247-1"}]}, "valueInteger": 2}"#)
        XCTAssertEqual(ref.problems.map(\.description), ["t.json: $.subject: reference 'Group/z' is not a Patient of this file"])
    }

    // A resource of a case already in the database adds to it, replacing only the same resource imported before;
    // data the import does not carry (MRD from a case file) is kept; an unchanged re-import changes nothing.
    func testMergeIntoDatabase() throws {
        let db = try AppDatabase.inMemory()
        let mrd = MRDResult(date: LocalDate("2026-09-01")!, marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.01)
        try db.importPatients([Patient(id: "MRN-77", sex: .female, birthDate: LocalDate("1958-03-04"),
                                       diagnoses: [Diagnosis(date: LocalDate("2026-01-01")!, category: .mds)], mrd: [mrd])], who: "t", source: "case file")
        var r = read(json: Self.clinical, .init(idSystem: "urn:mrn"))
        var plan = try FHIRImportPlan.make(r, database: db)
        XCTAssertEqual(plan.changes.first?.isNew, false)
        XCTAssertEqual(plan.changes.first?.counts["variants"], FHIRImportPlan.Counts(added: 1))
        try db.importPatients(plan.patients, resources: plan.resources, who: "t", source: "FHIR: t.json (sha256 x)")
        var p = try db.patient(id: "MRN-77")
        XCTAssertEqual(p.mrd, [mrd], "MRD not carried by the FHIR file is kept")
        XCTAssertEqual(p.diagnoses.map(\.category), [.mds, .aml], "oldest first")
        XCTAssertEqual(p.variants.count, 1)
        // Same file again: unchanged, nothing to write.
        plan = try FHIRImportPlan.make(r, database: db)
        XCTAssertTrue(plan.patients.isEmpty)
        XCTAssertEqual(plan.changes.first?.counts["variants"], FHIRImportPlan.Counts(unchanged: 1))
        // The variant Observation v1 corrected (VAF 38 % → 35 %): replaced, not duplicated.
        r = read(json: Self.clinical.replacingOccurrences(of: #""value": 38"#, with: #""value": 35"#), .init(idSystem: "urn:mrn"))
        plan = try FHIRImportPlan.make(r, database: db)
        XCTAssertEqual(plan.changes.first?.counts["variants"], FHIRImportPlan.Counts(replaced: 1))
        XCTAssertEqual(plan.changes.first?.counts["labs"], FHIRImportPlan.Counts(unchanged: 1))
        try db.importPatients(plan.patients, resources: plan.resources, who: "t", source: "FHIR: t.json")
        p = try db.patient(id: "MRN-77")
        XCTAssertEqual(p.variants.map(\.vaf), [0.35])
        XCTAssertEqual(p.labs.count, 1)
        XCTAssertEqual(p.mrd, [mrd])
        XCTAssertTrue(try db.auditEntries().contains { $0.after?.contains("sha256 x") ?? false }, "audited with the source and its hash")
    }
}
