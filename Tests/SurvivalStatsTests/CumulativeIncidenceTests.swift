import XCTest
@testable import SurvivalStats

/// Aalen–Johansen cumulative incidence on fixtures/survival/bmt_scrucca_competing.csv
/// (Scrucca et al., Bone Marrow Transplant 2007;40:381: 35 patients, status 1 and 2 the two competing events).
/// Expected values are derived by hand from the data, as stated at each test.
final class CumulativeIncidenceTests: XCTestCase {
    func fit(_ group: String) throws -> CumulativeIncidence {
        try CumulativeIncidence.fit(try Fixtures.observations("bmt_scrucca_competing.csv", competingCode: 2).filter { $0.group == group })
    }

    /// ALL (17 patients) has no censoring before its last event (day 26), so the estimator is the plain
    /// proportion: F₁(26) = 3/17, F₂(26) = 12/17, and the delta-method variance is the binomial p(1 − p)/17.
    func testWithoutCensoringItIsTheEmpiricalProportion() throws {
        let ci = try fit("ALL")
        let f1 = try XCTUnwrap(ci.curve(for: 1)), f2 = try XCTUnwrap(ci.curve(for: 2))
        XCTAssertEqual(f1.estimate(at: 26), 3.0 / 17, accuracy: 1e-12)
        XCTAssertEqual(f2.estimate(at: 26), 12.0 / 17, accuracy: 1e-12)
        XCTAssertEqual(f1.steps.map(\.time), [0, 1, 12], "cause 1 events on days 0, 1 and 12")
        let p = 3.0 / 17
        XCTAssertEqual(f1.steps.last?.stdErr ?? 0, (p * (1 - p) / 17).squareRoot(), accuracy: 1e-12)
        let q = 12.0 / 17
        XCTAssertEqual(f2.steps.last?.stdErr ?? 0, (q * (1 - q) / 17).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(f1.estimate(at: 0), 1.0 / 17, accuracy: 1e-12, "events at time 0 count")
    }

    /// AML (18 patients), with censoring: day 2 one cause-2 event and one censoring among 18 → S(2) = 17/18;
    /// day 3 three cause-1 events among 16 → F₁(3) = (17/18)(3/16) = 0.177083;
    /// day 4 two cause-1 events among 13 → F₁(4) = F₁(3) + (17/18)(13/16)(2/13) = 0.295139.
    func testWithCensoringByHand() throws {
        let ci = try fit("AML")
        let f1 = try XCTUnwrap(ci.curve(for: 1)), f2 = try XCTUnwrap(ci.curve(for: 2))
        XCTAssertEqual(f2.estimate(at: 2), 1.0 / 18, accuracy: 1e-12)
        XCTAssertEqual(f1.estimate(at: 3), 17.0 / 18 * 3 / 16, accuracy: 1e-12)
        XCTAssertEqual(f1.estimate(at: 4), 17.0 / 18 * 3 / 16 + 17.0 / 18 * 13 / 16 * 2 / 13, accuracy: 1e-12)
        XCTAssertEqual(f1.steps.first?.atRisk, 16)
        XCTAssertEqual(f1.steps.first?.events, 3)
    }

    /// The Aalen–Johansen identity: F₁(t) + F₂(t) = 1 − S(t) with S the all-cause Kaplan–Meier, at every time,
    /// and F₁ ≤ 1 − KM₁ (treating the competing event as censoring overstates the incidence).
    func testIdentityWithKaplanMeier() throws {
        let all = try Fixtures.observations("bmt_scrucca_competing.csv", competingCode: 2)
        for group in ["ALL", "AML"] {
            let obs = all.filter { $0.group == group }
            let ci = try CumulativeIncidence.fit(obs)
            let anyEvent = try KaplanMeierCurve.fit(obs.map { var o = $0; o.status = o.status > 0 ? 1 : 0; return o })
            let naive = try KaplanMeierCurve.fit(obs.map { var o = $0; o.status = o.status == 1 ? 1 : 0; return o })
            for step in anyEvent.steps {
                let sum = (ci.curve(for: 1)?.estimate(at: step.time) ?? 0) + (ci.curve(for: 2)?.estimate(at: step.time) ?? 0)
                XCTAssertEqual(sum, 1 - step.survival, accuracy: 1e-12, "\(group) t=\(step.time)")
                let f1 = ci.curve(for: 1)?.estimate(at: step.time) ?? 0
                XCTAssertLessThanOrEqual(f1, 1 - (naive.estimate(at: step.time)?.survival ?? 1) + 1e-12)
            }
        }
    }

    /// With a single cause the estimator is 1 − Kaplan–Meier and its delta-method SE is Greenwood's (aml.csv).
    func testSingleCauseReducesToKaplanMeier() throws {
        let obs = try Fixtures.observations("aml.csv").filter { $0.group == "Nonmaintained" }
        let ci = try XCTUnwrap(CumulativeIncidence.fit(obs).curve(for: 1))
        let km = try KaplanMeierCurve.fit(obs)
        for (c, k) in zip(ci.steps, km.eventSteps) where k.stdErr != nil {
            XCTAssertEqual(c.estimate, 1 - k.survival, accuracy: 1e-12)
            XCTAssertEqual(c.stdErr, k.stdErr ?? -1, accuracy: 1e-12)
        }
    }

    func testACauseWithNoEventIsAFlatZero() throws {
        let ci = try CumulativeIncidence.fit(Fixtures.obs([(1, 1), (2, 0), (3, 1)]), causes: [1, 2])
        XCTAssertEqual(ci.curve(for: 2)?.steps.count, 0)
        XCTAssertEqual(ci.curve(for: 2)?.estimate(at: 10), 0)
    }

    func testLateEntryIsRefused() {
        XCTAssertThrowsError(try CumulativeIncidence.fit([SurvivalObservation(time: 5, status: 2, entry: 1)])) {
            XCTAssertEqual($0 as? SurvivalError, .lateEntry(index: 0, entry: 1))
        }
    }

    /// Landmark analysis: only subjects event-free and followed beyond the landmark, time from the landmark.
    /// aml Maintained at 20 weeks: 9, 13, 13+, 18 leave; 23 → 3, 28+ → 8, 31 → 11, 34, 45+, 48, 161+ stay.
    func testLandmark() throws {
        let obs = try Fixtures.observations("aml.csv").filter { $0.group == "Maintained" }
        let lm = try Landmark.apply(obs, at: 20)
        XCTAssertEqual(lm.excluded.count, 4)
        XCTAssertEqual(lm.observations.map(\.time).sorted(), [3, 8, 11, 14, 25, 28, 141])
        let km = try KaplanMeierCurve.fit(lm.observations)
        XCTAssertEqual(km.eventSteps.first?.atRisk, 7)
        XCTAssertThrowsError(try Landmark.apply(obs, at: -1))
    }
}
