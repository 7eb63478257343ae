import XCTest
@testable import ScreenKit

final class LayoutTests: XCTestCase {
    func testSizes() {
        XCTAssertEqual(Layout.sizes(total: 100, [.fixed(10), .percent(30), .fill, .fill(2)]), [10, 30, 20, 40])
        XCTAssertEqual(Layout.sizes(total: 11, [.fill, .fill]), [6, 5])
        XCTAssertEqual(Layout.sizes(total: 10, [.fixed(8), .fixed(8)]), [8, 2])
        XCTAssertEqual(Layout.sizes(total: 10, [.fill, .fill], spacing: 2), [4, 4])
    }

    func testRowsAndColumns() {
        let r = Rect(x: 2, y: 1, width: 20, height: 10)
        XCTAssertEqual(Layout.rows(r, [.fixed(1), .fill, .fixed(1)]),
                       [Rect(x: 2, y: 1, width: 20, height: 1), Rect(x: 2, y: 2, width: 20, height: 8), Rect(x: 2, y: 10, width: 20, height: 1)])
        XCTAssertEqual(Layout.columns(r, [.percent(50), .fill], spacing: 1).map(\.x), [2, 12])
        XCTAssertEqual(Layout.centered(r, width: 10, height: 4), Rect(x: 7, y: 4, width: 10, height: 4))
    }
}
