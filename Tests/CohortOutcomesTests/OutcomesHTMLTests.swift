import Foundation
import XCTest

/// `caseboard outcomes … --out FILE.html` (issue #14 item 6): the curves as SVG with the at-risk table, medians and
/// the log-rank p; a new file is 0600; a database (the open one, or any other) is never overwritten.
extension OutcomesCommandTests {
    func testHTMLExportDrawsTheCurvesAndTheTable() throws {
        let db = try demoDatabase()
        let dir = URL(fileURLWithPath: db).deletingLastPathComponent()
        let out = dir.appendingPathComponent("os.html").path
        try? FileManager.default.removeItem(atPath: out)
        let json = try run(["outcomes", "--db", db, "--endpoint", "OS", "--by", "eln2022", "--json", "--out", out])
        XCTAssertEqual(json.status, 0, json.err)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.out) as? [String: Any])
        let groups = try XCTUnwrap(doc["groups"] as? [[String: Any]])
        let html = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(html.contains("<svg"), "an inline SVG")
        XCTAssertTrue(html.contains("SYNTHETIC DEMO DATA"))
        // One curve per group, the at-risk table with each group's n at month 0, the median and the log-rank line.
        XCTAssertEqual(html.components(separatedBy: "class=\"curve\"").count - 1, groups.count)
        for g in groups {
            let name = try XCTUnwrap(g["name"] as? String), n = try XCTUnwrap(g["n"] as? Int)
            XCTAssertTrue(html.contains("data-group=\"\(name)\""), name)
            XCTAssertTrue(html.contains("<tr><td>\(name)</td><td>\(n)</td>"), "summary row of \(name)")
            XCTAssertTrue(html.contains("text-anchor=\"middle\">\(n)</text>"), "n at risk at 0 for \(name)")
        }
        XCTAssertTrue(html.contains("Number at risk"))
        XCTAssertTrue(html.contains("Log-rank: χ²"))
        let attrs = try FileManager.default.attributesOfItem(atPath: out)
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue ?? -1, 0o600, "the report is private (0600)")
        // Rewriting the same report is allowed; the database never is.
        XCTAssertEqual(try run(["outcomes", "--db", db, "--endpoint", "OS", "--out", out]).status, 0)
        let onDB = try run(["outcomes", "--db", db, "--endpoint", "OS", "--out", db])
        XCTAssertEqual(onDB.status, 1, onDB.err)
        XCTAssertTrue(onDB.err.contains("refusing"), onDB.err)
        let other = dir.appendingPathComponent("copy.sqlite").path
        try? FileManager.default.removeItem(atPath: other)
        try FileManager.default.copyItem(atPath: db, toPath: other)
        let onOther = try run(["outcomes", "--db", db, "--endpoint", "OS", "--out", other])
        XCTAssertEqual(onOther.status, 1, onOther.err)
        XCTAssertTrue(onOther.err.contains(other), onOther.err)
        XCTAssertTrue(try Data(contentsOf: URL(fileURLWithPath: other)).starts(with: Array("SQLite format 3".utf8)), "nothing was written")
    }
}
