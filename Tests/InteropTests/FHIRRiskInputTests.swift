import CaseModel
import CaseStore
import Foundation
@testable import Interop
import XCTest

/// The risk-score inputs in FHIR (README, FHIR table): `findings` as Observations (LOINC 32489-7 spleen tip distance
/// below the costal margin; SNOMED CT 439127006 thrombosis; the other kinds under `urn:caseboard:finding-kind`) and
/// `copyNumber` as Genomics Reporting IG `variant` Observations (48019-4 DNA change type = SO:0001743 copy_number_loss /
/// SO:0001742 copy_number_gain, 53034-5 allelic state LA6705-3 homozygous, 82155-3 copy number), the copy-number flag
/// of a region studied; values checked by the case-file rules (formats.md §1 `findings`, `copyNumber`).
final class FHIRRiskInputTests: XCTestCase {
    func d(_ s: String) -> LocalDate { LocalDate(s) ?? LocalDate(daysSinceEpoch: 0) }

    func read(json: String, _ options: FHIRReader.Options = .init()) -> FHIRReader {
        var r = FHIRReader(options: options)
        r.read(data: Data(json.utf8), file: "t.json")
        return r
    }

    func importBundle(_ data: Data) throws -> (patients: [Patient], warnings: [String]) {
        var r = FHIRReader()
        r.read(data: data, file: "export.json")
        XCTAssertEqual(r.problems, [])
        return (try FHIRImportPlan.make(r, database: nil).patients, r.warnings)
    }

    var patient: Patient {
        Patient(id: "SL-MF-0007", sex: .male, birthDate: d("1954-05-02"),
                diagnoses: [Diagnosis(date: d("2026-03-01"), category: .mpn, icd10: "D47.4")],
                testedGenes: [GenePanel(date: d("2026-03-02"), assay: "MLPA P335 ALL-IKZF1", genes: ["IKZF1", "CDKN2A", "PAX5"], copyNumber: true),
                              GenePanel(date: d("2026-03-02"), assay: "Myeloid NGS", genes: ["JAK2", "CALR"], copyNumber: false),
                              GenePanel(date: d("2026-03-02"), assay: "Legacy panel", genes: ["MPL"])],
                copyNumber: [CopyNumberFinding(date: d("2026-03-02"), gene: "IKZF1", call: .deletion, detail: "exons 4-7", method: "MLPA"),
                             CopyNumberFinding(date: d("2026-03-02"), gene: "CDKN2A", call: .homozygousDeletion, method: "MLPA"),
                             CopyNumberFinding(date: d("2026-03-02"), gene: "ERG", call: .gain),
                             CopyNumberFinding(date: d("2026-03-02"), gene: "MYC", call: .amplification, detail: "whole gene", method: "SNP array")],
                findings: [ClinicalFinding(date: d("2026-03-01"), kind: "spleen-cm", value: .number(1)),
                           ClinicalFinding(date: d("2026-03-01"), kind: "spleen-cm", value: .number(0)),
                           ClinicalFinding(date: d("2026-03-01"), kind: "constitutional-symptoms", value: .flag(true)),
                           ClinicalFinding(date: d("2026-03-02"), kind: "marrow-cellularity", value: .number(85)),
                           ClinicalFinding(date: d("2026-03-02"), kind: "residual-haematopoiesis", value: .number(12.5)),
                           ClinicalFinding(date: d("2025-11-20"), kind: "thrombosis", value: .flag(true)),
                           ClinicalFinding(date: d("2026-03-01"), kind: "thrombosis", value: .flag(false)),
                           ClinicalFinding(date: d("2026-03-01"), kind: "transfusion-dependent", value: .flag(false)),
                           ClinicalFinding(date: d("2026-03-02"), kind: "marrow-fibrosis-grade", value: .number(1)),
                           ClinicalFinding(date: d("2026-03-02"), kind: "marrow-fibrosis-grade", value: .number(3))])
    }

