import XCTest
import ScreenKit
@testable import CursesBackend

final class CursesTerminalTests: XCTestCase {
    func sampleBuffer() -> Buffer {
        var b = Buffer(width: 40, height: 8)
        b.write("Caseboard", x: 0, y: 0, role: .title)
        b.write("白血病 e\u{301}té", x: 2, y: 1, role: .error)
        b.write("▽ ⣿ 10⁻³", x: 0, y: 2, role: .mrdNegative)
        b.write("selected row", x: 0, y: 3, role: .selection)
        b.write("ASCII | + -", x: 0, y: 4, role: .chartAxis)
        b.write("X", x: 39, y: 7, role: .warning)
        return b
    }

    /// Every cell of the screen holds the buffer's text, attributes and colour pair.
    func assertScreenMatches(_ term: CursesTerminal, _ b: Buffer, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<b.height {
            for x in 0..<b.width {
                let want = b[x, y]
                if want.isContinuation { continue }
                guard let got = term.cell(x: x, y: y) else { XCTFail("no cell at \(x),\(y)", file: file, line: line); return }
                XCTAssertEqual(got.text, want.text, "text at \(x),\(y)", file: file, line: line)
                let r = term.resolved(want.role)
                XCTAssertEqual(got.attributes, r.attributes, "attributes at \(x),\(y) (\(want.role))", file: file, line: line)
                XCTAssertEqual(got.pair, r.pair, "pair at \(x),\(y) (\(want.role))", file: file, line: line)
            }
        }
    }

    func testDrawnCellsReadBackWithTextAttributesAndColours() throws {
        let theme = try Theme.named("default")
        let term = try CursesTerminal(testOutputPath: "/dev/null", width: 40, height: 8, theme: theme)
        defer { term.shutdown() }
        XCTAssertTrue(term.isUTF8)
        XCTAssertEqual(term.size.width, 40)
        XCTAssertEqual(term.size.height, 8)
        XCTAssertEqual(term.colorMode, .colors256)
        let b = sampleBuffer()
        term.draw(b)
        assertScreenMatches(term, b)
        XCTAssertEqual(term.cell(x: 2, y: 1)?.text, "白")
        XCTAssertEqual(term.cell(x: 9, y: 1)?.text, "e\u{301}")
        // Theme colours reach ncurses: error = bright-red on default, bold.
        let err = try XCTUnwrap(term.cell(x: 2, y: 1))
        XCTAssertNotEqual(err.pair, 0)
        XCTAssertEqual(term.pairColors(err.pair)?.fg, 9)
        XCTAssertEqual(term.pairColors(err.pair)?.bg, -1)
        XCTAssertNotEqual(err.attributes & CursesTerminal.boldAttribute, 0)
        // #5fafff (chart.series1) maps into the 256-colour cube.
        let s1 = term.resolved(.chartSeries1)
        XCTAssertEqual(term.pairColors(s1.pair)?.fg, 75)

        // A second frame: only the changes are drawn, the rest stays.
        var b2 = b
        b2.write("Trials   ", x: 0, y: 0, role: .tabActive)
        b2.write("病", x: 2, y: 1, role: .ok)
        term.draw(b2)
        assertScreenMatches(term, b2)
        XCTAssertEqual(term.cell(x: 0, y: 0)?.text, "T")
        XCTAssertEqual(term.cell(x: 0, y: 2)?.text, "▽")
        term.shutdown()
        term.shutdown()   // idempotent
        XCTAssertNil(term.cell(x: 0, y: 0))
    }

    func testNoColorGivesMonochromeWithReverseSelection() throws {
        let term = try CursesTerminal(testOutputPath: "/dev/null", width: 20, height: 4, theme: try Theme.named("default"),
                                      environment: ["NO_COLOR": "1"])
        defer { term.shutdown() }
        XCTAssertEqual(term.colorMode, .monochrome)
        var b = Buffer(width: 20, height: 4)
        b.write("row", x: 0, y: 0, role: .selection)
        b.write("bad", x: 0, y: 1, role: .error)
        term.draw(b)
        let sel = try XCTUnwrap(term.cell(x: 0, y: 0))
        XCTAssertEqual(sel.pair, 0)
        XCTAssertNotEqual(sel.attributes & CursesTerminal.reverseAttribute, 0, "a coloured background becomes reverse video")
        XCTAssertNotEqual(try XCTUnwrap(term.cell(x: 0, y: 1)).attributes & CursesTerminal.boldAttribute, 0)
        assertScreenMatches(term, b)
    }

    func testEightColourTerminalMapsToBasicColours() throws {
        let term = try CursesTerminal(testOutputPath: "/dev/null", width: 10, height: 2, theme: try Theme.named("colorblind"), termType: "xterm")
        defer { term.shutdown() }
        XCTAssertEqual(term.colorMode, .colors8)
        let r = term.resolved(.mrdPositive)   // #D55E00 vermillion
        XCTAssertEqual(term.pairColors(r.pair)?.fg, 1)
        var b = Buffer(width: 10, height: 2)
        b.write("MRD+ ↑", x: 0, y: 0, role: .mrdPositive)
        term.draw(b)
        assertScreenMatches(term, b)
    }

    func testKeyMapping() {
        XCTAssertEqual(CursesTerminal.characterKey(3), .ctrl("c"))
        XCTAssertEqual(CursesTerminal.characterKey(27), .escape)
        XCTAssertEqual(CursesTerminal.characterKey(127), .backspace)
        XCTAssertEqual(CursesTerminal.characterKey(13), .enter)
        XCTAssertEqual(CursesTerminal.characterKey(9), .tab)
        XCTAssertEqual(CursesTerminal.characterKey(0xE9), .char("é"))
        XCTAssertEqual(CursesTerminal.characterKey(Int32(UInt8(ascii: "q"))), .char("q"))
    }

    func testColorModeDetection() {
        XCTAssertEqual(ColorMode.detect(hasColors: true, colors: 256, environment: [:]), .colors256)
        XCTAssertEqual(ColorMode.detect(hasColors: true, colors: 16, environment: [:]), .colors16)
        XCTAssertEqual(ColorMode.detect(hasColors: true, colors: 256, environment: ["NO_COLOR": "1"]), .monochrome)
        XCTAssertEqual(ColorMode.detect(hasColors: true, colors: 256, environment: ["NO_COLOR": ""]), .colors256)
        XCTAssertEqual(ColorMode.detect(hasColors: false, colors: 0, environment: [:]), .monochrome)
    }
}
