import CaseModel
import XCTest
@testable import CaseStore

/// The risk-score inputs of formats.md §1 (`copyNumber`, `findings`, `testedGenes[].copyNumber`): reader,
/// validator, store (migration v4-risk-inputs) and writer, round trip lossless.
final class RiskInputRecordsTests: XCTestCase {
    typealias T = TestFixtures

    static func patient() -> Patient {
        var p = T.patient("RI-1")
        p.testedGenes.append(GenePanel(date: T.date("2026-01-12"), assay: "MLPA P335", tissue: .bm,
                                       genes: ["IKZF1", "CDKN2A", "PAX5", "ERG"], copyNumber: true))
        p.testedGenes.append(GenePanel(date: T.date("2026-01-12"), assay: "NGS", genes: ["NOTCH1"], copyNumber: false))
        p.copyNumber = [CopyNumberFinding(date: T.date("2026-01-12"), gene: "IKZF1", call: .deletion, detail: "exons 4-7", method: "MLPA"),
                        CopyNumberFinding(date: T.date("2026-01-12"), gene: "CDKN2A", call: .homozygousDeletion)]
        p.findings = [ClinicalFinding(date: T.date("2026-01-10"), kind: "spleen-cm", value: .number(4.5)),
                      ClinicalFinding(date: T.date("2026-01-10"), kind: "constitutional-symptoms", value: .flag(false)),
                      ClinicalFinding(date: T.date("2026-01-11"), kind: "marrow-cellularity", value: .number(15)),
                      ClinicalFinding(date: T.date("2026-03-01"), kind: "thrombosis", value: .flag(true))]
        return p
    }

    func testStoreRoundTrip() throws {
        let db = try AppDatabase.inMemory()
        let p = Self.patient()
        try db.importPatients([p])
        XCTAssertEqual(try db.patient(id: "RI-1"), T.stored(p))
        // A panel without the key stays "not stated" (nil), distinct from false.
        XCTAssertNil(try db.patient(id: "RI-1").testedGenes[0].copyNumber)
        XCTAssertEqual(try db.patient(id: "RI-1").testedGenes[2].copyNumber, false)
    }

    func testFileRoundTripIsLossless() throws {
        let p = T.stored(Self.patient())
        let data = try CaseFileWriter.data([p])
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"call\" : \"homozygous-deletion\""), text)
        XCTAssertTrue(text.contains("\"value\" : false"), text)
        XCTAssertTrue(text.contains("\"value\" : 4.5"), text)
        var r = CaseFileReader()
        r.read(data: data, file: "rt.json")
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.warnings, [])
        XCTAssertEqual(r.patients, [p])
        XCTAssertEqual(try CaseFileWriter.data(r.patients), data)
    }

    func problems(_ extra: String) -> (errors: [String], warnings: [String]) {
        let patient = "{\"id\": \"P-1\", \"sex\": \"male\", \"birthDate\": \"1970-05-04\", \"diagnoses\": [{\"date\": \"2026-01-10\", \"category\": \"MDS\"}], \(extra)}"
        var r = CaseFileReader()
        r.read(data: T.caseFile([patient]), file: "in.json")
        return (r.errors.map(\.description), r.warnings.map(\.description))
    }

    func testValidation() {
        XCTAssertEqual(problems("\"copyNumber\": [{\"date\": \"2026-01-10\", \"gene\": \"IKZF1\", \"call\": \"loss\"}]").errors,
                       ["in.json: patient P-1: $.patients[0].copyNumber[0].call: expected one of deletion, homozygous-deletion, gain, amplification; found \"loss\""])
        XCTAssertEqual(problems("\"copyNumber\": [{\"date\": \"2026-01-10\", \"call\": \"gain\"}]").errors,
                       ["in.json: patient P-1: $.patients[0].copyNumber[0].gene: required field is missing"])
        XCTAssertEqual(problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"spleen-cm\", \"value\": true}]").errors,
                       ["in.json: patient P-1: $.patients[0].findings[0].value: spleen-cm expects a number, found a boolean"])
        XCTAssertEqual(problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"thrombosis\", \"value\": 1}]").errors,
                       ["in.json: patient P-1: $.patients[0].findings[0].value: thrombosis expects true or false, found a number"])
        XCTAssertEqual(problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"marrow-cellularity\", \"value\": 120}]").errors,
                       ["in.json: patient P-1: $.patients[0].findings[0].value: marrow-cellularity (%) must be between 0 and 100, found 120"])
        // The EUMNET fibrosis grade (Thiele et al., Haematologica 2005): MF-0 … MF-3 only.
        XCTAssertEqual(problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"marrow-fibrosis-grade\", \"value\": 4}]").errors,
                       ["in.json: patient P-1: $.patients[0].findings[0].value: marrow-fibrosis-grade (MF-0 … MF-3) must be a whole number from 0 to 3, found 4"])
        XCTAssertEqual(problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"marrow-fibrosis-grade\", \"value\": 1.5}]").errors.count, 1)
        XCTAssertEqual(problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"marrow-fibrosis-grade\", \"value\": true}]").errors,
                       ["in.json: patient P-1: $.patients[0].findings[0].value: marrow-fibrosis-grade expects a number, found a boolean"])
        XCTAssertEqual(problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"marrow-fibrosis-grade\", \"value\": 3}]").errors, [])
        XCTAssertEqual(problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"marrow-fibrosis-grade\", \"value\": 0}]").warnings, [])
        XCTAssertEqual(problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"spleen-cm\", \"value\": \"big\"}]").errors,
                       ["in.json: patient P-1: $.patients[0].findings[0].value: expected a number or true/false, found a string"])
        XCTAssertEqual(problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"spleen-cm\"}]").errors,
                       ["in.json: patient P-1: $.patients[0].findings[0].value: required field is missing"])
        XCTAssertEqual(problems("\"testedGenes\": [{\"date\": \"2026-01-10\", \"assay\": \"MLPA\", \"genes\": [\"IKZF1\"], \"copyNumber\": \"yes\"}]").errors,
                       ["in.json: patient P-1: $.patients[0].testedGenes[0].copyNumber: expected true or false, found a string"])
        let unknownKind = problems("\"findings\": [{\"date\": \"2026-01-10\", \"kind\": \"liver-cm\", \"value\": 3}]")
        XCTAssertEqual(unknownKind.errors, [])
        XCTAssertEqual(unknownKind.warnings.count, 1)
    }

    /// The migration is appended after the existing ones, under its own name.
    func testMigrationIsAppended() throws {
        let db = try AppDatabase.inMemory()
        try db.dbWriter.read { d in
            let names = try String.fetchAll(d, sql: "SELECT identifier FROM grdb_migrations")
            // Appended after the shipped ones (other migrations of the same release may follow it).
            let i = try XCTUnwrap(names.firstIndex(of: "v4-risk-inputs"))
            XCTAssertGreaterThan(i, try XCTUnwrap(names.firstIndex(of: "v3-match-revisions")))
            XCTAssertTrue(try d.tableExists("copyNumber"))
            XCTAssertTrue(try d.columns(in: "genePanel").contains { $0.name == "copyNumber" })
        }
    }
}
