import Foundation // NSLock

/// A process-wide cache of parsed ISCN tokens: the same few hundred tokens recur across 100,000
/// patients, and parsing is the costliest step of the cytogenetic rules. Thread-safe.
final class KaryotypeTokenCache: @unchecked Sendable {
    static let shared = KaryotypeTokenCache()
    /// Bound on distinct tokens kept (the cache is cleared when it grows past it).
    static let capacity = 50_000

    private let lock = NSLock()
    private var table: [String: KaryotypeAbnormality] = [:]

    func parse(_ token: String) -> KaryotypeAbnormality {
        lock.lock()
        if let hit = table[token] { lock.unlock(); return hit }
        lock.unlock()
        let parsed = KaryotypeAbnormality.parse(token)
        lock.lock()
        if table.count >= KaryotypeTokenCache.capacity { table.removeAll(keepingCapacity: true) }
        table[token] = parsed
        lock.unlock()
        return parsed
    }
}
