import XCTest
@testable import ScreenKit

final class HintBarTests: XCTestCase {
    static let map = KeyMap(name: "Case list", bindings: [
        KeyBinding("quit", keys: [.char("q")], help: "Quit", inFooter: true),
        KeyBinding("down", keys: [.char("j"), .down], help: "Next row"),
        KeyBinding("help", keys: [.char("?")], help: "Help", inFooter: true),
        KeyBinding("search", keys: [.char("/")], help: "Search", inFooter: true),
    ])

    func testFooterFromInFooterBindings() {
        var b = Buffer(width: 30, height: 1)
        HintBar(maps: [Self.map]).render(into: &b, area: b.area)
        XCTAssertEqual(b.rowText(0), " q Quit  ? Help  / Search     ")
        XCTAssertEqual(b[1, 0].role, .hintKey)
        XCTAssertEqual(b[3, 0].role, .footer)
        XCTAssertEqual(b[29, 0].role, .footer)
        var narrow = Buffer(width: 17, height: 1)
        HintBar(maps: [Self.map]).render(into: &narrow, area: narrow.area)
        XCTAssertEqual(narrow.rowText(0), " q Quit  ? Help  ", "an item that does not fit is dropped whole")
    }

    func testHelpOverlayListsEveryBinding() {
        let global = KeyMap(name: "Global", bindings: [KeyBinding("back", keys: [.escape], help: "Back")])
        let overlay = HelpOverlay(maps: [Self.map, global], ascii: true)
        XCTAssertEqual(overlay.lines.filter { !$0.isHeader && !$0.keys.isEmpty }.map(\.help), ["Quit", "Next row", "Help", "Search", "Back"])
        var b = Buffer(width: 40, height: 14)
        overlay.render(into: &b, area: b.area)
        let text = b.text
        XCTAssertTrue(text.contains("j/Down  Next row"), "\n" + text)
        XCTAssertTrue(text.contains("Esc     Back"), text)
        XCTAssertTrue(text.contains("Case list"))
        let row = (0..<b.height).first { b.rowText($0).contains("Next row") } ?? -1
        let col = Array(b.rowText(row)).firstIndex(of: "j") ?? -1
        XCTAssertEqual(b[col, row].role, .hintKey)
    }
}
