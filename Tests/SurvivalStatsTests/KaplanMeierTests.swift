import XCTest
@testable import SurvivalStats

/// Kaplan–Meier against R `survival` (fixtures/survival/README.md: `summary(survfit(Surv(time, status) ~ x), data = aml)`)
/// and the tie / boundary rules R applies (events before censorings, events at time 0 kept).
final class KaplanMeierTests: XCTestCase {
    /// README.md table, R output: group, time, n.risk, n.event, survival, std.err, lower 95 % CI, upper 95 % CI.
    static let amlR: [(String, Double, Int, Int, String, String?, String?, String?)] = [
        ("Maintained", 9, 11, 1, "0.909", "0.0867", "0.7541", "1.000"),
        ("Maintained", 13, 10, 1, "0.818", "0.1163", "0.6192", "1.000"),
        ("Maintained", 18, 8, 1, "0.716", "0.1397", "0.4884", "1.000"),
        ("Maintained", 23, 7, 1, "0.614", "0.1526", "0.3769", "0.999"),
        ("Maintained", 31, 5, 1, "0.491", "0.1642", "0.2549", "0.946"),
        ("Maintained", 34, 4, 1, "0.368", "0.1627", "0.1549", "0.875"),
        ("Maintained", 48, 2, 1, "0.184", "0.1535", "0.0359", "0.944"),
        ("Nonmaintained", 5, 12, 2, "0.8333", "0.1076", "0.6470", "1.000"),
        ("Nonmaintained", 8, 10, 2, "0.6667", "0.1361", "0.4468", "0.995"),
        ("Nonmaintained", 12, 8, 1, "0.5833", "0.1423", "0.3616", "0.941"),
        ("Nonmaintained", 23, 6, 1, "0.4861", "0.1481", "0.2675", "0.883"),
        ("Nonmaintained", 27, 5, 1, "0.3889", "0.1470", "0.1854", "0.816"),
        ("Nonmaintained", 30, 4, 1, "0.2917", "0.1387", "0.1148", "0.741"),
        ("Nonmaintained", 33, 3, 1, "0.1944", "0.1219", "0.0569", "0.664"),
        ("Nonmaintained", 43, 2, 1, "0.0972", "0.0919", "0.0153", "0.620"),
        ("Nonmaintained", 45, 1, 1, "0.0000", nil, nil, nil),
    ]

    func curve(_ obs: [SurvivalObservation], _ group: String, _ type: ConfidenceType = .log) throws -> KaplanMeierCurve {
        try KaplanMeierCurve.fit(obs.filter { $0.group == group }, confidenceType: type)
    }

    func testAMLStepsMatchR() throws {
        let obs = try Fixtures.observations("aml.csv")
        for group in ["Maintained", "Nonmaintained"] {
            let km = try curve(obs, group)
            let expected = Self.amlR.filter { $0.0 == group }
            XCTAssertEqual(km.eventSteps.map(\.time), expected.map(\.1), group)
            for (step, r) in zip(km.eventSteps, expected) {
                let what = "\(group) t=\(r.1)"
                XCTAssertEqual(step.atRisk, r.2, what)
                XCTAssertEqual(step.events, r.3, what)
                assertPrinted(step.survival, r.4, "\(what) survival")
                if let se = r.5 { assertPrinted(step.stdErr, se, "\(what) stdErr") } else { XCTAssertNil(step.stdErr, what) }
                if let lo = r.6 { assertPrinted(step.lower, lo, "\(what) lower") } else { XCTAssertNil(step.lower, what) }
                if let hi = r.7 { assertPrinted(step.upper, hi, "\(what) upper") } else { XCTAssertNil(step.upper, what) }
            }
        }
    }

