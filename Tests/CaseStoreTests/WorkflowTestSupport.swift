import CaseModel
@testable import CaseStore
import Foundation
import GRDB
import XCTest

/// A database with three fixture patients and a `WorkflowService` over it with a fixed clock, user and
/// today, and a small deterministic follow-up schedule in place of ClinicalRules.
enum WorkflowTestSupport {
    static let today = TestFixtures.date("2026-11-29")
    static let now = "2026-11-29T09:00:00Z"

    /// Per patient: a repeating CBC every 91 days (due 2026-12-01), a one-off vaccination (due 2026-11-01),
    /// and the explicit tasks of the data.
    static let schedule: WorkflowService.TaskProvider = { p, today in
        var tasks = [
            FollowUpTask(id: "\(p.id):cbc", patient: p.id, due: TestFixtures.date("2026-12-01"), kind: "CBC",
                         status: WorkflowService.status(due: TestFixtures.date("2026-12-01"), done: false, today: today),
                         note: "CBC every 3 months", source: "test schedule", repeatDays: 91, site: p.site),
            FollowUpTask(id: "\(p.id):vacc-1", patient: p.id, due: TestFixtures.date("2026-11-01"), kind: "vaccination",
                         status: WorkflowService.status(due: TestFixtures.date("2026-11-01"), done: false, today: today),
                         note: "PCV dose 1 of 3", source: "test schedule", site: p.site),
        ]
        for f in p.followUps {
            tasks.append(FollowUpTask(id: f.id ?? "\(p.id):x", patient: p.id, due: f.due, kind: f.kind,
                                      status: WorkflowService.status(due: f.due, done: f.isDone, today: today), note: f.note,
                                      source: "explicit", done: f.done, site: p.site))
        }
        return tasks
    }

    static func database() throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        try db.importPatients(["SL-AML-0001", "SL-AML-0002", "SL-ALL-0003"].map { TestFixtures.patient($0) }, who: "import")
        return db
    }

    static func service(_ db: AppDatabase, user: String = "dr.test", verdicts: WorkflowService.VerdictProvider? = nil,
                        trials: Set<String>? = ["SL-T-AML-001", "SL-T-AML-002", "SL-T-ALL-003"],
                        session: WorkflowSession? = nil) throws -> WorkflowService {
        try WorkflowService(db: db, user: user, today: today, session: session, taskProvider: schedule, verdictProvider: verdicts,
                            knownTrials: trials, clock: { now })
    }

    static func count(_ db: AppDatabase, _ table: String) throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    /// Asserts that `body` throws exactly `expected`.
    static func assertThrows<T>(_ expected: WorkflowError, file: StaticString = #filePath, line: UInt = #line,
                                _ body: () throws -> T) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? WorkflowError, expected, file: file, line: line)
        }
    }

    /// The message of the WorkflowError `body` throws ("" when none or another error).
    static func message<T>(_ body: () throws -> T) -> String {
        do { _ = try body(); return "" } catch let e as WorkflowError { return e.description } catch { return "other: \(error)" }
    }

    /// Compares `text` with the golden file `Tests/Goldens/Workflows/NAME`; records it when missing (and fails).
    static func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let dir = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Goldens/Workflows")
        let url = dir.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
            XCTFail("golden \(name) was missing: recorded it at \(url.path); review it and run again", file: file, line: line)
            return
        }
        let golden = String(decoding: data, as: UTF8.self)
        if golden != text {
            let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            XCTFail("\(name) differs from its golden at line \(i + 1):\n golden: \(i < a.count ? String(a[i]) : "<end>")\n actual: \(i < b.count ? String(b[i]) : "<end>")",
                    file: file, line: line)
        }
    }
}
