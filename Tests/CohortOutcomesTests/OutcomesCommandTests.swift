import Foundation
import ScreenTesting
import XCTest

/// `caseboard outcomes` and `caseboard cases --where` end to end on a demo database written by
/// `caseboard demo-db --out` (the same generator, size and seed as the default demo database).
final class OutcomesCommandTests: XCTestCase {
    nonisolated(unsafe) static var database: String?

    func run(_ args: [String]) throws -> (status: Int32, out: Data, err: String) {
        try BuiltExecutable.run(args, environment: ["CASEBOARD_TODAY": "2026-11-29"])
    }

    func demoDatabase() throws -> String {
        if let d = Self.database { return d }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outcomes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("demo.sqlite").path
        let r = try run(["demo-db", "--out", path])
        XCTAssertEqual(r.status, 0, r.err)
        Self.database = path
        return path
    }

    func testOSByELN2022OnTheDemoDatabase() throws {
        let db = try demoDatabase()
        let r = try run(["outcomes", "--db", db, "--endpoint", "OS", "--by", "eln2022", "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.out) as? [String: Any])
        let groups = try XCTUnwrap(doc["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.map { $0["name"] as? String }, ["favorable", "intermediate", "adverse"])
        let at24 = groups.map { g in ((g["atRiskTable"] as? [[String: Any]])?.first { $0["time"] as? Double == 24 }?["survival"] as? Double) ?? -1 }
        XCTAssertTrue(at24[0] > at24[1] && at24[1] > at24[2], "ordered at 24 months: \(at24)")
        let excluded = try XCTUnwrap(doc["excluded"] as? Int)
        XCTAssertGreaterThan(excluded, 0, "non-AML patients are counted as excluded")
        XCTAssertEqual((doc["excludedPatients"] as? [Any])?.count, excluded)
        let n = groups.compactMap { $0["n"] as? Int }.reduce(0, +)
        XCTAssertEqual(n + excluded, (doc["cohort"] as? [String: Any])?["patients"] as? Int)
    }

    func testCasesWhereListsOnlyMet() throws {
        let db = try demoDatabase()
        let all = try run(["cases", "--db", db, "--json"])
        let old = try run(["cases", "--db", db, "--json", "--where", "age >= 60"])
        XCTAssertEqual(old.status, 0, old.err)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: old.out) as? [[String: Any]])
        let everyone = try XCTUnwrap(try JSONSerialization.jsonObject(with: all.out) as? [[String: Any]])
        XCTAssertFalse(rows.isEmpty)
        XCTAssertTrue(rows.allSatisfy { ($0["age"] as? Int ?? 0) >= 60 })
        XCTAssertEqual(rows.count, everyone.filter { ($0["age"] as? Int ?? 0) >= 60 }.count)
        let bad = try run(["cases", "--db", db, "--where", "age >="])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("--where age >="), bad.err)
    }

    func testBadOptionsExitOne() throws {
        let db = try demoDatabase()
        for args in [["--endpoint", "PFS"], ["--endpoint", "OS", "--by", "arm"], ["--endpoint", "RFS", "--from", "diagnosis"],
                     ["--endpoint", "OS", "--at", "12,x"], ["--endpoint", "OS", "--from", "hct", "--censor-at-hct"]] {
            let r = try run(["outcomes", "--db", db] + args)
            XCTAssertEqual(r.status, 1, "\(args): \(r.err)")
            XCTAssertFalse(r.err.isEmpty)
        }
    }
}
