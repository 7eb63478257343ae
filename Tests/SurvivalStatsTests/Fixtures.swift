import Foundation
import XCTest
import SurvivalStats

/// The survival fixtures of `shared/fixtures/survival` beside the checkout (or CASEBOARD_SHARED_DIR).
/// Missing fixtures skip the test locally and fail it under CI=true.
enum Fixtures {
    static let directory: URL = {
        if let d = ProcessInfo.processInfo.environment["CASEBOARD_SHARED_DIR"] {
            return URL(fileURLWithPath: d).appendingPathComponent("fixtures/survival")
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/fixtures/survival")
    }()

    static func url(_ name: String) throws -> URL {
        let u = directory.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: u.path) {
            let message = "survival fixture \(name) not found at \(u.path) (set CASEBOARD_SHARED_DIR)"
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail(message)
                throw SurvivalError.invalid(message)
            }
            throw XCTSkip(message)
        }
        return u
    }

    static func observations(_ name: String, competingCode: Int? = nil) throws -> [SurvivalObservation] {
        let u = try url(name)
        let text = try String(contentsOf: u, encoding: .utf8)
        let table = try CSVTable.parse(text, file: name)
        return try SurvivalTable.observations(table, file: name, time: "time", event: "status", group: "group",
                                              competingCode: competingCode)
    }

    static func obs(_ pairs: [(Double, Int)], group: String = "all") -> [SurvivalObservation] {
        pairs.map { SurvivalObservation(time: $0.0, status: $0.1, group: group) }
    }
}

/// Asserts `value` equals the printed number `printed` within half its last printed digit.
func assertPrinted(_ value: Double?, _ printed: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
    guard let expected = Double(printed) else { return XCTFail("bad expected \(printed)", file: file, line: line) }
    guard let value else { return XCTFail("\(what): nil, expected \(printed)", file: file, line: line) }
    let decimals = printed.split(separator: ".").dropFirst().first?.count ?? 0
    let tolerance = 0.5 * pow(10, -Double(decimals)) + 1e-12
    XCTAssertEqual(value, expected, accuracy: tolerance, "\(what): \(value) vs printed \(printed)", file: file, line: line)
}
