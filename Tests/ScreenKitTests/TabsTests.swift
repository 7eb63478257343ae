import XCTest
@testable import ScreenKit

final class TabsTests: XCTestCase {
    func testRenderAndHitTest() {
        let tabs = Tabs(titles: ["1 Cases", "2 Trials", "3 Work"], selected: 1)
        var b = Buffer(width: 30, height: 1)
        tabs.render(into: &b, area: b.area)
        XCTAssertEqual(b.rowText(0), " 1 Cases │ 2 Trials │ 3 Work  ")
        XCTAssertEqual(b[11, 0].role, .tabActive)
        XCTAssertEqual(b[1, 0].role, .tabInactive)
        XCTAssertEqual(tabs.hitTest(x: 0, y: 0, area: b.area), 0)
        XCTAssertEqual(tabs.hitTest(x: 12, y: 0, area: b.area), 1)
        XCTAssertNil(tabs.hitTest(x: 9, y: 0, area: b.area), "the separator is no tab")
        XCTAssertEqual(tabs.hitTest(x: 22, y: 0, area: b.area), 2)
        XCTAssertNil(tabs.hitTest(x: 12, y: 1, area: b.area))
        var narrow = Buffer(width: 15, height: 1)
        Tabs(titles: ["1 Cases", "2 Trials"], ascii: true).render(into: &narrow, area: narrow.area)
        XCTAssertEqual(narrow.rowText(0), " 1 Cases |     ")
        XCTAssertNil(Tabs(titles: ["1 Cases", "2 Trials"]).hitTest(x: 12, y: 0, area: narrow.area))
    }
}
