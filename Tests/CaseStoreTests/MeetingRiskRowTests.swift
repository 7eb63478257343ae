import CaseModel
@testable import CaseStore
import XCTest

/// The board record shows each group risk score with its drivers and missing inputs (issue #15 item 7): one row
/// per score, "provisional" when an input is missing; no row for a case without scores.
final class MeetingRiskRowTests: XCTestCase {
    let meeting = BoardMeeting(id: "RCP-1", date: LocalDate("2026-11-29")!, name: "RCP SMD")
    let item = AgendaItem(patient: "SL-MDS-1", question: "Azacitidine?", position: 1)

    func testScoreRowsWithDriversAndMissing() {
        var facts = MeetingCaseFacts()
        facts.risks = [
            SchemeRiskAssessment(scheme: "IPSS-R", version: "2012", category: "high", score: 5.5, complete: true,
                                 drivers: ["cytogenetics poor (-7)", "BM blasts 8%"]),
            SchemeRiskAssessment(scheme: "IPSS-M", version: "2022", category: "moderate-high", score: 0.4, complete: false,
                                 missing: ["SF3B1"], drivers: ["TP53 multihit"]),
        ]
        let rows = MeetingExport.fields(meeting: meeting, item: item, patient: nil, facts: facts)
        let byLabel = Dictionary(rows.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byLabel["IPSS-R risk"], "high (score 5.5) — cytogenetics poor (-7); BM blasts 8%")
        XCTAssertEqual(byLabel["IPSS-M risk"], "moderate-high (score 0.4) (provisional) — TP53 multihit (missing: SF3B1)")
        // After the ELN row, in the scores' order.
        let labels = rows.map(\.0)
        let eln = labels.firstIndex(of: "ELN 2022 risk") ?? -1
        XCTAssertEqual(labels.firstIndex(of: "IPSS-R risk"), eln + 1)
        XCTAssertEqual(labels.firstIndex(of: "IPSS-M risk"), eln + 2)
    }

    func testNoScoreNoRow() {
        let rows = MeetingExport.fields(meeting: meeting, item: item, patient: nil, facts: MeetingCaseFacts())
        XCTAssertFalse(rows.contains { $0.0.hasSuffix(" risk") && $0.0 != "ELN 2022 risk" })
    }
}
