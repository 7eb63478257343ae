import XCTest
@testable import SurvivalStats

/// Log-rank (R `survdiff`) and Cox (R `coxph`) against published R output.
final class ComparisonTests: XCTestCase {
    /// fixtures/survival/README.md (R `survdiff`): observed 7 / 11, expected 10.69 / 7.31, chi-square 3.4 on 1 df, p ≈ 0.065.
    func testAMLLogRankMatchesR() throws {
        let lr = try LogRankTest.compute(try Fixtures.observations("aml.csv"), groupOrder: ["Maintained", "Nonmaintained"])
        XCTAssertEqual(lr.groups.map(\.observed), [7, 11])
        assertPrinted(lr.groups[0].expected, "10.69", "expected Maintained")
        assertPrinted(lr.groups[1].expected, "7.31", "expected Nonmaintained")
        assertPrinted(lr.chiSquare, "3.4", "chi-square")
        XCTAssertEqual(lr.df, 1)
        assertPrinted(lr.p, "0.065", "p")
        XCTAssertNil(lr.smallGroupNote, "11 and 12 patients: p may be shown")
        XCTAssertEqual(lr.reportedP, lr.p)
    }

    /// MASS::gehan, R `survdiff(Surv(time, cens) ~ treat)` (Venables & Ripley, MASS §13.1):
    /// observed 9 / 21, expected 19.3 / 10.7, Chisq = 16.8 on 1 df.
    func testGehanLogRankMatchesR() throws {
        let lr = try LogRankTest.compute(try Fixtures.observations("gehan_6mp.csv"), groupOrder: ["6-MP", "control"])
        XCTAssertEqual(lr.groups.map(\.observed), [9, 21])
        assertPrinted(lr.groups[0].expected, "19.3", "expected 6-MP")
        assertPrinted(lr.groups[1].expected, "10.7", "expected control")
        assertPrinted(lr.chiSquare, "16.8", "chi-square")
        XCTAssertLessThan(lr.p ?? 1, 1e-4)
    }

    /// Three groups: Klein & Moeschberger BMT disease-free survival by disease group (K&M Example 7.4):
    /// log-rank chi-square 13.8 on 2 df, p = 0.001.
    func testThreeGroupLogRank() throws {
        let lr = try LogRankTest.compute(try Fixtures.observations("bmt_klein_moeschberger.csv"))
        XCTAssertEqual(lr.df, 2)
        assertPrinted(lr.chiSquare, "13.8", "chi-square")
        assertPrinted(lr.p, "0.001", "p")
        // Observed and expected both sum to the number of events.
        let events = try Fixtures.observations("bmt_klein_moeschberger.csv").filter { $0.status == 1 }.count
        XCTAssertEqual(lr.groups.map(\.observed).reduce(0, +), Double(events))
        XCTAssertEqual(lr.groups.map(\.expected).reduce(0, +), Double(events), accuracy: 1e-9)
    }

    /// Stratified log-rank: O, E and V are summed over strata. One stratum equals the plain test;
    /// the same data twice, as two strata, doubles O − E and V, hence doubles chi-square.
    func testStratifiedLogRank() throws {
        let obs = try Fixtures.observations("aml.csv")
        let plain = try LogRankTest.compute(obs)
        let one = try LogRankTest.compute(obs.map { var o = $0; o.stratum = "s"; return o }, stratified: true)
        XCTAssertEqual(one.chiSquare, plain.chiSquare, accuracy: 1e-12)
        let twice = obs.map { var o = $0; o.stratum = "a"; return o } + obs.map { var o = $0; o.stratum = "b"; return o }
        let doubled = try LogRankTest.compute(twice, stratified: true)
        XCTAssertEqual(doubled.chiSquare, 2 * plain.chiSquare, accuracy: 1e-9)
        XCTAssertTrue(doubled.stratified)
        XCTAssertEqual(doubled.groups[0].observed, 14)
    }

    /// "No p-value for a group of fewer than 10 without saying so."
    func testSmallGroupPValueIsWithheldWithANote() throws {
        let obs = Fixtures.obs([(1, 1), (2, 1), (3, 0)], group: "A") + Fixtures.obs((0..<12).map { (Double($0 + 2), 1) }, group: "B")
        let lr = try LogRankTest.compute(obs)
        XCTAssertNotNil(lr.p)
        XCTAssertNil(lr.reportedP)
        XCTAssertEqual(lr.smallGroupNote, "p not shown: fewer than 10 patients in A (n=3)")
    }

    func testGroupWithNoEvent() throws {
        let obs = Fixtures.obs([(4, 0), (6, 0), (9, 0)], group: "none") + Fixtures.obs([(1, 1), (2, 1), (5, 1), (7, 0)], group: "some")
        let lr = try LogRankTest.compute(obs, groupOrder: ["none", "some"])
        XCTAssertEqual(lr.groups[0].observed, 0)
        XCTAssertGreaterThan(lr.groups[0].expected, 0)
        XCTAssertGreaterThan(lr.chiSquare, 0)
        let cox = try CoxModel.fit(obs, groupOrder: ["none", "some"])
        XCTAssertNil(cox.coefficients[0].hazardRatio)
        XCTAssertEqual(cox.coefficients[0].note, "not estimable: no events in none (the hazard ratio is 0 or infinite)")
    }

