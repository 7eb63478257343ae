import CaseModel
import Foundation
import XCTest
@testable import CaseStore

/// Issue 11 point 24: the generated demo — the 264-case demo and a 10,000-patient database — passes the
/// importer's validation (written as a case file and read back: MRD fractions ≤ 1, VAF 0–1 …) and the
/// consistency check (labels, MDS-IB2 blasts, conditioning before its transplant, CR with <5 % blasts).
final class DemoConsistencyTests: XCTestCase {
    func sources() throws -> DemoSources {
        try DemoSources.load(demoDirectory: DemoDatabaseTests.demoDirectory())
    }

    func check(_ patients: [Patient], file: StaticString = #filePath, line: UInt = #line) throws {
        var r = CaseFileReader()
        r.read(data: try CaseFileWriter.data(patients), file: "demo.json")
        XCTAssertEqual(r.errors.prefix(10).map(\.description), [], file: file, line: line)
        XCTAssertEqual(r.patients.count, patients.count, file: file, line: line)
        let problems = patients.flatMap(CaseConsistency.problems)
        XCTAssertEqual(Array(problems.prefix(10)), [], "\(problems.count) contradictions", file: file, line: line)
    }

    func testTheDemoIsValidAndConsistent() throws {
        var g = DemoGenerator(sources: try sources())
        try check(try g.generate())
    }

    func testTenThousandPatientsAreValidAndConsistent() throws {
        var g = DemoGenerator(sources: try sources(), seed: 7)
        try check(try g.generate(count: 10_000))
    }

    func testTheCheckFindsContradictions() {
        var p = Patient(id: "X", sex: .male, birthDate: LocalDate("1960-01-01") ?? LocalDate(daysSinceEpoch: 0),
                        diagnoses: [Diagnosis(date: LocalDate("2026-01-10") ?? LocalDate(daysSinceEpoch: 0), category: .aml,
                                              who2022: "AML with NPM1 mutation")])
        p.therapies = [Therapy(start: LocalDate("2026-05-01") ?? LocalDate(daysSinceEpoch: 0), end: LocalDate("2026-05-06"), regimen: "FLU-BU", agents: ["fludarabine"], intent: .conditioning)]
        p.transplants = [Transplant(date: LocalDate("2026-04-01") ?? LocalDate(daysSinceEpoch: 0), type: .allogeneic)]
        let found = CaseConsistency.problems(p)
        guard found.count == 2 else { return XCTFail(found.joined(separator: "\n")) }
        XCTAssertTrue(found[0].contains("NPM1"))
        XCTAssertTrue(found[1].contains("conditioning"))
    }
}
