import Foundation
import TrialEngine

/// The benchmark's name for the engine adapter (moved to `CatalogueMatchEngine`, used by the app too).
typealias BenchMatchEngine = CatalogueMatchEngine

/// Per-thread results of `CatalogueMatchEngine.facts` (each thread writes its own slot).
final class FactsChunks: @unchecked Sendable {
    private var slots: [[PatientFacts]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [PatientFacts]) { lock.lock(); slots[i] = v; lock.unlock() }
    func joined() -> [PatientFacts] { lock.lock(); defer { lock.unlock() }; return slots.flatMap { $0 } }
}
