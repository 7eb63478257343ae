import XCTest
@testable import ScreenKit

// PLACEHOLDER: replaced by the real tests of ScreenKit.
final class ScreenKitPlaceholderTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
