import XCTest
@testable import ScreenKit

final class TableTests: XCTestCase {
    func testOnlyVisibleRowsAreAskedForAndCellsAreTruncated() {
        var asked: [Int] = []
        let table = Table(columns: [TableColumn("Id", width: .fixed(4)), TableColumn("Name", width: .fill),
                                    TableColumn("Age", width: .fixed(3), alignment: .right)],
                          rowCount: 100_000) { i in
            asked.append(i)
            return [Span("P\(i)"), Span(i == 1 ? "Bartholomew-Longname" : "Ann", role: .muted), Span("\(40 + i)")]
        }
        var b = Buffer(width: 20, height: 4)
        var state = ListState()
        table.render(into: &b, area: b.area, state: &state)
        XCTAssertEqual(asked, [0, 1, 2])
        XCTAssertEqual(b.rowText(0), "Id   Name        Age")
        XCTAssertEqual(b.rowText(1), "P0   Ann          40")
        XCTAssertEqual(b.rowText(2), "P1   Bartholome…  41")
        XCTAssertEqual(b[0, 0].role, .header)
        XCTAssertEqual(b[0, 1].role, .selection)
        XCTAssertEqual(b[5, 2].role, .muted)
    }

    func testScrollingKeepsSelectionVisible() {
        var asked: [Int] = []
        let table = Table(columns: [TableColumn("N", width: .fill)], rowCount: 50) { i in asked.append(i); return [Span("row \(i)")] }
        var b = Buffer(width: 10, height: 6)
        var state = ListState()
        let visible = table.visibleRows(in: b.area)
        XCTAssertEqual(visible, 5)
        state.handle(.char("G"), rowCount: 50, visibleRows: visible)
        XCTAssertEqual(state, ListState(selected: 49, offset: 45))
        table.render(into: &b, area: b.area, state: &state)
        XCTAssertEqual(asked, [45, 46, 47, 48, 49])
        XCTAssertEqual(b.rowText(5), "row 49    ")
        XCTAssertEqual(b[0, 5].role, .selection)
        state.handle(.pageUp, rowCount: 50, visibleRows: visible)
        XCTAssertEqual(state.selected, 44)
        XCTAssertEqual(state.offset, 40)
        state.handle(.char("g"), rowCount: 50, visibleRows: visible)
        XCTAssertEqual(state, ListState(selected: 0, offset: 0))
        state.handle(.pageDown, rowCount: 50, visibleRows: visible)
        XCTAssertEqual(state.selected, 5)
        state.handle(.char("k"), rowCount: 50, visibleRows: visible)
        XCTAssertEqual(state.selected, 4)
        XCTAssertEqual(table.rowAt(x: 2, y: 3, area: b.area, state: state), state.offset + 2)
        XCTAssertNil(table.rowAt(x: 2, y: 0, area: b.area, state: state))
    }

    func testEmptyTableAndUnfocusedSelection() {
        var b = Buffer(width: 6, height: 3)
        var state = ListState(selected: 7, offset: 3)
        Table(columns: [TableColumn("X")], rowCount: 0) { _ in XCTFail("no row to ask for"); return [] }
            .render(into: &b, area: b.area, state: &state)
        XCTAssertEqual(state, ListState())
        let list = ListView(rowCount: 3, isFocused: false) { i in [Span("• ", role: .muted), Span("item \(i) long")] }
        var b2 = Buffer(width: 8, height: 3)
        var s2 = ListState(selected: 1)
        list.render(into: &b2, area: b2.area, state: &s2)
        XCTAssertEqual(b2.rowText(0), "• item …")
        XCTAssertEqual(b2[0, 1].role, .selectionUnfocused)
        XCTAssertEqual(b2[0, 0].role, .muted)
    }
}
