import Foundation
import ScreenTesting
import XCTest
@testable import CaseboardCore

/// `caseboard bench` reads each timed command's peak memory from the command itself (`CASEBOARD_PEAK_RSS_FILE`): the
/// child's own `VmHWM`, not `wait4`'s `ru_maxrss`, which for a `posix_spawn`ed child includes the parent's memory.
final class PeakMemoryReportTests: XCTestCase {
    func testOwnHighWaterMarkIsReadFromProc() throws {
        let kib = try XCTUnwrap(PeakMemoryReport.highWaterKiB(), "VmHWM in /proc/self/status")
        XCTAssertGreaterThan(kib, 1024, "a Swift test process holds more than 1 MiB")
    }

    func testAChildCommandWritesItsOwnPeakAtExit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("peak.txt").path
        // The test process is large (every test target's code and fixtures); `themes` is a small command.
        let parent = try XCTUnwrap(PeakMemoryReport.highWaterKiB())
        let r = try BuiltExecutable.run(["themes"], environment: ["CASEBOARD_PEAK_RSS_FILE": file])
        XCTAssertEqual(r.status, 0, r.err)
        let text = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try XCTUnwrap(Int(text), "a number of KiB, found \(text)")
        XCTAssertGreaterThan(child, 1024)
        XCTAssertLessThan(child, parent, "the child's own peak, not the parent's (\(parent) KiB)")
        let none = try BuiltExecutable.run(["themes"])
        XCTAssertEqual(none.status, 0)
    }
}
