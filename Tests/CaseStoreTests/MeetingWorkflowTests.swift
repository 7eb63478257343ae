import CaseModel
@testable import CaseStore
import XCTest

final class MeetingWorkflowTests: XCTestCase {
    let board = [Participant(name: "Dr Haem", specialty: "haematology"), Participant(name: "Dr Path", specialty: "pathology"),
                 Participant(name: "Dr Rad", specialty: "radiology")]

    func testMeetingAgendaDecisionScreeningAndReviewTask() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        let m = try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP LAM adultes", site: "Hôpital Saint-Louis")
        XCTAssertEqual(m.id, "RCP-2026-11-29-1")
        XCTAssertEqual(try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP LAL").id, "RCP-2026-11-29-2")
        try s.addToAgenda(meetingId: m.id, patientId: "SL-AML-0002", question: "Allogreffe ?")
        try s.addToAgenda(meetingId: m.id, patientId: "SL-AML-0001", question: "Essai ?")
        let outcome = try s.recordDecision(meetingId: m.id, patientId: "SL-AML-0001", decision: BoardDecision(
            participants: board, diseaseStatus: "CR1", proposal: "Consolidation then allo-HSCT", followsGuideline: true,
            trialProposed: "SL-T-AML-001", nextReview: TestFixtures.date("2027-01-10")))
        XCTAssertEqual(outcome.warnings, [])

        let stored = try db.meeting(id: m.id)
        XCTAssertEqual(stored.agenda.map(\.patient), ["SL-AML-0002", "SL-AML-0001"])
        XCTAssertEqual(stored.agenda.map(\.position), [1, 2])
        let d = try XCTUnwrap(stored.agenda[1].decision)
        XCTAssertEqual(d.participants, board)
        XCTAssertEqual(d.proposal, "Consolidation then allo-HSCT")
        XCTAssertEqual(d.recordedBy, "dr.test")
        XCTAssertNil(stored.agenda[0].decision)
        // The trial enters the pre-screening log as identified, source RCP, dated the meeting.
        let log = try db.screeningRecords(trial: "SL-T-AML-001")
        XCTAssertEqual(log.count, 1)
        XCTAssertEqual(log[0].patient, "SL-AML-0001")
        XCTAssertEqual(log[0].source, "RCP")
        XCTAssertEqual(log[0].status, .identified)
        XCTAssertEqual(log[0].history.first?.date, TestFixtures.date("2026-11-29"))
        // The next review is an RCP review task on the worklist.
        let tasks = try s.tasks(for: try db.patient(id: "SL-AML-0001"))
        let review = try XCTUnwrap(tasks.first { $0.kind == "RCP review" })
        XCTAssertEqual(review.id, "SL-AML-0001:rcp-review-RCP-2026-11-29-1")
        XCTAssertEqual(review.due, TestFixtures.date("2027-01-10"))
        XCTAssertEqual(review.status, .upcoming)

        // Re-recording replaces the decision, moves the task, and does not duplicate the screening record.
        try s.recordDecision(meetingId: m.id, patientId: "SL-AML-0001", decision: BoardDecision(
            participants: board, proposal: "Allo-HSCT", followsGuideline: true, trialProposed: "SL-T-AML-001",
            nextReview: TestFixtures.date("2027-02-01")))
        XCTAssertEqual(try db.meeting(id: m.id).agenda[1].decision?.proposal, "Allo-HSCT")
        XCTAssertEqual(try WorkflowTestSupport.count(db, "screening"), 1)
        XCTAssertEqual(try WorkflowTestSupport.count(db, "screeningEvent"), 1)
        XCTAssertEqual(try db.appTasks(patientId: "SL-AML-0001").map(\.due), [TestFixtures.date("2027-02-01")])
    }

