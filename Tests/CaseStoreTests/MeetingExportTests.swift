import CaseModel
@testable import CaseStore
import XCTest

final class MeetingExportTests: XCTestCase {
    /// A meeting with one decided case (quorum not met, off guideline, trial, next review) and one undecided
    /// case whose question holds HTML; fixed dates and users.
    func fixture(_ db: AppDatabase? = nil) throws -> (BoardMeeting, [String: Patient]) {
        let db = try db ?? WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db, user: "dr.secretary")
        let m = try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP LAM adultes", site: "Hôpital Saint-Louis")
        try s.addToAgenda(meetingId: m.id, patientId: "SL-AML-0001", question: "Allogreffe en RC1 | donneur géno-identique ?")
        try s.addToAgenda(meetingId: m.id, patientId: "SL-ALL-0003", question: "<script>alert('x')</script> & \"essai\"")
        try s.recordDecision(meetingId: m.id, patientId: "SL-AML-0001", decision: BoardDecision(
            participants: [Participant(name: "Dr Martin", specialty: "haematology"), Participant(name: "Dr Petit", specialty: "pathology"),
                           Participant(name: "Mme Leroy", specialty: "research nurse", isPhysician: false)],
            diseaseStatus: "CR1, MRD negative", proposal: "Allo-HSCT from matched sibling donor", followsGuideline: false,
            justification: "favourable risk but persistent KIT-mutated clone", trialProposed: "SL-T-AML-001",
            nextReview: TestFixtures.date("2027-01-15")))
        var patients: [String: Patient] = [:]
        for id in ["SL-AML-0001", "SL-ALL-0003"] { patients[id] = try db.patient(id: id) }
        return (try db.meeting(id: m.id), patients)
    }

    func facts(_ p: Patient) -> MeetingCaseFacts {
        p.diagnosis?.category == .aml
            ? MeetingCaseFacts(eln2022: RiskAssessment(risk: .favorable, drivers: ["NPM1 mutated without FLT3-ITD"], rule: "ELN 2022"))
            : MeetingCaseFacts()
    }

    func testMarkdownGolden() throws {
        let (m, patients) = try fixture()
        let md = MeetingExport.markdown(m, patients: patients, facts: facts)
        WorkflowTestSupport.assertGolden(md, "meeting-RCP-2026-11-29-1.md")
        // Mandatory fields of the fiche RCP, for every case.
        for label in ["Patient", "RCP", "Participants", "Reason for presentation (question)", "Disease status", "Diagnosis",
                      "ELN 2022 risk", "Performance status", "Proposal"] {
            XCTAssertEqual(md.components(separatedBy: "| \(label) |").count - 1, 2, label)
        }
        XCTAssertTrue(md.contains("| Quorum | NOT MET: 2 physician specialties, 3 required |"))
        XCTAssertTrue(md.contains("HORS RÉFÉRENTIEL (off guideline) — justification: favourable risk but persistent KIT-mutated clone"))
        XCTAssertTrue(md.contains("| Clinical trial proposed | yes — SL-T-AML-001 |"))
        XCTAssertTrue(md.contains("Allogreffe en RC1 \\| donneur"), "a pipe in a value is escaped")
        XCTAssertFalse(md.contains("<script>"), "raw HTML in a value is escaped in Markdown too")
    }

    func testHTMLGoldenEscapesTextAndCarriesTheMRDChart() throws {
        let (m, patients) = try fixture()
        let html = MeetingExport.html(m, patients: patients, facts: facts)
        WorkflowTestSupport.assertGolden(html, "meeting-RCP-2026-11-29-1.html")
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;essai&quot;"))
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 2, "one chart per case with MRD")
        for decade in 1...6 { XCTAssertTrue(html.contains(">10⁻\(["", "¹", "²", "³", "⁴", "⁵", "⁶"][decade])</text>"), "decade \(decade)") }
        XCTAssertTrue(html.contains("class=\"undetectable\""), "the undetectable result has its own marker")
        XCTAssertTrue(html.contains("undetectable at sensitivity 1.0×10⁻⁵"))
    }

    func testChartGeometryIsLogarithmic() throws {
        let svg = try XCTUnwrap(MeetingMRDChart.svg([
            MRDResult(date: TestFixtures.date("2026-01-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 1e-2),
            MRDResult(date: TestFixtures.date("2026-03-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 1e-4),
            MRDResult(date: TestFixtures.date("2026-05-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: false, sensitivity: 1e-5),
            MRDResult(date: TestFixtures.date("2026-05-01"), marker: "WT1", method: .qPCR, tissue: .bm, detected: true, value: 0),
        ]))
        // Plot from y=16 (10⁻¹) to y=240 (10⁻⁶): 44.8 px per decade.
        XCTAssertTrue(svg.contains("cx=\"64.0\" cy=\"60.8\""), "10⁻² one decade below the top")
        XCTAssertTrue(svg.contains("cy=\"150.4\""), "10⁻⁴")
        XCTAssertTrue(svg.contains("450.0,195.2"), "undetectable drawn at its sensitivity 10⁻⁵")
        XCTAssertEqual(svg.components(separatedBy: "<g class=\"series\"").count - 1, 2, "one series per marker × method × tissue")
        XCTAssertEqual(MeetingMRDChart.scientific(0.0012), "1.2×10⁻³")
        XCTAssertEqual(MeetingMRDChart.scientific(0.000999), "1.0×10⁻³")
        XCTAssertNil(MeetingMRDChart.svg([]))
    }
}
