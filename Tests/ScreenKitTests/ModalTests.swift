import XCTest
@testable import ScreenKit

final class ModalTests: XCTestCase {
    func testRenderAndKeys() {
        var m = Modal(title: "Quit", message: "Unsaved decision. Quit anyway?", buttons: ["Yes", "No"], selected: 1, ascii: true)
        var b = Buffer(width: 40, height: 9)
        m.render(into: &b, area: b.area)
        let box = m.frame(in: b.area)
        XCTAssertEqual(box.height, 6)
        XCTAssertTrue(b.rowText(box.y).contains("+ Quit -"))
        XCTAssertTrue(b.rowText(box.y + 2).contains("Unsaved decision. Quit anyway?"))
        let buttonsRow = b.rowText(box.maxY - 2)
        XCTAssertTrue(buttonsRow.contains("[ Yes ]  [ No ]"), buttonsRow)
        let noX = Array(buttonsRow).firstIndex(of: "N") ?? -1
        XCTAssertEqual(b[noX, box.maxY - 2].role, .buttonFocused)
        XCTAssertEqual(m.buttonAt(x: noX, y: box.maxY - 2, area: b.area), 1)
        XCTAssertEqual(m.handle(.left), .moved)
        XCTAssertEqual(m.selected, 0)
        XCTAssertEqual(m.handle(.enter), .chosen(0))
        XCTAssertEqual(m.handle(.escape), .cancelled)
        XCTAssertEqual(m.handle(.char("n")), .chosen(1))
    }
}
