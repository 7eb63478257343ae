import CaseModel
import CaseStore
import Foundation
@testable import Interop
import XCTest

/// `caseboard export --format fhir`: a collection Bundle that the FHIR import reads back to the same case, for every
/// mapped field (README FHIR table); and a case imported from FHIR survives export → import unchanged.
final class FHIRRoundTripTests: XCTestCase {
    func d(_ s: String) -> LocalDate { LocalDate(s) ?? LocalDate(daysSinceEpoch: 0) }

    var patient: Patient {
        Patient(id: "SL-AML-9001", identity: Identity(mrn: "MRN-123", family: "Martin", given: "Louise"), sex: .female, birthDate: d("1961-07-14"),
                diagnoses: [Diagnosis(date: d("2025-02-01"), category: .mds, icd10: "D46.9"),
                            Diagnosis(date: d("2026-09-20"), category: .aml, icd10: "C92.00", oncotree: "AMLMRC")],
                variants: [Variant(gene: "NPM1", date: d("2026-09-21"), hgvsc: "NM_002520.7:c.860_863dup", hgvsp: "p.W288Cfs*12",
                                   consequence: .frameshift, vaf: 0.41, origin: .somatic),
                           Variant(gene: "FLT3", date: d("2026-09-21"), consequence: .itd, vaf: 0.12, origin: .somatic),
                           Variant(gene: "DDX41", date: d("2026-09-21"), hgvsc: "c.419insGATG", origin: .germline),
                           Variant(gene: "TP53", date: d("2026-09-21"), hgvsp: "p.R273H", origin: .unknown)],
                testedGenes: [GenePanel(date: d("2026-09-21"), assay: "Myeloid NGS 54", genes: ["NPM1", "FLT3", "TP53", "DDX41", "IDH1"])],
                labs: [LabResult(date: d("2026-09-20"), test: "ANC", value: 0.6, unit: "G/L"),
                       LabResult(date: d("2026-09-20"), test: "bilirubin", value: 12, unit: "µmol/L")],
                performanceStatus: [PerformanceStatus(date: d("2026-09-20"), ecog: 1)],
                therapies: [Therapy(start: d("2026-09-25"), end: d("2026-10-22"), regimen: "venetoclax", agents: ["venetoclax"], intent: .other)],
                transplants: [Transplant(date: d("2026-11-15"), type: .allogeneic)])
    }

    func importBundle(_ data: Data) throws -> [Patient] {
        var r = FHIRReader()
        r.read(data: data, file: "export.json")
        XCTAssertEqual(r.problems, [])
        return try FHIRImportPlan.make(r, database: nil).patients
    }

    func testExportThenImportKeepsEveryMappedField() throws {
        let out = try FHIRWriter.bundle([patient])
        XCTAssertEqual(out.warnings, [])
        let back = try importBundle(out.data)
        XCTAssertEqual(back, [patient])
        // The Bundle carries the Genomics Reporting profile and codes.
        let text = String(decoding: out.data, as: UTF8.self)
        XCTAssertTrue(text.contains(#""type" : "collection""#))
        XCTAssertTrue(text.contains("http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/variant"))
        XCTAssertTrue(text.contains(#""code" : "69548-6""#) && text.contains(#""code" : "81258-6""#) && text.contains(#""code" : "LA6683-2""#))
    }

    func testUnknownBirthDateAndUnmappedDataAreReported() throws {
        var p = patient
        p.birthDate = nil
        p.sex = .unknown
        p.mrd = [MRDResult(date: d("2026-10-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.001)]
        p.labs.append(LabResult(date: d("2026-09-20"), test: "LDH", value: 400, unit: "U/L"))
        let out = try FHIRWriter.bundle([p])
        XCTAssertEqual(out.warnings, ["SL-AML-9001: lab LDH has no LOINC code in the table; not written",
                                      "SL-AML-9001: not written (no FHIR mapping here): MRD results ×1"])
        var expected = p
        expected.mrd = []
        expected.labs.removeLast()
        XCTAssertEqual(try importBundle(out.data), [expected])
    }

    // README: the genomics-reporting oncology example imported, exported and imported again gives the same case.
    func testRealDocumentSurvivesExportImport() throws {
        var r = FHIRReader()
        r.read(data: try InteropFixtures.data("fhir/genomics-reporting_Bundle-oncology-report-example.json"), file: "x.json")
        let first = try FHIRImportPlan.make(r, database: nil).patients
        XCTAssertEqual(first.first?.variants.count, 12)
        XCTAssertEqual(try importBundle(try FHIRWriter.bundle(first).data), first)
    }
}
