import XCTest
import CaseModel
import ScreenKit
@testable import BoardApp
import ScreenTesting

/// Issue #16: while the stored verdicts are being prepared in the background, the counts and computed sort keys are
/// computed on the fly and the header lines of Cases and Trials say "preparing verdicts…"; the note is rendered from
/// the state alone (set by the `.verdictStatus` action) and goes when they are ready.
final class VerdictStatusTests: XCTestCase {
    func headerLine(_ rt: AppRuntime) -> String {
        let b = rt.render()
        return (0..<b.height).map { b.rowText($0) }.first { $0.contains(" cases") || $0.contains(" trials, ") } ?? ""
    }

    func testPreparingIsShownOnCasesAndTrialsUntilReady() {
        let rt = AppRuntime(repository: BoardFixtures.repository(), width: 160, height: 40, ascii: false)
        rt.start()
        XCTAssertEqual(rt.state.verdicts, .onTheFly)
        XCTAssertFalse(rt.render().text.contains("preparing verdicts"), "nothing is preparing without a store")
        rt.send(.verdictStatus(.preparing))
        XCTAssertTrue(headerLine(rt).contains("preparing verdicts…"), "cases: \(headerLine(rt))")
        rt.send(.view2)
        XCTAssertEqual(rt.state.screen, .trials)
        XCTAssertTrue(headerLine(rt).contains("preparing verdicts…"), "trials: \(headerLine(rt))")
        rt.send(.verdictStatus(.ready))
        XCTAssertFalse(rt.render().text.contains("preparing verdicts"))
        rt.send(.view1)
        XCTAssertFalse(rt.render().text.contains("preparing verdicts"))
        rt.send(.verdictStatus(.onTheFly))
        XCTAssertFalse(rt.render().text.contains("preparing verdicts"), "on the fly for good is not 'preparing'")
    }

    func testTheASCIINote() {
        let rt = AppRuntime(repository: BoardFixtures.repository(), width: 160, height: 40, ascii: true)
        rt.start()
        rt.send(.verdictStatus(.preparing))
        XCTAssertTrue(headerLine(rt).contains("preparing verdicts..."), headerLine(rt))
    }

    /// The Risk column's order (issue #16): what the column shows, lowest category of each ladder first, ELN and the
    /// other groups' scores on one scale; a case with no risk last.
    func testSortingByRiskFollowsTheRiskColumn() throws {
        let repo = BoardFixtures.repository()
        let ids = try repo.caseIDs(matching: CaseQuery(sort: CaseSort(key: .eln)))
        let ranks = try ids.map { try XCTUnwrap(try repo.summary(id: $0)).listRisk.rank }
        XCTAssertEqual(ranks, ranks.sorted(), "ranks ascend")
        let schemes = try ids.compactMap { id -> String? in
            if case .scheme(let a)? = try repo.summary(id: id)?.listRisk { return a.scheme } else { return nil }
        }
        XCTAssertFalse(schemes.isEmpty, "the fixtures show other groups' scores in the Risk column, and they are sorted with ELN")
    }
}
