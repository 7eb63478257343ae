import XCTest
@testable import SurvivalStats

/// The RFC 4180 reader, its row/column messages, and the JSON report of formats.md.
final class TableAndReportTests: XCTestCase {
    func testRFC4180Quoting() throws {
        let text = "\u{FEFF}time,status,group\r\n1,1,\"A, first\"\r\n2,0,\"say \"\"hi\"\"\"\r\n3,1,\"two\nlines\"\n4,0,B"
        let t = try CSVTable.parse(text, file: "t.csv")
        XCTAssertEqual(t.header, ["time", "status", "group"])
        XCTAssertEqual(t.records.map { $0.fields[2] }, ["A, first", "say \"hi\"", "two\nlines", "B"])
        XCTAssertEqual(t.records.map(\.line), [2, 3, 4, 6], "a record's line is where it starts")
    }

    func testMalformedTablesNameTheRow() {
        func message(_ text: String) -> String {
            do { _ = try CSVTable.parse(text, file: "f.csv"); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(message("a,b\n1,2\n3\n"), "f.csv: row 3: 1 fields where the header has 2")
        XCTAssertEqual(message("a,b\n1,\"2\n"), "f.csv: row 2: a quoted field is not closed before the end of the file")
        XCTAssertEqual(message("a,b\n1,\"2\"x\n"), "f.csv: row 2: text after the closing quote of a field")
        XCTAssertEqual(message("a,a\n1,2\n"), "f.csv: row 1, column a: the column name appears twice")
        XCTAssertEqual(message(""), "f.csv: row 1: the file is empty (no header)")
    }

    func testBadCellsNameRowAndColumn() throws {
        func message(_ text: String, competing: Int? = nil, entry: String? = nil) -> String {
            do {
                let t = try CSVTable.parse(text, file: "f.csv")
                _ = try SurvivalTable.observations(t, file: "f.csv", time: "t", event: "e", group: "g", competingCode: competing, entry: entry)
                return "no error"
            } catch { return "\(error)" }
        }
        XCTAssertEqual(message("t,e,g\n1,1,A\nabc,0,A\n"), "f.csv: row 3, column t: 'abc' is not a number")
        XCTAssertEqual(message("t,e,g\n-1,1,A\n"), "f.csv: row 2, column t: negative time -1")
        XCTAssertEqual(message("t,e,g\n1,,A\n"), "f.csv: row 2, column e: the status is missing")
        XCTAssertEqual(message("t,e,g\n1,2,A\n"), "f.csv: row 2, column e: status 2 is not 0 (censored) or 1 (event)")
        XCTAssertEqual(message("t,e,g\n1,2,A\n", competing: 2), "no error")
        XCTAssertEqual(message("t,e,g\n1,1,\n"), "f.csv: row 2, column g: the group is missing")
        XCTAssertEqual(message("t,e,g\n1,1,A\n", entry: "x"), "f.csv: row 1, column x: no such column (columns: t, e, g)")
        XCTAssertEqual(message("t,e,g,x\n5,1,A,2\n", entry: "x"),
                       "f.csv: row 2, column x: late entry (left truncation) is not supported: the entry time must be 0, not 2")
    }

    /// The report of `survival aml.csv --group group --at 12,24 --json` in the shape of formats.md, with
    /// null for not reached (README.md: upper median limits not reached).
    func testReportJSONShape() throws {
        let obs = try Fixtures.observations("aml.csv")
        let r = try SurvivalAnalysis.report(obs, options: .init(endpoint: "status", unit: "weeks", at: [12, 24]))
        XCTAssertEqual(r.groups.map(\.name), ["Maintained", "Nonmaintained"])
        XCTAssertEqual(r.groups.map(\.n), [11, 12])
        XCTAssertEqual(r.groups.map(\.events), [7, 11])
        XCTAssertEqual(r.groups.map(\.median), [31, 23])
        XCTAssertEqual(r.groups[0].atRiskTable.map(\.atRisk), [10, 6], "Maintained follow-up ≥ 12: 10; ≥ 24: 28+ 31 34 45+ 48 161+")
        XCTAssertEqual(r.hazardRatios.count, 1)
        let json = try JSONSerialization.jsonObject(with: r.jsonData()) as? [String: Any]
        let groups = json?["groups"] as? [[String: Any]]
        XCTAssertTrue(groups?[0]["medianUpper"] is NSNull, "not reached is null, not absent")
        XCTAssertEqual(groups?[0]["medianLower"] as? Double, 18)
        let steps = groups?[1]["steps"] as? [[String: Any]]
        XCTAssertTrue(steps?.last?["stdErr"] is NSNull)
        let lr = json?["logRank"] as? [String: Any]
        XCTAssertEqual(lr?["df"] as? Int, 1)
        XCTAssertEqual(lr?["p"] as? Double ?? 0, 0.065, accuracy: 0.0005)
        let hr = (json?["hazardRatios"] as? [[String: Any]])?.first
        XCTAssertEqual(hr?["hr"] as? Double ?? 0, 2.498, accuracy: 0.0005)
        XCTAssertEqual(hr?["versus"] as? String, "Maintained")
    }

    func testReportWithCompetingEvents() throws {
        let obs = try Fixtures.observations("bmt_scrucca_competing.csv", competingCode: 2)
        let r = try SurvivalAnalysis.report(obs, options: .init(endpoint: "status", competingCode: 2, eventLabels: [1: "first", 2: "second"]))
        XCTAssertEqual(r.cumulativeIncidence.map(\.name), ["ALL", "ALL", "AML", "AML"])
        XCTAssertEqual(r.cumulativeIncidence.map(\.event), [1, 2, 1, 2])
        XCTAssertEqual(r.cumulativeIncidence[0].steps.last?.estimate ?? 0, 3.0 / 17, accuracy: 1e-12)
        XCTAssertEqual(r.groups[0].events, 15, "Kaplan–Meier counts the first event of either kind")
        XCTAssertFalse(r.notes.isEmpty)
    }

    func testSmallGroupsGetNoPValueButANote() throws {
        let obs = Fixtures.obs([(1, 1), (2, 1), (3, 0)], group: "A") + Fixtures.obs([(2, 1), (4, 0), (5, 1)], group: "B")
        let r = try SurvivalAnalysis.report(obs, options: .init(endpoint: "OS"))
        XCTAssertNil(r.logRank?.p)
        XCTAssertEqual(r.logRank?.note, "p not shown: fewer than 10 patients in A (n=3), B (n=3)")
        XCTAssertNil(r.hazardRatios[0].p)
        XCTAssertNotNil(r.hazardRatios[0].hr)
        XCTAssertEqual(r.hazardRatios[0].note, "p not shown: fewer than 10 patients in A (n=3), B (n=3)")
    }
}
