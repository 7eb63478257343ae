import CaseModel
import XCTest
@testable import CaseStore

final class SplitMix64Tests: XCTestCase {
    func testReferenceSequence() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var r = SplitMix64(seed: 0)
        XCTAssertEqual(r.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(r.next(), 0x6E78_9E6A_A1B9_65F4)
    }

    func testHelpersStayInRange() {
        var r = SplitMix64(seed: 42)
        for _ in 0..<1000 {
            XCTAssert((3...7).contains(r.int(3...7)))
            let u = r.unit(); XCTAssert(u >= 0 && u < 1)
        }
        XCTAssertNil(r.weighted([1, 2], weight: { _ in 0 }))
        XCTAssertEqual(r.weighted(["a", "b"], weight: { $0 == "b" ? 1 : 0 }), "b")
    }
}
