import XCTest
@testable import CaseModel

/// Dates typed relative to today (`+7d`, `+2w`, `+3m`, `today`) wherever a date is typed; calendar months as
/// `LocalDate.adding(months:)` does them (31 Jan + 1 m = 28/29 Feb).
final class RelativeDateTests: XCTestCase {
    let today = LocalDate("2026-11-29")!

    func testOffsetsAndAbsoluteDates() {
        XCTAssertEqual(RelativeDate.parse("+7d", today: today), LocalDate("2026-12-06"))
        XCTAssertEqual(RelativeDate.parse("+2w", today: today), LocalDate("2026-12-13"))
        XCTAssertEqual(RelativeDate.parse("+3m", today: today), LocalDate("2027-02-28"), "29 Nov + 3 months lands on 28 Feb")
        XCTAssertEqual(RelativeDate.parse("+1y", today: today), LocalDate("2027-11-29"))
        XCTAssertEqual(RelativeDate.parse("-10d", today: today), LocalDate("2026-11-19"))
        XCTAssertEqual(RelativeDate.parse(" Today ", today: today), today)
        XCTAssertEqual(RelativeDate.parse("2027-01-15", today: today), LocalDate("2027-01-15"))
    }

    func testAnythingElseIsRefused() {
        for bad in ["", "7d", "+d", "+7", "+7x", "+1.5m", "+99999d", "tomorrow", "2027-02-30", "+ 7d"] {
            XCTAssertNil(RelativeDate.parse(bad, today: today), bad)
        }
    }
}
