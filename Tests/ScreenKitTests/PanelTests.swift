import XCTest
@testable import ScreenKit

final class PanelTests: XCTestCase {
    func testUnicodePanelWithTitle() {
        var b = Buffer(width: 12, height: 4)
        let inner = Panel(title: "MRD", isFocused: false).render(into: &b, area: b.area)
        XCTAssertEqual(inner, Rect(x: 1, y: 1, width: 10, height: 2))
        XCTAssertEqual(b.text, "┌ MRD ─────┐\n│          │\n│          │\n└──────────┘")
        XCTAssertEqual(b[0, 0].role, .border)
    }

    func testASCIIFocusedPanelUsesFocusedRole() {
        var b = Buffer(width: 8, height: 3)
        Panel(title: "A long title", isFocused: true, ascii: true).render(into: &b, area: b.area)
        XCTAssertEqual(b.rowText(0), "+ A l~ +")
        XCTAssertEqual(b.rowText(1), "|      |")
        XCTAssertEqual(b.rowText(2), "+------+")
        XCTAssertEqual(b[0, 1].role, .borderFocused)
        XCTAssertEqual(b[2, 0].role, .title)
    }
}
