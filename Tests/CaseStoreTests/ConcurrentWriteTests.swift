import CaseModel
@testable import CaseStore
import Foundation
import GRDB
import XCTest

/// Issue 12, failures 3 and 4: concurrent writers on ONE database file, each with its own connection (as four
/// processes would have). Completing the same repeating task: exactly one wins, the next occurrence is created
/// exactly once, one audit row per committed write. Recording the same board decision from the same version:
/// exactly one wins, the others get "changed by NAME at HH:MM, reload".
final class ConcurrentWriteTests: XCTestCase {
    static let writers = 4
    static let rounds = 12

    /// Thread-safe outcome collector.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var wins = 0
        private var refusals: [String] = []
        func win() { lock.lock(); wins += 1; lock.unlock() }
        func refuse(_ m: String) { lock.lock(); refusals.append(m); lock.unlock() }
        var snapshot: (Int, [String]) { lock.lock(); defer { lock.unlock() }; return (wins, refusals) }
    }

    /// Runs `body(i)` on `writers` threads released at the same moment; waits for all.
    func race(_ body: @escaping @Sendable (Int) -> Void) {
        let start = DispatchSemaphore(value: 0), done = DispatchGroup()
        for i in 0..<Self.writers {
            done.enter()
            let t = Thread { start.wait(); body(i); done.leave() }
            t.start()
        }
        for _ in 0..<Self.writers { start.signal() }
        done.wait()
    }

    func databaseFile() throws -> String {
        let path = TestFixtures.tempDirectory().appendingPathComponent("race.sqlite").path
        let db = try AppDatabase.open(path: path, create: true)
        try db.importPatients(["SL-AML-0001", "SL-AML-0002"].map { TestFixtures.patient($0) }, who: "import")
        return path
    }

    func testFourWritersCompletingTheSameTaskExactlyOneWins() throws {
        let path = try databaseFile()
        var doubleCompletions = 0
        for round in 0..<Self.rounds {
            let id = round == 0 ? "SL-AML-0001:cbc" : "SL-AML-0001:cbc#\(round + 1)"
            let outcomes = Outcomes()
            race { i in
                do {
                    let db = try AppDatabase.open(path: path)
                    let s = try WorkflowService(db: db, user: "nurse.\(i)", today: WorkflowTestSupport.today,
                                                taskProvider: WorkflowTestSupport.schedule, clock: { WorkflowTestSupport.now })
                    try s.completeTask(id: id, date: WorkflowTestSupport.today)
                    outcomes.win()
                } catch { outcomes.refuse("\(error)") }
            }
            let (wins, refusals) = outcomes.snapshot
            if wins > 1 { doubleCompletions += 1 }
            XCTAssertEqual(wins, 1, "round \(round): \(refusals)")
            XCTAssertEqual(refusals.count, Self.writers - 1)
            for r in refusals {
                XCTAssertTrue(r.contains("already done") || r.contains("was marked done") || r.contains("replaced by its next occurrence"),
                              "round \(round): a refusal must say the task was done: \(r)")
            }
        }
        XCTAssertEqual(doubleCompletions, 0)
        let db = try AppDatabase.open(path: path)
        // One completion and one next occurrence per round, one audit row per committed write.
        XCTAssertEqual(try db.taskStates(patientId: "SL-AML-0001").filter { $0.done != nil }.count, Self.rounds)
        XCTAssertEqual(try WorkflowTestSupport.count(db, "workflowTask"), Self.rounds)
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM auditLog WHERE action = 'followUp.done'") }, Self.rounds)
        print("concurrency: \(Self.rounds) rounds × \(Self.writers) writers completing one task: \(doubleCompletions) double completions")
    }

    func testFourWritersRecordingTheSameDecisionExactlyOneWins() throws {
        let path = try databaseFile()
        let setup = try WorkflowTestSupport.service(try AppDatabase.open(path: path))
        let meeting = try setup.createMeeting(date: WorkflowTestSupport.today, name: "RCP")
        _ = try setup.addToAgenda(meetingId: meeting.id, patientId: "SL-AML-0001", question: "consolidation?")
        var lostUpdates = 0
        for round in 0..<Self.rounds {
            let base = try AppDatabase.open(path: path).read {
                try WorkflowService.decisionVersion($0, meetingId: meeting.id, patientId: "SL-AML-0001")
            }
            XCTAssertEqual(base, round)
            let outcomes = Outcomes()
            race { i in
                do {
                    let s = try WorkflowService(db: try AppDatabase.open(path: path), user: "dr.\(i)", today: WorkflowTestSupport.today,
                                                taskProvider: WorkflowTestSupport.schedule, clock: { "2026-11-29T14:05:09Z" })
                    let decision = BoardDecision(participants: [Participant(name: "Dr \(i)", specialty: "haematology")],
                                                 proposal: "proposal \(round).\(i)", followsGuideline: true, recordedBy: "dr.\(i)")
                    _ = try s.recordDecision(meetingId: meeting.id, patientId: "SL-AML-0001", decision: decision, expectedVersion: base)
                    outcomes.win()
                } catch { outcomes.refuse("\(error)") }
            }
            let (wins, refusals) = outcomes.snapshot
            if wins > 1 { lostUpdates += wins - 1 }
            XCTAssertEqual(wins, 1, "round \(round): \(refusals)")
            XCTAssertEqual(refusals.count, Self.writers - 1)
            for r in refusals {
                XCTAssertTrue(r.contains("was changed by dr.") && r.contains("at 14:05 UTC since you read it") && r.contains("reload"), r)
            }
        }
        XCTAssertEqual(lostUpdates, 0)
        let db = try AppDatabase.open(path: path)
        XCTAssertEqual(try db.read { try WorkflowService.decisionVersion($0, meetingId: meeting.id, patientId: "SL-AML-0001") }, Self.rounds)
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM auditLog WHERE action = 'meeting.decision'") }, Self.rounds)
        print("concurrency: \(Self.rounds) rounds × \(Self.writers) writers recording one decision: \(lostUpdates) lost updates")
    }

    func testNoteIsReportedAsSavedFromItsOwnTransaction() throws {
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowTestSupport.service(db, user: "nurse.n")
        let noted = try s.noteTask(id: "SL-AML-0002:vacc-1", text: "line one\n\tline two")
        XCTAssertTrue(noted.note?.contains("note 2026-11-29 nurse.n: line one") == true, noted.note ?? "")
        XCTAssertThrowsError(try s.noteTask(id: "SL-AML-0002:vacc-1", text: "bad\u{0}note")) { XCTAssertTrue($0 is SafetyError, "\($0)") }
        XCTAssertEqual(try db.taskStates(patientId: "SL-AML-0002").count, 1)
    }

    func testDoneWithAnImplausibleTodayIsRefusedAndNothingIsWritten() throws {
        // Failure 6: `followups done … --today 9999-12-30` stored a due date 10000-03-30 that broke every later read.
        let db = try WorkflowTestSupport.database()
        let s = try WorkflowService(db: db, user: "n", today: TestFixtures.date("9999-12-30"), taskProvider: WorkflowTestSupport.schedule,
                                    clock: { WorkflowTestSupport.now })
        XCTAssertThrowsError(try s.completeTask(id: "SL-AML-0001:cbc")) { e in
            XCTAssertTrue(e is SafetyError, "\(e)")
        }
        XCTAssertEqual(try db.taskStates().count, 0)
        XCTAssertEqual(try WorkflowTestSupport.count(db, "workflowTask"), 0)
    }
}
