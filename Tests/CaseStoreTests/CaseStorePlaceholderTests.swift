import XCTest
@testable import CaseStore

// PLACEHOLDER: replaced by the real tests of CaseStore.
final class CaseStorePlaceholderTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