    // Export → import keeps every finding (both value types, the value 1 as a number, not as true) and every
    // copy-number call, detail and method, and the three states of a panel's copy-number flag (true, false, not stated).
    func testExportThenImportKeepsFindingsAndCopyNumber() throws {
        let out = try FHIRWriter.bundle([patient])
        XCTAssertEqual(out.warnings, [])
        let back = try importBundle(out.data)
        XCTAssertEqual(back.patients, [patient])
        XCTAssertEqual(back.warnings, [])
        let text = String(decoding: out.data, as: UTF8.self)
        for code in [#""code" : "32489-7""#, #""code" : "439127006""#, #""code" : "SO:0001743""#, #""code" : "SO:0001742""#,
                     #""code" : "48019-4""#, #""code" : "LA6705-3""#, #""code" : "82155-3""#, #""system" : "urn:caseboard:finding-kind""#,
                     #""code" : "copy-number""#, #""unit" : "cm""#, #""unit" : "%""#, #""valueInteger" : 3"#] {
            XCTAssertTrue(text.contains(code), code)
        }
        XCTAssertTrue(text.contains(#""system" : "http://sequenceontology.org""#), "the SO system of the IG's DNA change type value set")
    }

    // A finding kind formats.md does not list travels under urn:caseboard:finding-kind and comes back, named in a warning.
    func testUnknownFindingKindIsKeptAndNamed() throws {
        var p = patient
        p.findings = [ClinicalFinding(date: d("2026-03-01"), kind: "liver-cm", value: .number(4)),
                      ClinicalFinding(date: d("2026-03-01"), kind: "pruritus", value: .flag(true))]
        let back = try importBundle(try FHIRWriter.bundle([p]).data)
        XCTAssertEqual(back.patients.first?.findings, p.findings)
        XCTAssertEqual(back.warnings.filter { $0.contains("is not one formats.md lists") }.count, 2, "\(back.warnings)")
        XCTAssertTrue(back.warnings.contains { $0.contains(#"finding kind "liver-cm""#) && $0.hasPrefix("export.json: $.entry[") })
    }

    /// Resources as other systems write them: LOINC/SNOMED codes without Caseboard codings, a Condition for
    /// thrombosis, the IG's copy-number variant shape.
    static let foreign = #"""
    {"resourceType": "Bundle", "type": "collection", "entry": [
     {"resource": {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1950-01-09", "identifier": [{"value": "MF-1"}]}},
     {"resource": {"resourceType": "Observation", "id": "spl", "status": "final", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-01T10:30:00Z",
       "code": {"coding": [{"system": "http://loinc.org", "code": "32489-7"}]}, "valueQuantity": {"value": 65, "unit": "mm", "system": "http://unitsofmeasure.org", "code": "mm"}}},
     {"resource": {"resourceType": "Condition", "id": "dvt", "subject": {"reference": "Patient/p1"}, "onsetDateTime": "2025-12-24",
       "code": {"coding": [{"system": "http://snomed.info/sct", "code": "439127006", "display": "Thrombosis"}]}}},
     {"resource": {"resourceType": "Condition", "id": "nothromb", "subject": {"reference": "Patient/p1"}, "recordedDate": "2026-04-01",
       "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "refuted"}]},
       "code": {"coding": [{"system": "http://snomed.info/sct", "code": "439127006"}]}}},
     {"resource": {"resourceType": "Observation", "id": "cs", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-01",
       "code": {"coding": [{"system": "urn:caseboard:finding-kind", "code": "constitutional-symptoms"}]},
       "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA9633-4", "display": "Present"}]}}},
     {"resource": {"resourceType": "Observation", "id": "mf", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-02",
       "code": {"coding": [{"system": "urn:caseboard:finding-kind", "code": "marrow-fibrosis-grade"}]}, "valueCodeableConcept": {"text": "MF-2"}}},
     {"resource": {"resourceType": "Observation", "id": "cell", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-02",
       "code": {"coding": [{"system": "urn:caseboard:finding-kind", "code": "marrow-cellularity"}]}, "valueQuantity": {"value": 90, "code": "%"}}},
     {"resource": {"resourceType": "Observation", "id": "cnv1", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-03",
       "code": {"coding": [{"system": "http://loinc.org", "code": "69548-6"}]}, "valueCodeableConcept": {"coding": [{"code": "LA9633-4"}]},
       "method": {"text": "MLPA"}, "note": [{"text": "exons 2-3"}],
       "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"system": "http://www.genenames.org/geneId", "code": "HGNC:6116", "display": "IKZF1"}]}},
                     {"code": {"coding": [{"code": "48019-4"}]}, "valueCodeableConcept": {"coding": [{"system": "http://sequenceontology.org", "code": "SO:0001743", "display": "copy_number_loss"}]}},
                     {"code": {"coding": [{"code": "48001-2", "display": "Cytogenetic (chromosome) location"}]}, "valueCodeableConcept": {"text": "7p12.2"}}]}},
     {"resource": {"resourceType": "Observation", "id": "cnv2", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-03",
       "code": {"coding": [{"code": "69548-6"}]}, "valueCodeableConcept": {"coding": [{"code": "LA9633-4"}]},
       "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "cdkn2a"}]}},
                     {"code": {"coding": [{"code": "48019-4"}]}, "valueCodeableConcept": {"coding": [{"code": "SO:0001743"}]}},
                     {"code": {"coding": [{"code": "53034-5"}]}, "valueCodeableConcept": {"coding": [{"code": "LA6705-3", "display": "Homozygous"}]}}]}},
     {"resource": {"resourceType": "Observation", "id": "cnv3", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-03",
       "code": {"coding": [{"code": "69548-6"}]}, "valueCodeableConcept": {"coding": [{"code": "LA9633-4"}]},
       "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "ERG"}]}},
                     {"code": {"coding": [{"code": "48019-4"}]}, "valueCodeableConcept": {"coding": [{"code": "SO:0001742", "display": "copy_number_gain"}]}}]}},
     {"resource": {"resourceType": "Observation", "id": "cnv4", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-03",
       "code": {"coding": [{"code": "69548-6"}]}, "valueCodeableConcept": {"coding": [{"code": "LA9633-4"}]},
       "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "PAX5"}]}},
                     {"code": {"coding": [{"code": "48019-4"}]}, "valueCodeableConcept": {"coding": [{"code": "SO:0001019", "display": "copy_number_variation"}]}},
                     {"code": {"coding": [{"code": "82155-3"}]}, "valueQuantity": {"value": 3, "code": "1"}}]}},
     {"resource": {"resourceType": "Observation", "id": "cnv5", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-03",
       "code": {"coding": [{"code": "69548-6"}]}, "valueCodeableConcept": {"coding": [{"code": "LA9634-2", "display": "Absent"}]}, "method": {"text": "MLPA"},
       "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "BTG1"}]}},
                     {"code": {"coding": [{"code": "48019-4"}]}, "valueCodeableConcept": {"coding": [{"code": "SO:0001743"}]}}]}},
     {"resource": {"resourceType": "Observation", "id": "rs", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-03",
       "code": {"coding": [{"system": "http://loinc.org", "code": "53041-0"}], "text": "MLPA P335"},
       "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "IKZF1"}]}},
                     {"code": {"coding": [{"system": "urn:caseboard:region-studied", "code": "copy-number"}]}, "valueBoolean": true}]}}
    ]}
    """#

    func testForeignResourcesMap() throws {
        let r = read(json: Self.foreign)
        XCTAssertEqual(r.problems, [])
        let e = r.contributions.map(\.entries)
        XCTAssertTrue(r.contributions.allSatisfy { $0.patientID == "MF-1" })
        XCTAssertEqual(e.flatMap(\.findings), [
            ClinicalFinding(date: d("2026-04-01"), kind: "spleen-cm", value: .number(6.5)),
            ClinicalFinding(date: d("2025-12-24"), kind: "thrombosis", value: .flag(true)),
            ClinicalFinding(date: d("2026-04-01"), kind: "thrombosis", value: .flag(false)),
            ClinicalFinding(date: d("2026-04-01"), kind: "constitutional-symptoms", value: .flag(true)),
            ClinicalFinding(date: d("2026-04-02"), kind: "marrow-fibrosis-grade", value: .number(2)),
            ClinicalFinding(date: d("2026-04-02"), kind: "marrow-cellularity", value: .number(90)),
        ], "mm converted to cm; a Condition is an event on its onset date, refuted = reviewed, none")
        XCTAssertEqual(e.flatMap(\.copyNumber), [
            CopyNumberFinding(date: d("2026-04-03"), gene: "IKZF1", call: .deletion, detail: "exons 2-3", method: "MLPA"),
            CopyNumberFinding(date: d("2026-04-03"), gene: "CDKN2A", call: .homozygousDeletion),
            CopyNumberFinding(date: d("2026-04-03"), gene: "ERG", call: .gain),
        ])
        XCTAssertTrue(r.warnings.contains { $0.contains("copy-number variant of PAX5 is neither a loss (SO:0001743) nor a gain (SO:0001742); left out") }, "\(r.warnings)")
        XCTAssertTrue(r.warnings.contains { $0.contains("copy-number component 48001-2 (Cytogenetic (chromosome) location)") }, "\(r.warnings)")
        XCTAssertEqual(e.flatMap(\.testedGenes), [
            GenePanel(date: d("2026-04-03"), assay: "MLPA", genes: ["BTG1"], copyNumber: true),
            GenePanel(date: d("2026-04-03"), assay: "MLPA P335", genes: ["IKZF1"], copyNumber: true),
        ], "an absent copy-number change: the gene tested for copy number, no change")
    }

    // Import → export → import: what the foreign resources mapped to survives the Caseboard export.
    func testImportExportImportKeepsMappedFields() throws {
        var r = read(json: Self.foreign)
        XCTAssertEqual(r.problems, [])
        let first = try FHIRImportPlan.make(r, database: nil).patients
        XCTAssertEqual(first.first?.findings.count, 6)
        XCTAssertEqual(first.first?.copyNumber.count, 3)
        let out = try FHIRWriter.bundle(first)
        XCTAssertEqual(out.warnings, [])
        r = FHIRReader()
        r.read(data: out.data, file: "export.json")
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(try FHIRImportPlan.make(r, database: nil).patients, first)
    }

    // Values the case-file reader refuses are refused here too, located by file, resource and element, with the
    // same messages (RiskInputRules); nothing of the document is mapped.
    func testBadValuesLocated() {
        func obs(_ id: String, _ kind: String, _ value: String) -> String {
            #"{"resource": {"resourceType": "Observation", "id": "\#(id)", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-01", "code": {"coding": [{"system": "urn:caseboard:finding-kind", "code": "\#(kind)"}]}, \#(value)}}"#
        }
        let bad = #"{"resourceType": "Bundle", "type": "collection", "entry": ["# + [
            #"{"resource": {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1950-01-09"}}"#,
            #"{"resource": {"resourceType": "Observation", "id": "s", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-01", "code": {"coding": [{"system": "http://loinc.org", "code": "32489-7"}]}, "valueQuantity": {"value": -2, "unit": "cm"}}}"#,
            obs("c", "marrow-cellularity", #""valueQuantity": {"value": 120, "code": "%"}"#),
            obs("k", "constitutional-symptoms", #""valueQuantity": {"value": 1}"#),
            obs("f", "marrow-fibrosis-grade", #""valueInteger": 5"#),
            obs("u", "residual-haematopoiesis", #""valueQuantity": {"value": 30}"#),
            obs("i", "spleen-cm", #""valueQuantity": {"value": 2, "unit": "[in_i]"}"#),
            obs("t", "transfusion-dependent", #""valueBoolean": 1"#),
            obs("n", "thrombosis", #""valueString": "yes""#),
            #"{"resource": {"resourceType": "Observation", "id": "cn", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-01", "code": {"coding": [{"code": "69548-6"}]}, "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "IKZF1"}]}}, {"code": {"coding": [{"code": "48019-4"}]}, "valueCodeableConcept": {"coding": [{"system": "urn:caseboard:copy-number-call", "code": "loss"}]}}]}}"#,
            #"{"resource": {"resourceType": "Observation", "id": "rs", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-04-01", "code": {"coding": [{"code": "53041-0"}]}, "component": [{"code": {"coding": [{"code": "48018-6"}]}, "valueCodeableConcept": {"coding": [{"code": "IKZF1"}]}}, {"code": {"coding": [{"system": "urn:caseboard:region-studied", "code": "copy-number"}]}, "valueString": "yes"}]}}"#,
            #"{"resource": {"resourceType": "Condition", "id": "th", "subject": {"reference": "Patient/p1"}, "code": {"coding": [{"system": "http://snomed.info/sct", "code": "439127006"}]}}}"#,
        ].joined(separator: ",\n") + "]}"
        let r = read(json: bad)
        XCTAssertEqual(r.problems.map(\.description), [
            "t.json: $.entry[1].resource.value[x]: spleen-cm must be ≥ 0, found -2",
            "t.json: $.entry[2].resource.value[x]: marrow-cellularity (%) must be between 0 and 100, found 120",
            "t.json: $.entry[3].resource.value[x]: constitutional-symptoms expects true or false, found a number",
            "t.json: $.entry[4].resource.value[x]: marrow-fibrosis-grade (MF-0 … MF-3) must be a whole number from 0 to 3, found 5",
            "t.json: $.entry[5].resource.valueQuantity.unit: residual-haematopoiesis 30 without a unit (%)",
            "t.json: $.entry[6].resource.valueQuantity.unit: spleen-cm in '[in_i]' is not read (cm or mm)",
            "t.json: $.entry[7].resource.valueBoolean: transfusion-dependent: expected true or false",
            "t.json: $.entry[8].resource.value[x]: thrombosis without a value (valueQuantity, valueInteger, valueBoolean or valueCodeableConcept)",
            "t.json: $.entry[9].resource.component[48019-4].valueCodeableConcept: copy-number call 'loss' is not one of deletion, homozygous-deletion, gain, amplification",
            "t.json: $.entry[10].resource.component[copy-number].valueBoolean: the copy-number flag of a region studied must be true or false",
            "t.json: $.entry[11].resource.onsetDateTime: thrombosis without an onset date: give --date YYYY-MM-DD",
        ])
    }

    // The case-file reader and the FHIR reader refuse the same values with the same message (one owner: RiskInputRules).
    func testCaseFileReaderGivesTheSameMessages() throws {
        let cases: [(kind: String, json: String, fhir: String, message: String)] = [
            ("marrow-cellularity", "120", #""valueQuantity": {"value": 120, "code": "%"}"#, "marrow-cellularity (%) must be between 0 and 100, found 120"),
            ("spleen-cm", "-2", #""valueQuantity": {"value": -2, "unit": "cm"}"#, "spleen-cm must be ≥ 0, found -2"),
            ("marrow-fibrosis-grade", "1.5", #""valueQuantity": {"value": 1.5}"#, "marrow-fibrosis-grade (MF-0 … MF-3) must be a whole number from 0 to 3, found 1.5"),
            ("thrombosis", "2", #""valueInteger": 2"#, "thrombosis expects true or false, found a number"),
        ]
        for c in cases {
            var file = CaseFileReader()
            let patient = #"{"id": "P-1", "sex": "male", "birthDate": "1970-05-04", "diagnoses": [{"date": "2026-01-10", "category": "MPN"}], "findings": [{"date": "2026-01-10", "kind": "\#(c.kind)", "value": \#(c.json)}]}"#
            file.read(data: Data(#"{"format": "caseboard-cases", "version": 1, "patients": [\#(patient)]}"#.utf8), file: "in.json")
            XCTAssertEqual(file.errors.map(\.message), [c.message])
            let fhir = read(json: #"{"resourceType": "Observation", "id": "o", "subject": {"reference": "Patient/P-1"}, "effectiveDateTime": "2026-01-10", "code": {"coding": [{"system": "urn:caseboard:finding-kind", "code": "\#(c.kind)"}]}, \#(c.fhir)}"#)
            XCTAssertEqual(fhir.problems.map(\.description), ["t.json: $.value[x]: \(c.message)"])
        }
        XCTAssertNil(RiskInputRules.valueProblem(kind: "marrow-fibrosis-grade", value: .number(3)))
        XCTAssertNil(RiskInputRules.valueProblem(kind: "liver-cm", value: .number(-1)), "unknown kinds are kept as written")
    }

    // importedResource: a re-import of the same resources is unchanged; a corrected finding is replaced, not added;
    // entries stored before copy number and findings existed still read.
    func testMergeSemantics() throws {
        let db = try AppDatabase.inMemory()
        var plan = try FHIRImportPlan.make(read(json: Self.foreign), database: db)
        XCTAssertEqual(plan.changes.first?.counts["findings"], FHIRImportPlan.Counts(added: 6))
        XCTAssertEqual(plan.changes.first?.counts["copyNumber"], FHIRImportPlan.Counts(added: 3))
        try db.importPatients(plan.patients, resources: plan.resources, who: "t", source: "FHIR: t.json")
        XCTAssertEqual(try db.patient(id: "MF-1").findings.count, 6)
        plan = try FHIRImportPlan.make(read(json: Self.foreign), database: db)
        XCTAssertTrue(plan.patients.isEmpty, "\(plan.summaryLines)")
        XCTAssertEqual(plan.changes.first?.counts["findings"], FHIRImportPlan.Counts(unchanged: 6))
        XCTAssertEqual(plan.changes.first?.counts["copyNumber"], FHIRImportPlan.Counts(unchanged: 3))
        XCTAssertEqual(plan.changes.first?.counts["testedGenes"], FHIRImportPlan.Counts(unchanged: 2))
        let corrected = Self.foreign.replacingOccurrences(of: #""value": 90, "code": "%""#, with: #""value": 80, "code": "%""#)
        plan = try FHIRImportPlan.make(read(json: corrected), database: db)
        XCTAssertEqual(plan.changes.first?.counts["findings"], FHIRImportPlan.Counts(replaced: 1, unchanged: 5))
        try db.importPatients(plan.patients, resources: plan.resources, who: "t", source: "FHIR: t.json")
        let p = try db.patient(id: "MF-1")
        XCTAssertEqual(p.findings.filter { $0.kind == "marrow-cellularity" }.map(\.value), [.number(80)])
        XCTAssertEqual(p.findings.count, 6)
        let old = try JSONDecoder().decode(FHIRCaseEntries.self, from: Data(#"{"diagnoses":[],"variants":[],"testedGenes":[],"labs":[],"performanceStatus":[],"therapies":[],"transplants":[]}"#.utf8))
        XCTAssertEqual(old, FHIRCaseEntries())
    }
}
