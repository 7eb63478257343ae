import CaseModel

/// A fixed-size verdict array written from several threads at disjoint indices (``Matcher/verdictMatrix``).
final class VerdictBuffer: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Verdict>
    let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<Verdict>.allocate(capacity: max(count, 1))
        base.initialize(repeating: .ineligible, count: count)
    }

    deinit { base.deinitialize(count: count); base.deallocate() }

    @inline(__always) func set(_ i: Int, _ v: Verdict) { base[i] = v }

    var values: [Verdict] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