    /// README.md: median Maintained 31 (95 % CI 18 – not reached), Nonmaintained 23 (8 – not reached).
    func testAMLMediansMatchR() throws {
        let obs = try Fixtures.observations("aml.csv")
        let m = try curve(obs, "Maintained").median
        XCTAssertEqual(m.estimate, 31); XCTAssertEqual(m.lower, 18); XCTAssertNil(m.upper)
        let n = try curve(obs, "Nonmaintained").median
        XCTAssertEqual(n.estimate, 23); XCTAssertEqual(n.lower, 8); XCTAssertNil(n.upper)
    }

    /// Quartiles by R's quantile.survfit rule (first time S ≤ 1 − p), read off the README table:
    /// Maintained S drops below 0.75 at 18 (0.716) and below 0.25 at 48 (0.184).
    func testAMLQuartiles() throws {
        let km = try curve(try Fixtures.observations("aml.csv"), "Maintained")
        XCTAssertEqual(km.quantile(0.25).estimate, 18)
        XCTAssertEqual(km.quantile(0.75).estimate, 48)
    }

    /// R `quantile.survfit`: where S equals 1 − p exactly over an interval, the quantile is the
    /// midpoint of that interval. Four patients, events at 1, 2, 3, 4: S(2) = 0.5 exactly → median 2.5.
    func testMedianOnAFlatHalfIsTheMidpoint() throws {
        let km = try KaplanMeierCurve.fit(Fixtures.obs([(1, 1), (2, 1), (3, 1), (4, 1)]))
        XCTAssertEqual(km.median.estimate, 2.5)
    }

    /// Number at risk at chosen times = follow-up ≥ t (R `summary(fit, times = c(0, 12, 30, 200))`):
    /// Maintained times 9 13 13+ 18 23 28+ 31 34 45+ 48 161+ → 11, 10, 5, 0.
    func testNumberAtRiskAtChosenTimes() throws {
        let km = try curve(try Fixtures.observations("aml.csv"), "Maintained")
        XCTAssertEqual([0, 12, 30, 200].map { km.atRisk(at: $0) }, [11, 10, 5, 0])
        assertPrinted(km.estimate(at: 12)?.survival, "0.909", "S(12)")
        assertPrinted(km.estimate(at: 30)?.survival, "0.614", "S(30)")
        XCTAssertEqual(km.estimate(at: 5)?.survival, 1)
        XCTAssertNil(km.estimate(at: 200), "past the last follow-up (161+) the curve is not estimable")
    }

    /// Log-log interval, R `survfit(conf.type = "log-log")`: exp(−exp(log(−log S) ∓ z·se/log S)).
    /// At Maintained t = 9 (S = 10/11, se(log S) = √(1/110)) this gives 0.5081 – 0.9867 by hand.
    func testLogLogInterval() throws {
        let km = try curve(try Fixtures.observations("aml.csv"), "Maintained", .logLog)
        let s = km.eventSteps[0]
        assertPrinted(s.lower, "0.5081", "log-log lower")
        assertPrinted(s.upper, "0.9867", "log-log upper")
        for step in km.eventSteps {
            if let lo = step.lower, let hi = step.upper { XCTAssertTrue(0 < lo && lo < step.survival && step.survival < hi && hi < 1) }
        }
    }

    /// Ties (R, cBioPortal): events come before censorings at the same time, so the censored
    /// subject is still at risk. (2,event) (2,censored) (3,event) (4,censored): S(2) = 3/4, S(3) = 3/8.
    /// (If the censoring came first, S(2) would be 2/3.)
    func testEventsBeforeCensoringsAtTies() throws {
        let km = try KaplanMeierCurve.fit(Fixtures.obs([(2, 0), (2, 1), (3, 1), (4, 0)]))
        XCTAssertEqual(km.steps[0].atRisk, 4)
        XCTAssertEqual(km.steps[0].events, 1)
        XCTAssertEqual(km.steps[0].censored, 1)
        XCTAssertEqual(km.steps[0].survival, 0.75, accuracy: 1e-12)
        XCTAssertEqual(km.steps[1].atRisk, 2)
        XCTAssertEqual(km.steps[1].survival, 0.375, accuracy: 1e-12)
    }

