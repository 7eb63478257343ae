import Foundation
import ScreenTesting
import XCTest

/// `caseboard survival` end to end (the "done when": aml.csv reproduces R's published output,
/// fixtures/survival/README.md), and its refusals with exit status 1.
final class SurvivalCommandTests: XCTestCase {
    func run(_ args: [String]) throws -> (status: Int32, out: Data, err: String) {
        try BuiltExecutable.run(args)
    }

    func testAMLJSONReproducesR() throws {
        let file = try Fixtures.url("aml.csv").path
        let r = try run(["survival", file, "--time", "time", "--event", "status", "--group", "group", "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.out) as? [String: Any])
        let groups = try XCTUnwrap(doc["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.map { $0["name"] as? String }, ["Maintained", "Nonmaintained"])
        for (g, group) in zip(groups, ["Maintained", "Nonmaintained"]) {
            let steps = try XCTUnwrap(g["steps"] as? [[String: Any]])
            let expected = KaplanMeierTests.amlR.filter { $0.0 == group }
            XCTAssertEqual(steps.count, expected.count)
            for (s, e) in zip(steps, expected) {
                XCTAssertEqual(s["time"] as? Double, e.1)
                XCTAssertEqual(s["atRisk"] as? Int, e.2)
                assertPrinted(s["survival"] as? Double, e.4, "\(group) \(e.1) survival")
                if let se = e.5 { assertPrinted(s["stdErr"] as? Double, se, "\(group) \(e.1) stdErr") } else { XCTAssertTrue(s["stdErr"] is NSNull) }
                if let lo = e.6 { assertPrinted(s["lower"] as? Double, lo, "\(group) \(e.1) lower") }
                if let hi = e.7 { assertPrinted(s["upper"] as? Double, hi, "\(group) \(e.1) upper") }
            }
        }
        XCTAssertEqual(groups[0]["median"] as? Double, 31)
        XCTAssertEqual(groups[0]["medianLower"] as? Double, 18)
        XCTAssertTrue(groups[0]["medianUpper"] is NSNull)
        XCTAssertEqual(groups[1]["median"] as? Double, 23)
        XCTAssertEqual(groups[1]["medianLower"] as? Double, 8)
        let lr = try XCTUnwrap(doc["logRank"] as? [String: Any])
        assertPrinted(lr["chiSquare"] as? Double, "3.4", "chi-square")
        let hr = try XCTUnwrap((doc["hazardRatios"] as? [[String: Any]])?.first)
        assertPrinted(hr["hr"] as? Double, "2.498", "Efron HR")
    }

    func testBreslowAndLogLogOptions() throws {
        let file = try Fixtures.url("aml.csv").path
        let r = try run(["survival", file, "--time", "time", "--event", "status", "--group", "group",
                         "--ties", "breslow", "--conf-type", "log-log", "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.out) as? [String: Any])
        XCTAssertEqual(doc["confType"] as? String, "log-log")
        let hr = try XCTUnwrap((doc["hazardRatios"] as? [[String: Any]])?.first)
        assertPrinted(hr["hr"] as? Double, "2.470", "Breslow HR (README.md)")
    }

    func testBadRowExitsOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("survival-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("bad.csv")
        try "t,e\n1,1\n2,7\n".write(to: f, atomically: true, encoding: .utf8)
        let r = try run(["survival", f.path, "--time", "t", "--event", "e"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("\(f.path): row 3, column e: status 7 is not 0 (censored) or 1 (event)"), r.err)
        let missing = try run(["survival", f.path, "--time", "t", "--event", "status"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("column status: no such column"), missing.err)
        let conf = try run(["survival", f.path, "--time", "t", "--event", "e", "--conf-type", "plain"])
        XCTAssertEqual(conf.status, 1)
    }
}

/// `--strata` and `--landmark` of `caseboard survival`.
extension SurvivalCommandTests {
    /// aml.csv with an alternating site column A/B: stratified by site, O, E and V are summed within sites,
    /// so the statistic differs from the pooled 3.4 of R's survdiff (fixtures/survival/README.md); and a
    /// landmark at week 20 keeps the 7 Maintained patients followed beyond it (9, 13, 13+, 18 leave).
    func testStrataAndLandmark() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("strata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = try String(contentsOf: try Fixtures.url("aml.csv"), encoding: .utf8)
        var lines = src.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        lines[0] += ",site"
        for i in 1..<lines.count { lines[i] += i % 2 == 0 ? ",A" : ",B" }
        let f = dir.appendingPathComponent("aml-sites.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: f, atomically: true, encoding: .utf8)
        let r = try run(["survival", f.path, "--time", "time", "--event", "status", "--group", "group", "--strata", "site", "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.out) as? [String: Any])
        let lr = try XCTUnwrap(doc["logRank"] as? [String: Any])
        XCTAssertEqual(lr["stratified"] as? Bool, true)
        XCTAssertNotEqual(lr["chiSquare"] as? Double ?? 3.396, 3.396, accuracy: 1e-3, "stratified differs from the pooled test")
        let lm = try run(["survival", f.path, "--time", "time", "--event", "status", "--group", "group", "--landmark", "20", "--json"])
        XCTAssertEqual(lm.status, 0, lm.err)
        let ld = try XCTUnwrap(try JSONSerialization.jsonObject(with: lm.out) as? [String: Any])
        let groups = try XCTUnwrap(ld["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.first?["n"] as? Int, 7, "Maintained: 7 followed beyond week 20")
        XCTAssertTrue((ld["notes"] as? [String])?.contains { $0.hasPrefix("Landmark at 20.0") } ?? false)
    }
}
