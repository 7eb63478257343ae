import BoardApp
import CaseModel
import CaseStore
import ClinicalRules
import XCTest
@testable import CaseboardCore

/// The case-row projection of `cases` and the case list, and the MRD glyph over the whole demo.
final class CaseRowTests: XCTestCase {
    func testARowCarriesTheCasesFactsFromTheRules() throws {
        let ws = CoreFixture.workspace(try CoreFixture.demoPath.get(), readOnly: true)
        let p = try ws.patient(id: "SL-AML-0042")
        let i = Interpretation.interpret(p, today: ws.today)
        let tasks = try Workflows.service(ws, withCatalogue: false).tasks(for: p)
        let row = CaseRow.make(p, today: ws.today, tasks: tasks, matcher: try ws.matcher())
        XCTAssertEqual(row.id, "SL-AML-0042")
        XCTAssertEqual(row.age, p.age(on: ws.today))
        XCTAssertEqual(row.eln2022Risk, i.eln2022?.risk.rawValue)
        XCTAssertEqual(row.germlineTestingRecommended, i.germline.testingRecommended)
        let open = tasks.filter { $0.status != .done }.min { ($0.due, $0.kind) < ($1.due, $1.kind) }
        XCTAssertEqual(row.nextFollowUp?.due, open?.due)
        XCTAssertNotNil(row.eligibleTrials)
        let none = CaseRow.make(p, today: ws.today, tasks: tasks, matcher: nil)
        XCTAssertNil(none.eligibleTrials, "no catalogue: no count (never 0)")
    }

    /// For every demo case the case-list glyph agrees with the series status of `case --json`: relapse never
    /// drawn falling, not-evaluable never drawn negative (ELN 2021 MRD statuses, MRDInterpreter).
    func testTheMRDGlyphAgreesWithTheSeriesStatusOnTheWholeDemo() throws {
        let ws = CoreFixture.workspace(try CoreFixture.demoPath.get(), readOnly: true)
        let session = try LiveRepository.open(ws)
        var relapses = 0, notEvaluable = 0
        for p in try ws.patients() {
            let doc = CaseDocument(p, today: ws.today, verdicts: [], tasks: [])
            let summary = try XCTUnwrap(try session.repository.summary(id: p.id))
            guard let latest = MRDTrendRule.latestSeries(doc.mrd) else { XCTAssertNil(summary.mrdTrend, p.id); continue }
            XCTAssertEqual(summary.mrdStatus, latest.status, p.id)
            switch latest.status {
            case .relapse:
                relapses += 1
                XCTAssertEqual(summary.mrdTrend, .rising, "\(p.id): relapse drawn \(String(describing: summary.mrdTrend))")
            case .notEvaluable:
                notEvaluable += 1
                XCTAssertEqual(summary.mrdTrend, .notEvaluable, p.id)
            default:
                if summary.mrdTrend == .negative {
                    XCTAssertTrue(latest.points.last.map { !$0.detected && $0.evaluable } ?? false, "\(p.id): drawn negative")
                }
            }
        }
        XCTAssertGreaterThan(relapses, 0, "the demo has relapses (SL-AML-0041)")
        XCTAssertGreaterThan(notEvaluable, 0, "the demo has not-evaluable series (SL-AML-0044)")
        let s41 = try XCTUnwrap(try session.repository.summary(id: "SL-AML-0041"))
        XCTAssertNotEqual(s41.mrdTrend, .falling)
    }
}