    /// Tied events: two deaths among 10 at one time give one step 8/10 with Greenwood d/(n(n−d)) = 2/80.
    func testTiedEventsAreOneStep() throws {
        let pairs: [(Double, Int)] = [(1, 1), (1, 1)] + (0..<8).map { _ in (5.0, 0) }
        let km = try KaplanMeierCurve.fit(Fixtures.obs(pairs))
        XCTAssertEqual(km.eventSteps.count, 1)
        XCTAssertEqual(km.eventSteps[0].survival, 0.8, accuracy: 1e-12)
        XCTAssertEqual(km.eventSteps[0].stdErr ?? -1, 0.8 * (2.0 / 80).squareRoot(), accuracy: 1e-12)
    }

    /// Events at time 0 are kept (R; pharmaverse/ggsurvfit#150): the curve starts below 1.
    func testEventsAtTimeZeroAreKept() throws {
        let km = try KaplanMeierCurve.fit(Fixtures.obs([(0, 1), (0, 0), (5, 1), (6, 0)]))
        XCTAssertEqual(km.steps[0].time, 0)
        XCTAssertEqual(km.steps[0].atRisk, 4)
        XCTAssertEqual(km.steps[0].survival, 0.75, accuracy: 1e-12)
        XCTAssertEqual(km.estimate(at: 0)?.survival ?? -1, 0.75, accuracy: 1e-12)
        XCTAssertEqual(km.steps[1].survival, 0.375, accuracy: 1e-12)
    }

    func testAllCensoredGroup() throws {
        let km = try KaplanMeierCurve.fit(Fixtures.obs([(3, 0), (5, 0), (9, 0)]))
        XCTAssertEqual(km.events, 0)
        XCTAssertEqual(km.censored, 3)
        XCTAssertTrue(km.eventSteps.isEmpty)
        XCTAssertTrue(km.steps.allSatisfy { $0.survival == 1 && $0.stdErr == 0 })
        XCTAssertNil(km.median.estimate, "not reached")
        XCTAssertNil(km.median.lower)
    }

    func testSinglePatient() throws {
        let dead = try KaplanMeierCurve.fit(Fixtures.obs([(5, 1)]))
        XCTAssertEqual(dead.steps.count, 1)
        XCTAssertEqual(dead.steps[0].survival, 0)
        XCTAssertNil(dead.steps[0].stdErr, "R prints NaN once S reaches 0")
        XCTAssertNil(dead.steps[0].lower)
        XCTAssertEqual(dead.median.estimate, 5)
        let alive = try KaplanMeierCurve.fit(Fixtures.obs([(5, 0)]))
        XCTAssertEqual(alive.steps[0].survival, 1)
        XCTAssertNil(alive.median.estimate)
    }

    func testLateEntryIsRefused() {
        let obs = [SurvivalObservation(time: 10, status: 1), SurvivalObservation(time: 12, status: 0, entry: 3)]
        XCTAssertThrowsError(try KaplanMeierCurve.fit(obs)) { error in
            XCTAssertEqual(error as? SurvivalError, .lateEntry(index: 1, entry: 3))
            XCTAssertTrue("\(error)".contains("observation 2: late entry at 3.0 (left truncation) is not supported"), "\(error)")
        }
    }

    func testBadInputIsRefused() {
        XCTAssertThrowsError(try KaplanMeierCurve.fit([])) { XCTAssertTrue("\($0)".hasPrefix("no observations")) }
        XCTAssertThrowsError(try KaplanMeierCurve.fit(Fixtures.obs([(1, 1), (-2, 0)]))) {
            XCTAssertEqual($0 as? SurvivalError, .invalidTime(index: 1, value: -2))
        }
        XCTAssertThrowsError(try KaplanMeierCurve.fit(Fixtures.obs([(1, 2)]))) {
            XCTAssertEqual("\($0)", "observation 1: status 2 is not one of 0 (censored) or 1 (event)")
        }
        XCTAssertThrowsError(try KaplanMeierCurve.fit(Fixtures.obs([(.nan, 1)])))
    }
}
