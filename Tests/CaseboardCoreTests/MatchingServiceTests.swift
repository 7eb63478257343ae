import BoardApp
import CaseModel
@testable import CaseStore
import ClinicalRules
import TrialEngine
import XCTest
@testable import CaseboardCore

/// The matching service: stored verdicts brought up to date and served equal to the explained path; nothing is
/// recomputed twice; read-only databases compute on the fly; the case rows' counts agree both ways; and the CPU
/// matching never holds the write lock (a nurse's write commits while a re-match is held).
final class MatchingServiceTests: XCTestCase {
    func testStoredVerdictsEqualTheExplainedPathAndAreNotRecomputedTwice() throws {
        let ws = CoreFixture.workspace(try CoreFixture.copy())
        let db = try ws.database()
        let matcher = try XCTUnwrap(try ws.matcher())
        var reports: [MatchRecomputeReport] = []
        XCTAssertTrue(StoredMatching.bringUpToDate(db, matcher: matcher, today: ws.today, report: { reports.append($0) }, warn: { XCTFail($0) }))
        XCTAssertEqual(reports.last?.patientsRecomputed.count, try db.patientIDs().count)
        XCTAssertTrue(StoredMatching.bringUpToDate(db, matcher: matcher, today: ws.today, report: { reports.append($0) }, warn: { XCTFail($0) }))
        XCTAssertEqual(reports.count, 2)
        XCTAssertEqual(reports.last, MatchRecomputeReport(), "a second call with nothing stale recomputes and writes nothing")
        for id in ["SL-AML-0042", "SL-AML-0009", "SL-ALL-0009"] {
            let p = try ws.patient(id: id)
            let stored = try XCTUnwrap(try StoredMatching.patientVerdicts(db, matcher: matcher, patient: p, today: ws.today, candidatesOnly: false))
            let live = matcher.verdicts(for: p, interpretation: Interpretation.interpret(p, today: ws.today), today: ws.today)
            XCTAssertEqual(stored, live, id)
        }
        // The case rows: counts from the stored aggregate equal the counts computed on the fly.
        let storedRows = try CaseRow.list(ws, selection: CaseSelection(), warn: { XCTFail($0) })
        let ro = CoreFixture.workspace(db.path, readOnly: true)
        let liveRows = try CaseRow.list(ro, selection: CaseSelection(), warn: { XCTFail($0) })
        XCTAssertEqual(storedRows.map(\.id), liveRows.map(\.id))
        XCTAssertEqual(storedRows.map(\.eligibleTrials), liveRows.map(\.eligibleTrials))
        XCTAssertEqual(storedRows.map(\.possiblyEligibleTrials), liveRows.map(\.possiblyEligibleTrials))
        XCTAssertGreaterThan(storedRows.compactMap(\.eligibleTrials).reduce(0, +), 0)
    }

    func testAReadOnlyDatabaseIsNeverWrittenAndComputesOnTheFly() throws {
        let ws = CoreFixture.workspace(try CoreFixture.copy(), readOnly: true)
        let db = try ws.database()
        let matcher = try XCTUnwrap(try ws.matcher())
        XCTAssertFalse(StoredMatching.bringUpToDate(db, matcher: matcher, today: ws.today, warn: { XCTFail($0) }))
        XCTAssertEqual(try db.storedMatchCount(), 0)
    }

    func testTheEngineIdentityIsAContentHashNotTheExecutable() {
        // Two processes of different builds of the same engine agree on the stamp; it names both versions.
        XCTAssertEqual(CatalogueMatchEngine.engineStamp, Fingerprint.of("caseboard-engine \(Matcher.engineVersion) \(Interpretation.rulesVersion)"))
    }

    func testAWriteCommitsWhileAReMatchIsHeld() throws {
        let path = try CoreFixture.copy()
        let ws = CoreFixture.workspace(path)
        let db = try ws.database()
        let matcher = try XCTUnwrap(try ws.matcher())
        let matched = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var held = false
        AppDatabase.afterChunkMatched = {
            if !held { held = true; matched.signal(); release.wait() }
        }
        defer { AppDatabase.afterChunkMatched = nil }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var recomputeError: Error?
        DispatchQueue.global().async {
            do { try db.recomputeMatches(engine: CatalogueMatchEngine(matcher: matcher), today: ws.today) } catch { recomputeError = error }
            done.signal()
        }
        XCTAssertEqual(matched.wait(timeout: .now() + 60), .success, "the re-match reached its first chunk")
        // The re-match is held between matching and writing its chunk: a nurse's write on another connection commits.
        let nurse = CoreFixture.workspace(path)
        let service = try Workflows.service(nurse, withCatalogue: false)
        let task = try XCTUnwrap(try service.worklist(patients: try nurse.patients()).first { $0.status == .overdue })
        let started = Date()
        let outcome = try service.completeTask(id: task.id, date: ws.today)
        XCTAssertEqual(outcome.task.status, .done)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.0, "the write did not wait for the held re-match")
        release.signal()
        XCTAssertEqual(done.wait(timeout: .now() + 120), .success)
        XCTAssertNil(recomputeError)
        // The write is durable and the stored results are brought up to date for the edited patient afterwards.
        XCTAssertTrue(try Workflows.service(CoreFixture.workspace(path), withCatalogue: false).tasks(for: try nurse.patient(id: task.patient))
            .contains { $0.id == task.id && $0.status == .done })
        XCTAssertTrue(try db.matchesAreCurrent(engine: CatalogueMatchEngine(matcher: matcher), today: ws.today)
                      || (try db.recomputeMatches(engine: CatalogueMatchEngine(matcher: matcher), today: ws.today)).patientsRecomputed.count <= 1)
    }
}
