import XCTest
@testable import ScreenKit

final class WrappedTextTests: XCTestCase {
    func testWrap() {
        XCTAssertEqual(WrappedText.wrap("NPM1 mutated without FLT3-ITD is favourable", width: 12),
                       ["NPM1 mutated", "without", "FLT3-ITD is", "favourable"])
        XCTAssertEqual(WrappedText.wrap("a\n\nb", width: 5), ["a", "", "b"])
        XCTAssertEqual(WrappedText.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(WrappedText.wrap("白血病 白血病", width: 7), ["白血病", "白血病"])
        XCTAssertEqual(WrappedText.wrap("白血病白", width: 5), ["白血", "病白"])
    }

    func testRenderWithScroll() {
        var b = Buffer(width: 6, height: 2)
        let n = WrappedText("one two three four", role: .warning).render(into: &b, area: b.area, scroll: 1)
        XCTAssertEqual(n, 4)
        XCTAssertEqual(b.text, "two   \nthree ")
        XCTAssertEqual(b[0, 0].role, .warning)
    }
}
