import CaseModel
@testable import ClinicalRules
import XCTest

/// The case list's Risk column and its sort rank (issue #16): one owner for both. Category orders are the schemes'
/// own (ELN 2022: Döhner et al., Blood 2022, favourable < intermediate < adverse; IPSS-R: Greenberg et al., Blood
/// 2012, very low … very high), as `RiskSchemes.categories` holds them.
final class CaseListRiskTests: XCTestCase {
    func scheme(_ s: String, _ c: String, complete: Bool = true) -> SchemeRiskAssessment {
        SchemeRiskAssessment(scheme: s, version: "1", category: c, complete: complete)
    }

    func testTheColumnShowsELNWhenThereIsOneElseTheHeadlineScore() {
        XCTAssertEqual(CaseListRisk.of(eln: .adverse, elnComplete: true, risks: []), .eln(.adverse, complete: true))
        let ipssr = scheme(IPSSR.scheme, "high")
        XCTAssertEqual(CaseListRisk.of(eln: nil, elnComplete: true, risks: [ipssr]), .scheme(ipssr))
        XCTAssertEqual(CaseListRisk.of(eln: nil, elnComplete: true, risks: []), .eln(nil, complete: true))
    }

    func testRanksSpreadEveryLadderFromLowestToHighest() {
        XCTAssertEqual(CaseListRisk.eln(.favorable, complete: true).rank, 0)
        XCTAssertEqual(CaseListRisk.eln(.intermediate, complete: false).rank, 500, "provisional ranks with its category")
        XCTAssertEqual(CaseListRisk.eln(.adverse, complete: true).rank, 1000)
        let ladder = RiskSchemes.categories[IPSSR.scheme] ?? []
        XCTAssertEqual(ladder.first, "very-low")
        XCTAssertEqual(ladder.last, "very-high")
        let ranks = ladder.map { CaseListRisk.scheme(scheme(IPSSR.scheme, $0)).rank }
        XCTAssertEqual(ranks.first, 0)
        XCTAssertEqual(ranks.last, 1000)
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertEqual(Set(ranks).count, ladder.count)
        XCTAssertEqual(CaseListRisk.scheme(scheme(AASeverity.scheme, "very-severe")).rank, 1000)
    }

    func testUndecidedThenNothingLast() {
        let undecided = CaseListRisk.scheme(scheme(IPSSR.scheme, SchemeRiskAssessment.notEvaluable, complete: false)).rank
        XCTAssertGreaterThan(undecided, CaseListRisk.eln(.adverse, complete: true).rank)
        XCTAssertGreaterThan(CaseListRisk.eln(nil, complete: true).rank, undecided)
    }
}
