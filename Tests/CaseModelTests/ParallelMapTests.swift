import XCTest
@testable import CaseModel

/// `ParallelMap` gives exactly the sequential map, in index order, whatever the count (below and above the threshold
/// where it starts using the cores, and counts that do not divide evenly among the workers).
final class ParallelMapTests: XCTestCase {
    func testEqualsTheSequentialMapInOrder() {
        for n in [0, 1, 2, ParallelMap.sequentialBelow - 1, ParallelMap.sequentialBelow, 1_000, 10_007] {
            let expected = (0..<n).map { "\($0 * 7 % 13)-\($0)" }
            XCTAssertEqual(ParallelMap.map(count: n) { "\($0 * 7 % 13)-\($0)" }, expected, "count \(n)")
        }
    }

    func testEveryIndexIsMappedOnce() {
        let lock = NSLock()
        nonisolated(unsafe) var seen = [Int](repeating: 0, count: 5_000)
        _ = ParallelMap.map(count: 5_000) { i in lock.lock(); seen[i] += 1; lock.unlock(); return i }
        XCTAssertEqual(Set(seen), [1])
    }
}
