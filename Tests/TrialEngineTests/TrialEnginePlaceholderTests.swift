import XCTest
@testable import TrialEngine

// PLACEHOLDER: replaced by the real tests of TrialEngine.
final class TrialEnginePlaceholderTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
