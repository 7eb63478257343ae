import XCTest
@testable import ScreenKit

final class BufferDiffTests: XCTestCase {
    func testIdenticalBuffersHaveNoRuns() {
        var a = Buffer(width: 10, height: 3)
        a.write("hello", x: 0, y: 1)
        XCTAssertEqual(a.diff(from: a), [])
    }

    func testChangedRunsAndFullRedraw() {
        var a = Buffer(width: 10, height: 3)
        a.write("hello", x: 0, y: 1)
        var b = a
        b.write("J", x: 0, y: 1)
        b.write("xy", x: 7, y: 2, role: .error)
        b[4, 1].role = .ok
        let runs = b.diff(from: a)
        XCTAssertEqual(runs.map(\.x), [0, 4, 7])
        XCTAssertEqual(runs.map(\.y), [1, 1, 2])
        XCTAssertEqual(runs[2].cells.map(\.text), ["x", "y"])
        XCTAssertEqual(runs[2].cells[0].role, .error)
        let full = b.diff(from: nil)
        XCTAssertEqual(full.count, 3)
        XCTAssertEqual(full.map { $0.cells.count }, [10, 10, 10])
        XCTAssertEqual(b.diff(from: Buffer(width: 9, height: 3)).count, 3)
    }

    func testWideGlyphIsSentWhole() {
        var a = Buffer(width: 6, height: 1)
        a.write("ab病", x: 0, y: 0)
        var b = a
        b[3, 0] = Cell(text: "", role: .ok, isContinuation: true)   // only the second half changes
        let runs = b.diff(from: a)
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs[0].x, 2)
        XCTAssertEqual(runs[0].cells.map(\.text), ["病", ""])
    }
}
