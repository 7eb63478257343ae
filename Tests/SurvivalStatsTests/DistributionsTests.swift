import XCTest
@testable import SurvivalStats

/// Chi-square and normal tails against the standard tables (R `qchisq(0.95, df)`, `qnorm(0.975)`).
final class DistributionsTests: XCTestCase {
    func testChiSquareCriticalValues() {
        XCTAssertEqual(Distributions.chiSquareUpperTail(3.841459, df: 1), 0.05, accuracy: 1e-6)
        XCTAssertEqual(Distributions.chiSquareUpperTail(5.991465, df: 2), 0.05, accuracy: 1e-6)
        XCTAssertEqual(Distributions.chiSquareUpperTail(11.0705, df: 5), 0.05, accuracy: 1e-5)
        XCTAssertEqual(Distributions.chiSquareUpperTail(6.634897, df: 1), 0.01, accuracy: 1e-6)
        XCTAssertEqual(Distributions.chiSquareUpperTail(0, df: 3), 1)
        XCTAssertEqual(Distributions.chiSquareUpperTail(2, df: 2), exp(-1), accuracy: 1e-12, "df 2: P = e^(−x/2)")
    }

    func testNormalTwoSided() {
        XCTAssertEqual(Distributions.normalTwoSided(ConfidenceType.z95), 0.05, accuracy: 1e-12)
        XCTAssertEqual(Distributions.normalTwoSided(-2.575829), 0.01, accuracy: 1e-6)
        XCTAssertEqual(Distributions.normalTwoSided(0), 1, accuracy: 1e-12)
    }
}
