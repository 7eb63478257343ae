import XCTest
@testable import BoardApp

// PLACEHOLDER: replaced by the real tests of BoardApp.
final class BoardAppPlaceholderTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
