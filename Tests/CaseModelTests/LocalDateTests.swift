import XCTest
@testable import CaseModel

final class LocalDateTests: XCTestCase {
    func testParsesAndPrints() {
        XCTAssertEqual(LocalDate("2026-01-10")?.description, "2026-01-10")
        XCTAssertNil(LocalDate("2025-02-29"))
        XCTAssertNil(LocalDate("2026-13-01"))
        XCTAssertNil(LocalDate("2026-1-10"))
        XCTAssertNotNil(LocalDate("2024-02-29"))
        XCTAssertEqual(LocalDate("1970-01-01")?.daysSinceEpoch, 0)
        XCTAssertEqual(LocalDate("1969-12-31")?.daysSinceEpoch, -1)
        XCTAssertEqual(LocalDate("1900-03-01")?.description, "1900-03-01")
    }

    func testArithmetic() throws {
        let d = try XCTUnwrap(LocalDate("2026-01-31"))
        XCTAssertEqual(d.adding(months: 1).description, "2026-02-28")
        XCTAssertEqual(try XCTUnwrap(LocalDate("2024-01-31")).adding(months: 1).description, "2024-02-29")
        XCTAssertEqual(d.adding(days: 28).description, "2026-02-28")
        XCTAssertEqual(d.adding(months: -2).description, "2025-11-30")
        XCTAssertEqual(try XCTUnwrap(LocalDate("2026-05-02")).adding(days: 28).description, "2026-05-30")
        XCTAssertEqual(d.days(until: try XCTUnwrap(LocalDate("2026-03-01"))), 29)
    }

    func testAgeAcrossLeapDayBirthdays() throws {
        let born = try XCTUnwrap(LocalDate("2008-02-29"))
        XCTAssertEqual(born.age(on: try XCTUnwrap(LocalDate("2026-02-27"))), 17)
        XCTAssertEqual(born.age(on: try XCTUnwrap(LocalDate("2026-02-28"))), 18)
        XCTAssertEqual(born.age(on: try XCTUnwrap(LocalDate("2028-02-28"))), 19)
        XCTAssertEqual(born.age(on: try XCTUnwrap(LocalDate("2028-02-29"))), 20)
        let other = try XCTUnwrap(LocalDate("1960-11-30"))
        XCTAssertEqual(other.age(on: try XCTUnwrap(LocalDate("2026-11-29"))), 65)
        XCTAssertEqual(other.age(on: try XCTUnwrap(LocalDate("2026-11-30"))), 66)
    }

    func testPatientJSONOmitsEmptyListsAndRoundTrips() throws {
        let p = Patient(id: "SL-AML-0001", sex: .female, birthDate: LocalDate("1960-01-01")!,
                        diagnoses: [Diagnosis(date: LocalDate("2026-01-10")!, category: .aml)],
                        followUps: [FollowUp(due: LocalDate("2026-02-01")!, kind: "MRD", doneFlag: true)])
        let data = try JSONEncoder().encode(p)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertFalse(text.contains("variants"))
        XCTAssertTrue(text.contains("\"done\":true"))
        XCTAssertEqual(try JSONDecoder().decode(Patient.self, from: data), p)
    }
}
