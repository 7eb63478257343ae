import CaseModel
@testable import CaseStore
import XCTest

/// The screening export split (issue #17): rows in one table, the counts apart; a possibly eligible
/// (pre-screened) patient never counted as eligible; decline reasons counted by their controlled code
/// (clinical-reference.md §4.1 reason codes), the free text in its own column and never a category.
final class ScreeningSummaryTests: XCTestCase {
    func d(_ s: String) throws -> LocalDate { try XCTUnwrap(LocalDate(s)) }

    func record(_ patient: String, _ steps: [(String, ScreeningStatus, String?)], criterion: String? = nil) throws -> ScreeningRecord {
        ScreeningRecord(patient: patient, trial: "T1", source: "engine", history: try steps.map {
            ScreeningEvent(date: try d($0.0), status: $0.1, who: "coord", reason: $0.2,
                           criterion: $0.1 == .preScreenFailed || $0.1 == .screenFailed ? criterion : nil)
        })
    }

    func records() throws -> [ScreeningRecord] {
        [
            try record("P1", [("2026-11-01", .identified, nil), ("2026-11-02", .preScreened, nil)]),                 // possibly eligible only
            try record("P2", [("2026-11-01", .preScreened, nil), ("2026-11-03", .approached, nil),
                              ("2026-11-04", .declined, "patient-declined: wants treatment closer to home")]),
            try record("P3", [("2026-11-01", .preScreened, nil), ("2026-11-03", .approached, nil),
                              ("2026-11-05", .declined, "too far to travel")]),                                    // free text only
            try record("P4", [("2026-11-01", .preScreened, nil), ("2026-11-02", .approached, nil), ("2026-11-03", .consented, nil),
                              ("2026-11-09", .enrolled, nil)]),
            try record("P5", [("2026-11-01", .identified, nil), ("2026-11-02", .preScreenFailed, nil)], criterion: "age ≥ 18"),
            try record("P6", [("2026-11-01", .identified, nil)]),
        ]
    }

    func testSummaryNeverCountsPossiblyEligibleAsEligible() throws {
        let c = Dictionary(uniqueKeysWithValues: ScreeningExport.counts(try records()).map { ("\($0.0.0)|\($0.0.1)", $0.1) })
        XCTAssertEqual(c["in_log|"], 6)
        XCTAssertEqual(c["screened|"], 5, "P6 only identified")
        XCTAssertEqual(c["possibly_eligible|"], 4, "P1–P4 reached pre-screened")
        XCTAssertEqual(c["eligible|"], 1, "only P4, confirmed by protocol screening (enrolled); P1 stays possibly eligible")
        XCTAssertEqual(c["approached|"], 3)
        XCTAssertEqual(c["consented|"], 1)
        XCTAssertEqual(c["enrolled|"], 1)
        XCTAssertEqual(c["failed|declined: patient-declined"], 1)
        XCTAssertEqual(c["failed|declined: not coded"], 1, "a free-text reason is not a category")
        XCTAssertNil(c["failed|declined: too far to travel"])
        XCTAssertEqual(c["failed|pre-screen-failed: age ≥ 18"], 1)
    }

    func testRowsAreOneTableWithCodeAndFreeTextApart() throws {
        let csv = ScreeningExport.csv(try records())
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 7, "header + one line per patient and trial, no blank line, no second table")
        XCTAssertFalse(lines.contains { $0.isEmpty })
        XCTAssertEqual(lines.first.map(String.init), ScreeningExport.header)
        let cols = ScreeningExport.header.split(separator: ",").map(String.init)
        let codeIdx = try XCTUnwrap(cols.firstIndex(of: "reason_code")), textIdx = try XCTUnwrap(cols.firstIndex(of: "reason_text"))
        let p2 = try XCTUnwrap(lines.first { $0.contains(",P2,") }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(p2[codeIdx], "patient-declined")
        XCTAssertEqual(p2[textIdx], "wants treatment closer to home")
        let p3 = try XCTUnwrap(lines.first { $0.contains(",P3,") }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(p3[codeIdx], "", "uncoded stays empty, never `other`")
        XCTAssertEqual(p3[textIdx], "too far to travel")
        let summary = ScreeningExport.summaryCSV(try records())
        XCTAssertTrue(summary.hasPrefix("measure,detail,count\n"))
        XCTAssertFalse(summary.contains("P1"), "counts only")
    }

    func testReasonComposeAndSplitRoundTrip() {
        XCTAssertEqual(ScreeningReason.compose(.physicianDecision, "prefers azacitidine"), "physician-decision: prefers azacitidine")
        XCTAssertEqual(ScreeningReason.compose(.died, nil), "died")
        XCTAssertEqual(ScreeningReason.compose(nil, "  "), nil)
        XCTAssertEqual(ScreeningReason.split("physician-decision: prefers azacitidine").code, .physicianDecision)
        XCTAssertEqual(ScreeningReason.split("physician-decision: prefers azacitidine").text, "prefers azacitidine")
        XCTAssertEqual(ScreeningReason.split("died").code, .died)
        XCTAssertNil(ScreeningReason.split("died").text)
        XCTAssertNil(ScreeningReason.split("diedrich said no").code, "a code only as a whole word before ':'")
        XCTAssertNil(ScreeningReason.split(nil).code)
    }
}
