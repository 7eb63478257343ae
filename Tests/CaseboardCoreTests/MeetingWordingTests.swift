import CaseModel
import CaseboardCore
import XCTest

/// One wording for guideline adherence (issue #17): `meeting show` says `follows` / `outside the guideline`
/// as the UI does; the French board-record terms appear only with `--lang fr`.
final class MeetingWordingTests: XCTestCase {
    func testMeetingTextUsesTheUIWords() throws {
        let date = try XCTUnwrap(LocalDate("2026-11-29"))
        let people = [Participant(name: "Dr A", specialty: "haematology"), Participant(name: "Dr B", specialty: "pathology"),
                      Participant(name: "Dr C", specialty: "radiology")]
        let m = BoardMeeting(id: "RCP-1", date: date, name: "RCP", agenda: [
            AgendaItem(patient: "P1", question: "Q1", position: 0,
                       decision: BoardDecision(participants: people, proposal: "allo-HSCT", followsGuideline: true)),
            AgendaItem(patient: "P2", question: "Q2", position: 1,
                       decision: BoardDecision(participants: people, proposal: "trial", followsGuideline: false, justification: "TP53")),
        ])
        let text = Reports.meetingText(m)
        XCTAssertTrue(text.contains("guideline: follows\n"), text)
        XCTAssertTrue(text.contains("guideline: outside the guideline — TP53\n"), text)
        XCTAssertFalse(text.contains("conforme") || text.contains("RÉFÉRENTIEL"), text)
        XCTAssertEqual(try Reports.recordLanguage("FR").rawValue, "fr")
        XCTAssertThrowsError(try Reports.recordLanguage("de")) { XCTAssertTrue("\($0)".contains("--lang: expected en or fr")) }
    }
}
