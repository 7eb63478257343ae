import BoardApp
import CaseModel
import ClinicalRules
import ScreenKit
import TrialEngine
import XCTest
@testable import CaseStore
@testable import CaseboardCore

/// The live repository under the terminal UI: read failures reach the screen as errors naming what could not be
/// read (never "unknown id", "0 eligible" or an empty list), and a write never waits for the background re-match,
/// whose result arrives as an action.
final class LiveRepositoryTests: XCTestCase {
    func testACorruptRowIsShownAsAReadErrorNotAsAnUnknownCase() throws {
        let path = try CoreFixture.copy()
        let session = try LiveRepository.open(CoreFixture.workspace(path, readOnly: true))
        // Damage one variant row of SL-AML-0042 behind the app's back (a hand-edited or damaged file).
        let raw = try AppDatabase.open(path: path)
        try raw.write("damage") { db in try db.execute(sql: "UPDATE variant SET origin = 'martian' WHERE patientId = 'SL-AML-0042'") }
        let rt = LiveRepository.runtime(session, width: 120, height: 40, ascii: false)
        rt.start()
        rt.send(.openCase("SL-AML-0042"))
        let message = try XCTUnwrap(rt.state.message)
        XCTAssertTrue(message.hasPrefix("Could not read SL-AML-0042: "), message)
        XCTAssertTrue(message.contains("martian"), message)
        XCTAssertFalse(message.contains("Unknown case id"), message)
        XCTAssertThrowsError(try session.repository.detail(id: "SL-AML-0042"))
        // The case list draws the row as unreadable, never as a blank or default row.
        let screen = (0..<rt.render().height).map { rt.render().rowText($0) }.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Could not read SL-AML-0042"), screen)
    }

    func testAMissingTableIsAnErrorInTheWorklistNotAnEmptyList() throws {
        let path = try CoreFixture.copy()
        let raw = try AppDatabase.open(path: path)
        try raw.write("damage") { db in try db.execute(sql: "DROP TABLE followUpState") }
        let session = try LiveRepository.open(CoreFixture.workspace(path, readOnly: true))
        XCTAssertThrowsError(try session.repository.worklist(filter: WorklistFilter())) { e in
            XCTAssertTrue("\(e)".contains("followUpState"), "\(e)")
        }
        let rt = LiveRepository.runtime(session, width: 120, height: 40, ascii: false)
        rt.start()
        rt.send(.showScreen(.worklist))
        XCTAssertTrue(rt.state.message?.hasPrefix("Could not read the worklist: ") ?? false, rt.state.message ?? "no message")
    }

