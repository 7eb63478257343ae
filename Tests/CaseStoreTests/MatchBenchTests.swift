import Foundation
import ScreenTesting
import XCTest

/// `caseboard bench --check-only` end to end on a 200-patient synthetic database: the engine's eligible
/// (trial, arm, patient) pairs equal the SQL baseline's on every arm SQL covers, and the reason codes agree with
/// the explained verdicts. Runs the built executable: the benchmark command end to end, as a user runs it.
final class MatchBenchTests: XCTestCase {

    func testEngineAndSQLAgreeOnTwoHundredPatients() throws {
        let exe = try XCTUnwrap(BuiltExecutable.url(), "build the caseboard executable first (swift build --build-tests)")
        let cache = TestFixtures.tempDirectory()
        let p = Process()
        p.executableURL = exe
        p.arguments = ["bench", "--sizes", "200", "--check-only", "--json", "--cache-dir", cache.path, "--today", "2026-11-29"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, errText)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], String(decoding: data, as: UTF8.self))
        let m = try XCTUnwrap((doc["matching"] as? [[String: Any]])?.first)
        XCTAssertEqual(m["patients"] as? Int, 200)
        XCTAssertEqual(m["pairsAgree"] as? Bool, true, errText)
        XCTAssertGreaterThan(m["sqlArmsCovered"] as? Int ?? 0, 40, "most arms are covered by SQL")
        XCTAssertGreaterThan(m["eligiblePairsCovered"] as? Int ?? 0, 20, "the comparison has eligible pairs to compare")
        XCTAssertGreaterThan(m["reasonsChecked"] as? Int ?? 0, 1000)
        for key in ["trials", "criteria", "seconds", "evaluationsPerSecond", "sqlBaselineSeconds", "singlePatientMs"] {
            XCTAssertNotNil(m[key], key)
        }
        // The database is cached by size, seed and generator hash: a second run reuses it.
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("bench-200-") && $0.hasSuffix(".sqlite") }
        XCTAssertEqual(files.count, 1)
    }

    func testBadSizesAreAUserError() throws {
        let exe = try XCTUnwrap(BuiltExecutable.url())
        let p = Process()
        p.executableURL = exe
        p.arguments = ["bench", "--sizes", "10,abc"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 1)
        XCTAssertTrue(text.contains("abc"), text)
    }
}
