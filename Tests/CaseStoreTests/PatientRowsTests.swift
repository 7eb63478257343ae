import CaseModel
import XCTest
@testable import CaseStore

final class PatientRowsTests: XCTestCase {
    func testFastDateTextMatchesLocalDateDescription() {
        for days in stride(from: -30_000, through: 40_000, by: 37) {
            let d = LocalDate(daysSinceEpoch: days)
            XCTAssertEqual(PatientRows.text(d), d.description)
        }
    }

    func testListColumnsRoundTrip() {
        XCTAssertEqual(PatientRows.splitList(PatientRows.joinList([])), [])
        XCTAssertEqual(PatientRows.splitList(PatientRows.joinList(["t(8;21)(q22;q22.1)", "-7", "+8"])), ["t(8;21)(q22;q22.1)", "-7", "+8"])
    }
}