    func testOneGroupIsRefused() {
        XCTAssertThrowsError(try LogRankTest.compute(Fixtures.obs([(1, 1), (2, 0)]))) {
            XCTAssertEqual($0 as? SurvivalError, .tooFewGroups(1))
        }
    }

    /// fixtures/survival/README.md (R `coxph`): Nonmaintained coefficient 0.9155, HR 2.498, SE 0.5119 (Efron);
    /// Breslow 0.9042, HR 2.470. formats.md's example (the same R fit): 95 % CI 0.916 – 6.81, Wald p 0.074.
    func testAMLCoxMatchesR() throws {
        let obs = try Fixtures.observations("aml.csv")
        let efron = try CoxModel.fit(obs, groupOrder: ["Maintained", "Nonmaintained"])
        let c = efron.coefficients[0]
        XCTAssertEqual(c.group, "Nonmaintained"); XCTAssertEqual(c.versus, "Maintained")
        assertPrinted(c.beta, "0.9155", "coef")
        assertPrinted(c.hazardRatio, "2.498", "HR")
        assertPrinted(c.stdErr, "0.5119", "se")
        assertPrinted(c.lower, "0.916", "lower")
        assertPrinted(c.upper, "6.81", "upper")
        assertPrinted(c.p, "0.074", "p")
        let breslow = try CoxModel.fit(obs, groupOrder: ["Maintained", "Nonmaintained"], ties: .breslow)
        assertPrinted(breslow.coefficients[0].beta, "0.9042", "Breslow coef")
        assertPrinted(breslow.coefficients[0].hazardRatio, "2.470", "Breslow HR")
    }

    /// MASS::gehan, R `coxph(Surv(time, cens) ~ treat)` (Efron): coef 1.572, exp(coef) 4.817, se 0.412;
    /// with Breslow ties (Kleinbaum & Klein, Survival Analysis, ch. 3, Stata output): coef 1.509, HR 4.523.
    func testGehanCoxMatchesR() throws {
        let obs = try Fixtures.observations("gehan_6mp.csv")
        let c = try CoxModel.fit(obs, groupOrder: ["6-MP", "control"]).coefficients[0]
        assertPrinted(c.beta, "1.572", "coef")
        assertPrinted(c.hazardRatio, "4.817", "HR")
        assertPrinted(c.stdErr, "0.412", "se")
        let b = try CoxModel.fit(obs, groupOrder: ["6-MP", "control"], ties: .breslow).coefficients[0]
        assertPrinted(b.beta, "1.509", "Breslow coef")
        assertPrinted(b.hazardRatio, "4.523", "Breslow HR")
    }

    /// Three groups give two hazard ratios against the first; reversing the reference inverts the HR.
    func testCoxThreeGroupsAndReferenceInversion() throws {
        let obs = try Fixtures.observations("bmt_klein_moeschberger.csv")
        let m = try CoxModel.fit(obs, groupOrder: ["ALL", "AML-Low Risk", "AML-High Risk"])
        XCTAssertEqual(m.coefficients.map(\.group), ["AML-Low Risk", "AML-High Risk"])
        XCTAssertTrue(m.coefficients.allSatisfy { $0.versus == "ALL" })
        let two = obs.filter { $0.group != "AML-High Risk" }
        let ab = try CoxModel.fit(two, groupOrder: ["ALL", "AML-Low Risk"]).coefficients[0]
        let ba = try CoxModel.fit(two, groupOrder: ["AML-Low Risk", "ALL"]).coefficients[0]
        XCTAssertEqual((ab.hazardRatio ?? 0) * (ba.hazardRatio ?? 0), 1, accuracy: 1e-6)
        XCTAssertEqual(ab.p ?? 0, ba.p ?? 1, accuracy: 1e-9)
    }
}

/// Degenerate comparisons give no estimate and say so instead of failing the whole analysis.
final class DegenerateComparisonTests: XCTestCase {
    /// Every event of group B happens after every subject of A has left: the partial likelihood increases
    /// without bound in β (R: "coefficient may be infinite").
    func testMonotoneLikelihoodIsNotEstimable() throws {
        let obs = Fixtures.obs([(1, 0), (2, 0), (3, 0), (4, 1)], group: "A") + Fixtures.obs([(5, 1), (6, 1), (7, 1)], group: "B")
        let c = try CoxModel.fit(obs, groupOrder: ["A", "B"]).coefficients[0]
        XCTAssertNil(c.hazardRatio)
        XCTAssertEqual(c.note, "not estimable: the likelihood is monotone (the hazard ratio is 0 or infinite)")
    }
}
