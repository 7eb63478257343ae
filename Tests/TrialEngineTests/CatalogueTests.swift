import CaseModel
import Foundation
import XCTest
@testable import TrialEngine

final class CatalogueTests: XCTestCase {
    static let dir = Fx.repoRoot.appendingPathComponent("demo-db/trials")

    func testDemoCatalogueLoadsAndLintsClean() throws {
        let cat = try TrialLoader.loadDirectory(Self.dir)
        let errors = TrialLinter.lint(cat).filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.description), [])
        XCTAssertGreaterThanOrEqual(cat.openTrials.count, 85)
        XCTAssertTrue(cat.trials.contains { $0.trial.status == .closed })
        XCTAssertTrue(cat.trials.contains { $0.trial.status == .suspended })
        XCTAssertTrue(cat.trials.contains { t in t.trial.status == .open && t.arms.contains { $0.arm.status == .suspended } })
        for g in PathologyGroup.allCases {
            XCTAssertGreaterThanOrEqual(cat.openTrials.filter { $0.trial.groups.contains(g) }.count, 5, g.rawValue)
        }
        for t in cat.trials {
            XCTAssertTrue(t.trial.id.hasPrefix("SL-T-"), t.trial.id)
            XCTAssertTrue(t.trial.nct?.hasPrefix("NCT-DEMO-") ?? false, t.trial.id)
            for a in t.arms { for c in a.criteria { XCTAssertFalse(c.spec.text.isEmpty) } }
        }
    }

    func testEveryCriterionKindIsUsed() throws {
        let cat = try TrialLoader.loadDirectory(Self.dir)
        var kinds = Set<String>()
        for t in cat.trials { for a in t.arms { for c in a.criteria { for at in c.expr.atoms { kinds.insert(at.predicate.kindName) } } } }
        let all = ["age", "sex", "diagnosis", "who2022", "icc2022", "oncotree", "status", "prior_lines", "prior agent", "prior class",
                   "transplant", "variant", "tested", "wildtype", "fusion", "karyotype", "eln2022", "mrd", "lab", "ecog", "comorbidity",
                   "feature", "germline", "unmapped"]
        XCTAssertEqual(Set(all).subtracting(kinds), [])
    }

    func testSpreadOfVerdictsForAPatient() throws {
        let m = Matcher.compile(try TrialLoader.loadDirectory(Self.dir))
        let f = Fx.facts(Fx.npm1())
        let verdicts = m.trials.indices.compactMap { m.trialVerdict($0, facts: f) }
        XCTAssertGreaterThan(verdicts.filter { $0 == .ineligible }.count, 20)
        XCTAssertGreaterThanOrEqual(verdicts.filter { $0 != .ineligible }.count, 2)
    }
}
