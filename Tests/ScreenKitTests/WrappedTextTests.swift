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

/// Issue 12, failure 8: `screen case` took time quadratic in a text field's length (64 KB label 7 s, 256 KB
/// 131 s): an over-long word was re-measured and re-copied after every cut line. Now one pass.
final class WrappedTextLinearTests: XCTestCase {
    func testOverlongWordWrapsInLinearTime() {
        let word = String(repeating: "x", count: 256 * 1024)
        let start = Date()
        let lines = WrappedText.wrap(word, width: 80)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "wrapping 256 KB must be linear")
        XCTAssertEqual(lines.count, (256 * 1024 + 79) / 80)
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.count == 80 })
        XCTAssertEqual(lines.joined(), word)
    }

    func testLongWordCutsKeepWideCharactersWhole() {
        // 5 wide characters (2 columns each) at width 4: two per line, the last one alone.
        XCTAssertEqual(WrappedText.wrap("日本語日本", width: 4), ["日本", "語日", "本"])
        XCTAssertEqual(WrappedText.wrap("ab cdefghij k", width: 4), ["ab", "cdef", "ghij", "k"])
    }
}
