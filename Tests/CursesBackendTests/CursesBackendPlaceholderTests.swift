import XCTest
@testable import CursesBackend

// PLACEHOLDER: replaced by the real tests of CursesBackend.
final class CursesBackendPlaceholderTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
