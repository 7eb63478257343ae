import CaseModel
import Foundation
import ScreenTesting
import XCTest
@testable import CaseStore

/// Issue #16: the export is written by hand, patient by patient (`CaseJSONWriter`), and streamed from the database in
/// batches (`AppDatabase.writeCaseFile`). Its bytes must stay those of every export so far (formats.md §1: ordered by
/// id, pretty-printed, keys sorted): the whole-document `JSONEncoder` encoding below, kept here as the reference.
final class CaseFileWriterTests: XCTestCase {
    /// The encoding `CaseFileWriter.data` used before issue #16.
    static func reference(_ patients: [Patient]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try encoder.encode(CaseFile(patients: patients.sorted { $0.id < $1.id }))
        d.append(10)
        return d
    }

    func assertSameBytes(_ patients: [Patient], file: StaticString = #filePath, line: UInt = #line) throws {
        let mine = try CaseFileWriter.data(patients), ref = try Self.reference(patients)
        if mine != ref {
            let a = String(decoding: mine, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let b = String(decoding: ref, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            XCTFail("differs at line \(i + 1): \(i < a.count ? String(a[i]) : "<end>") vs reference \(i < b.count ? String(b[i]) : "<end>")",
                    file: file, line: line)
        }
    }

    func demoPatients(_ count: Int) throws -> [Patient] {
        let sources = try DemoSources.load(demoDirectory: DemoDatabaseTests.demoDirectory())
        var g = DemoGenerator(sources: sources, seed: 16)
        return try g.generate(count: count)
    }

    func testBoardFixturesAndDemoPatientsGiveTheReferenceBytes() throws {
        try assertSameBytes(BoardFixtures.patients)
        try assertSameBytes(try demoPatients(400))
        try assertSameBytes([])
    }

    /// Every optional and list filled or empty, text needing escapes, numbers of every shape JSONEncoder writes.
    func testEdgeValuesGiveTheReferenceBytes() throws {
        var p = TestFixtures.patient("Z-1")
        var controls = ""
        for v in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
        p.site = "a \"quoted\" \\ back/slash é 😀 \u{7F}\u{80}\u{2028}" + controls
        p.identity = Identity(mrn: nil, family: nil, given: nil)
        p.birthDate = nil
        p.karyotypes = [Karyotype(date: p.diagnoses[0].date, tissue: .bm, iscn: nil, abnormalities: [])]
        p.therapies = [Therapy(start: p.diagnoses[0].date, end: nil, regimen: "7+3", agents: [], intent: .induction, line: 1, response: nil)]
        p.followUps = [FollowUp(due: p.diagnoses[0].date, kind: "visit", note: "line 1\n\tline 2"),
                       FollowUp(id: "t1", due: p.diagnoses[0].date, kind: "visit", doneFlag: true),
                       FollowUp(due: p.diagnoses[0].date, kind: "visit", done: p.diagnoses[0].date)]
        let numbers: [Double] = [0, -0.0, 1, 59, 0.1, 1e-5, 1e21, 1e15, 1.2345678901234568e17, 0.000123, -3.25, 1e16,
                                 9_007_199_254_740_992, 9_007_199_254_740_994, 5e-324, .greatestFiniteMagnitude, 0.1 + 0.2]
        p.labs = numbers.map { LabResult(date: p.diagnoses[0].date, test: "X", value: $0, unit: "") }
        p.findings = [ClinicalFinding(date: p.diagnoses[0].date, kind: "spleen-cm", value: .number(2.5)),
                      ClinicalFinding(date: p.diagnoses[0].date, kind: "thrombosis", value: .flag(false))]
        p.death = Death(date: p.diagnoses[0].date, cause: nil)
        p.vitalStatus = .dead
        var q = TestFixtures.patient("A-0")
        q.diagnoses = []
        try assertSameBytes([p, q, TestFixtures.patient("M-5")])
        var g = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let d = Double(bitPattern: g.next())
            guard d.isFinite else { continue }
            let ref = String(decoding: try JSONEncoder().encode([d]), as: UTF8.self).dropFirst().dropLast()
            XCTAssertEqual(CaseJSONWriter.numberText(d), String(ref), "\(d)")
        }
    }

    /// The streamed export of a database (batches smaller than the database, an id list) is the document of its patients.
    func testStreamedExportIsTheWholeDocument() throws {
        let db = try AppDatabase.inMemory()
        let patients = try demoPatients(230)
        try db.importPatients(patients, who: "t")
        for batch in [1, 7, 100, 500] {
            var out = Data()
            try db.writeCaseFile(batchSize: batch) { out.append($0) }
            XCTAssertEqual(out, try Self.reference(try db.patients()), "batch \(batch)")
        }
        let some = [patients[5].id, patients[2].id, patients[200].id]
        var out = Data()
        try db.writeCaseFile(patientIDs: some, batchSize: 2) { out.append($0) }
        XCTAssertEqual(out, try Self.reference(try db.patients().filter { some.contains($0.id) }))
        XCTAssertThrowsError(try db.writeCaseFile(patientIDs: ["NOPE"]) { _ in XCTFail("no output before the check") }) {
            XCTAssertEqual($0 as? StoreError, StoreError.unknownPatient(id: "NOPE"))
        }
    }
}