    func testReimportingAPatientKeepsItsDecisionsScreeningAndNursesRecords() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        let m = try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP")
        try s.addToAgenda(meetingId: m.id, patientId: "SL-AML-0001", question: "Q")
        try s.recordDecision(meetingId: m.id, patientId: "SL-AML-0001", decision: BoardDecision(
            participants: board, proposal: "P", followsGuideline: true, trialProposed: "SL-T-AML-001",
            nextReview: TestFixtures.date("2027-01-01")))
        try s.completeTask(id: "SL-AML-0001:cbc", date: TestFixtures.date("2026-11-28"))
        try db.importPatients([TestFixtures.patient("SL-AML-0001")], who: "import")
        XCTAssertEqual(try db.meeting(id: m.id).agenda.first?.decision?.proposal, "P")
        XCTAssertEqual(try db.screeningRecords(patient: "SL-AML-0001").count, 1)
        XCTAssertEqual(try db.taskStates(patientId: "SL-AML-0001").count, 1)
        XCTAssertEqual(Set(try db.appTasks(patientId: "SL-AML-0001").map(\.kind)), ["RCP review", "CBC"])
    }

    func testQuorumIsAWarningNotARefusal() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db)
        let m = try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP")
        try s.addToAgenda(meetingId: m.id, patientId: "SL-AML-0001", question: "Q")
        // Three people but two physician specialties (two haematologists and a nurse).
        let participants = [Participant(name: "A", specialty: "haematology"), Participant(name: "B", specialty: "Haematology"),
                            Participant(name: "C", specialty: "pathology"), Participant(name: "N", specialty: "nurse", isPhysician: false)]
        let outcome = try s.recordDecision(meetingId: m.id, patientId: "SL-AML-0001", decision: BoardDecision(
            participants: participants, proposal: "Watch and wait", followsGuideline: true))
        XCTAssertEqual(outcome.warnings.count, 1)
        XCTAssertTrue(outcome.warnings[0].contains("quorum not met: 2 physician specialties (haematology, pathology)"), outcome.warnings[0])
        XCTAssertEqual(try db.meeting(id: m.id).agenda[0].decision?.participants.count, 4, "recorded anyway")
        XCTAssertNil(WorkflowService.quorumWarning(board))
    }

    func testRefusalsWriteNothing() throws {
        let db = try WorkflowTestSupport.database()
        let verdicts: WorkflowService.VerdictProvider = { p in
            [ArmVerdict(patient: p.id, trial: "SL-T-AML-001", arm: "A", armStatus: .open, verdict: .possiblyEligible, criteria: []),
             ArmVerdict(patient: p.id, trial: "SL-T-AML-002", arm: "A", armStatus: .open, verdict: .ineligible, criteria: []),
             ArmVerdict(patient: p.id, trial: "SL-T-ALL-003", arm: "A", armStatus: .closed, verdict: .eligible, criteria: [])]
        }
        let s = try WorkflowTestSupport.service(db, verdicts: verdicts)
        let m = try s.createMeeting(date: TestFixtures.date("2026-11-29"), name: "RCP")
        try s.addToAgenda(meetingId: m.id, patientId: "SL-AML-0001", question: "Q")
        let auditBefore = try WorkflowTestSupport.count(db, "auditLog")
        func decide(_ d: BoardDecision, patient: String = "SL-AML-0001", meeting: String? = nil) -> String {
            WorkflowTestSupport.message { try s.recordDecision(meetingId: meeting ?? m.id, patientId: patient, decision: d) }
        }
        XCTAssertEqual(decide(BoardDecision(participants: board, proposal: "X", followsGuideline: false)),
                       "a decision outside the guideline (hors référentiel) requires a justification.")
        XCTAssertEqual(decide(BoardDecision(participants: board, proposal: "  ", followsGuideline: true)),
                       "the board's proposal is required.")
        XCTAssertTrue(decide(BoardDecision(participants: board, proposal: "X", followsGuideline: true, trialProposed: "SL-T-AML-002"))
            .contains("trial SL-T-AML-002 cannot be proposed for SL-AML-0001: the patient is ineligible"))
        XCTAssertTrue(decide(BoardDecision(participants: board, proposal: "X", followsGuideline: true, trialProposed: "SL-T-ALL-003"))
            .contains("choose one of the eligible or possibly-eligible trials: SL-T-AML-001."), "a closed arm is no candidate")
        XCTAssertEqual(decide(BoardDecision(participants: board, proposal: "X", followsGuideline: true, trialProposed: "NCT-FAKE")),
                       WorkflowError.unknownTrial(id: "NCT-FAKE").description)
        XCTAssertEqual(decide(BoardDecision(participants: board, proposal: "X", followsGuideline: true,
                                            nextReview: TestFixtures.date("2026-11-01"))),
                       "the next review date 2026-11-01 is before the meeting (2026-11-29).")
        XCTAssertEqual(decide(BoardDecision(participants: board, proposal: "X", followsGuideline: true), patient: "SL-AML-0002"),
                       WorkflowError.notOnAgenda(meeting: m.id, patient: "SL-AML-0002").description)
        XCTAssertEqual(decide(BoardDecision(participants: board, proposal: "X", followsGuideline: true), meeting: "RCP-NOPE"),
                       WorkflowError.unknownMeeting(id: "RCP-NOPE").description)
        WorkflowTestSupport.assertThrows(.alreadyOnAgenda(meeting: m.id, patient: "SL-AML-0001")) {
            try s.addToAgenda(meetingId: m.id, patientId: "SL-AML-0001", question: "again")
        }
        XCTAssertThrowsError(try s.addToAgenda(meetingId: m.id, patientId: "NO-SUCH", question: "Q")) {
            XCTAssertEqual($0 as? StoreError, .unknownPatient(id: "NO-SUCH"))
        }
        XCTAssertEqual(try WorkflowTestSupport.count(db, "auditLog"), auditBefore, "no refused write is audited")
        XCTAssertNil(try db.meeting(id: m.id).agenda[0].decision)
        XCTAssertEqual(try WorkflowTestSupport.count(db, "screening"), 0)
        // An off-guideline decision with its justification and a possibly-eligible trial is accepted.
        try s.recordDecision(meetingId: m.id, patientId: "SL-AML-0001", decision: BoardDecision(
            participants: board, proposal: "Venetoclax-azacitidine", followsGuideline: false, justification: "unfit",
            trialProposed: "SL-T-AML-001"))
        XCTAssertEqual(try db.meeting(id: m.id).agenda[0].decision?.justification, "unfit")
    }
}
