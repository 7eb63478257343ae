import XCTest
@testable import ClinicalRules

// PLACEHOLDER: replaced by the real tests of ClinicalRules.
final class ClinicalRulesPlaceholderTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
