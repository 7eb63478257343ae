import Foundation

/// A map over `0 ..< count` spread over the cores: the indices are cut into a few contiguous ranges per core, each
/// range mapped in order on one worker, and the results joined in index order (the same array as the sequential
/// map). For pure per-element work over many cases (interpretations, one trial's explanations, follow-up tasks).
/// Run on the caller's thread when there are few elements. `body` must be safe to call from several threads.
public enum ParallelMap {
    /// Below this many elements the map runs on the caller's thread.
    public static let sequentialBelow = 64

    public static func map<T>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count >= sequentialBelow else { return (0..<count).map(body) }
        let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        var parts = [[T]](repeating: [], count: workers)
        parts.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let b = buf
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                // Each worker writes only its own slot.
                b[w] = (count * w / workers ..< count * (w + 1) / workers).map(body)
            }
        }
        return parts.flatMap { $0 }
    }
}
