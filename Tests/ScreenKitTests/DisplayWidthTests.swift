import XCTest
@testable import ScreenKit

final class DisplayWidthTests: XCTestCase {
    func testWideAndCombining() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("白血病"), 6)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)          // e + combining acute
        XCTAssertEqual(DisplayWidth.of("10⁻³"), 4)
        XCTAssertEqual(DisplayWidth.of("⣿"), 1)
    }

    func testTruncationIsWidthAware() {
        XCTAssertEqual(TextFit.truncate("白血病です", to: 5), "白血…")
        XCTAssertEqual(DisplayWidth.of(TextFit.truncate("白血病です", to: 6)), 5)
        XCTAssertEqual(TextFit.fit("Ange\u{301}le", width: 8), "Ange\u{301}le  ")
        XCTAssertEqual(TextFit.fit("42", width: 5, alignment: .right), "   42")
        XCTAssertEqual(TextFit.fit("ab", width: 6, alignment: .center), "  ab  ")
        XCTAssertEqual(TextFit.truncate("abcdef", to: 4, ellipsis: "~"), "abc~")
    }

    func testBufferWritesWideGlyphAsTwoCells() {
        var b = Buffer(width: 5, height: 1)
        XCTAssertEqual(b.write("a病b", x: 0, y: 0), 4)
        XCTAssertTrue(b[2, 0].isContinuation)
        XCTAssertEqual(b.rowText(0), "a病b ")
        var c = Buffer(width: 3, height: 1)
        XCTAssertEqual(c.write("ab病", x: 0, y: 0), 2, "a wide glyph straddling the edge is not drawn")
    }
}