    func testAUIWriteDoesNotWaitForTheBackgroundReMatch() throws {
        let path = try CoreFixture.copy()
        // Hold the background preparation of the stored verdicts (a full re-match of a new database) between
        // matching its first chunk and storing it.
        let reached = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var first = true
        AppDatabase.afterChunkMatched = { if first { first = false; reached.signal(); release.wait() } }
        defer { AppDatabase.afterChunkMatched = nil }
        let session = try LiveRepository.open(CoreFixture.workspace(path))
        let rt = LiveRepository.runtime(session, width: 120, height: 40, ascii: false)
        rt.start()
        XCTAssertEqual(reached.wait(timeout: .now() + 60), .success, "the background re-match is running")
        rt.drainInbox()
        XCTAssertEqual(rt.state.verdicts, .preparing)
        XCTAssertTrue(rt.render().text.contains("preparing verdicts…"), "the case list header line says so")
        rt.send(.view3)
        let task = try XCTUnwrap(rt.state.worklist.selectedRow?.task, "the worklist has tasks")
        rt.send(.key(.char("d")))
        let started = Date()
        rt.send(.key(.char("y")))
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.0, "the write returned while the re-match is held")
        XCTAssertTrue(rt.state.message?.hasPrefix("Done: ") ?? false, rt.state.message ?? "no message")
        let check = try Workflows.service(CoreFixture.workspace(path, readOnly: true), withCatalogue: false)
        XCTAssertTrue(try check.tasks(for: try session.context.patient(id: task.patient)).contains { $0.id == task.id && $0.status == .done },
                      "the write committed while the re-match was held")
        release.signal()
        // The finished preparation arrives as an action that the UI loop drains.
        let deadline = Date().addingTimeInterval(120)
        while rt.state.verdicts != .ready && Date() < deadline { rt.drainInbox(); usleep(50_000) }
        XCTAssertEqual(rt.state.verdicts, .ready, "the stored verdicts being ready reached the UI as an action")
    }

    /// The terminal runs its effects off the UI thread (`.background`): once they settle, every screen a person walks
    /// through is the one `caseboard screen` (inline) draws.
    func testBackgroundExecutionDrawsTheSameScreensAsInline() throws {
        let ws = CoreFixture.workspace(try CoreFixture.demoPath.get(), readOnly: true)
        let background = LiveRepository.runtime(try LiveRepository.open(ws), width: 120, height: 40, ascii: false, execution: .background)
        let inline = LiveRepository.runtime(try LiveRepository.open(ws), width: 120, height: 40, ascii: false)
        func text(_ rt: AppRuntime) -> String { let b = rt.render(); return (0..<b.height).map { b.rowText($0) }.joined(separator: "\n") }
        background.start(); inline.start()
        XCTAssertTrue(background.settle(timeout: 60))
        XCTAssertEqual(text(background), text(inline))
        XCTAssertEqual(background.state.caseList.rows.count, ScreenLayout.tableRows(width: 120, height: 40), "every visible row loaded")
        let keys: [KeyEvent] = [.char("j"), .char("j"), .enter, .escape, .char("2"), .enter, .escape, .char("3"), .char("j")]
        for k in keys {
            background.send(.key(k)); inline.send(.key(k))
            XCTAssertTrue(background.settle(timeout: 60), "effects of \(k) finished")
            XCTAssertEqual(text(background), text(inline), "after \(k)")
        }
    }

    /// The trial and screening screens explain one trial over every case at once, spread over the cores: the same
    /// verdicts, in the same order, as explaining the cases one by one; an interpretation given is used as given.
    func testOneTrialOverManyCasesEqualsTheCaseByCaseVerdicts() throws {
        let ws = CoreFixture.workspace(try CoreFixture.copy(), readOnly: true)
        let matcher = try XCTUnwrap(try ws.matcher())
        let patients = try ws.patients()
        for trial in matcher.trials.prefix(6).map(\.trial.id) {
            let given = patients.enumerated().map { k, p in (p, k % 3 == 0 ? Interpretation.interpret(p, today: ws.today) : nil) }
            let many = LiveRepository.verdicts(matcher, trialID: trial, cases: given, today: ws.today)
            XCTAssertEqual(many.count, patients.count)
            for (k, p) in patients.enumerated() {
                let i = Interpretation.interpret(p, today: ws.today)
                XCTAssertEqual(many[k].interpretation, i, p.id)
                XCTAssertEqual(many[k].arms, matcher.verdicts(trialID: trial, facts: PatientFacts(patient: p, interpretation: i, today: ws.today)),
                               "\(trial) \(p.id)")
            }
        }
        XCTAssertTrue(LiveRepository.verdicts(matcher, trialID: "NONE", cases: [], today: ws.today).isEmpty)
    }

    /// A case imported by another process appears in a running UI once the live-data poll reports the change; the
    /// count in the header follows (issue 17: the UI sees writes made elsewhere).
    func testACaseImportedElsewhereAppearsAfterTheChangeIsNoticed() throws {
        let path = try CoreFixture.copy()
        let session = try LiveRepository.open(CoreFixture.workspace(path))
        let rt = LiveRepository.runtime(session, width: 120, height: 40, ascii: false)
        rt.start()
        let before = rt.state.caseCount
        XCTAssertFalse(rt.state.caseList.ids.contains("SL-AML-9999"))
        // Another process imports a new case.
        let other = try AppDatabase.open(path: path)
        var p = try other.patient(id: "SL-AML-0042")
        p.id = "SL-AML-9999"
        _ = try other.importPatients([p], who: "other-user", source: "test")
        rt.send(.dataChanged)
        XCTAssertEqual(rt.state.caseCount, before + 1)
        XCTAssertTrue(rt.state.caseList.ids.contains("SL-AML-9999"), "the new case is listed")
        rt.send(.search); rt.type("9999"); rt.send(.key(.enter))
        XCTAssertEqual(rt.state.caseList.ids, ["SL-AML-9999"], "and found by search")
        LiveRepository.waitForBackgroundWork(session)
    }
}
