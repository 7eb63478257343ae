import XCTest
@testable import ScreenKit

final class LineEditorTests: XCTestCase {
    func testEditing() {
        var e = LineEditor()
        for c in "NPM" { XCTAssertEqual(e.handle(.char(c)), .edited) }
        XCTAssertEqual(e.handle(.left), .moved)
        XCTAssertEqual(e.handle(.backspace), .edited)
        XCTAssertEqual(e.text, "NM")
        XCTAssertEqual(e.cursor, 1)
        _ = e.handle(.char("P"))
        _ = e.handle(.end)
        _ = e.handle(.char("1"))
        XCTAssertEqual(e.text, "NPM1")
        _ = e.handle(.home)
        XCTAssertEqual(e.handle(.delete), .edited)
        XCTAssertEqual(e.text, "PM1")
        XCTAssertEqual(e.handle(.backspace), .ignored)
        e.text = "flt3 itd"
        XCTAssertEqual(e.handle(.ctrl("w")), .edited)
        XCTAssertEqual(e.text, "flt3 ")
        XCTAssertEqual(e.handle(.enter), .submitted)
        XCTAssertEqual(e.handle(.escape), .cancelled)
    }

    func testRenderScrollsToCursor() {
        var e = LineEditor("abcdefghij")
        var b = Buffer(width: 8, height: 1)
        e.render(into: &b, area: b.area, prompt: "/")
        XCTAssertEqual(b.rowText(0), "/efghij ")
        XCTAssertEqual(b[7, 0].role, .inputCursor)
        _ = e.handle(.home)
        e.render(into: &b, area: b.area, prompt: "/")
        XCTAssertEqual(b.rowText(0), "/abcdefg")
        XCTAssertEqual(b[1, 0].role, .inputCursor)
        XCTAssertEqual(b[2, 0].role, .input)
    }
}
