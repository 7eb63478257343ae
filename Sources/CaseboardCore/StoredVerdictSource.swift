import BoardApp
import CaseModel
import CaseStore
import Foundation
import TrialEngine

/// The terminal UI's stored trial verdicts: brought up to date incrementally in the background (never on the
/// way to the first frame), then read with one SQL aggregate. Until they are ready, or on a read-only
/// database, or when the store cannot be brought up to date, `current` is nil and the UI computes on the fly:
/// a stale verdict is never served.
final class StoredVerdictSource: @unchecked Sendable {
    private let db: AppDatabase
    private let matcher: Matcher
    private let today: LocalDate
    private let lock = NSLock()
    private var value: StoredTrialVerdicts?
    /// true while the background preparation runs
    private var preparing = false
    /// a write happened during the background preparation: it must recheck before publishing
    private var recheck = false

    init(db: AppDatabase, matcher: Matcher, today: LocalDate) {
        self.db = db; self.matcher = matcher; self.today = today
    }

    /// The stored verdicts when up to date, else nil.
    var current: StoredTrialVerdicts? { lock.lock(); defer { lock.unlock() }; return value }

    private var engine: CatalogueMatchEngine { CatalogueMatchEngine(matcher: matcher) }

    private func load() throws -> StoredTrialVerdicts {
        let open = StoredMatching.openArms(matcher)
        return StoredTrialVerdicts(candidates: try db.storedCandidateVerdicts(openArms: open),
                                   trialsWithOpenArm: Set(open.filter { !$0.value.isEmpty }.keys))
    }

    /// Recomputes what changed and loads the verdicts (call on a background thread). Nothing on a read-only
    /// database or without trials.
    func prepare() {
        guard !db.isReadOnly, !matcher.trials.isEmpty else { return }
        lock.lock(); preparing = true; lock.unlock()
        while true {
            lock.lock(); recheck = false; lock.unlock()
            let loaded: StoredTrialVerdicts?
            do {
                try db.recomputeMatches(engine: engine, today: today)
                loaded = try load()
            } catch {
                loaded = nil  // locked or failed: the on-the-fly paths stay in use
            }
            lock.lock()
            if recheck && loaded != nil { lock.unlock(); continue }
            value = loaded; preparing = false
            lock.unlock()
            return
        }
    }

    /// After a write concerning `caseID` (nil: any case): recomputes that case when its data changed (one SQL
    /// check; nothing is matched otherwise). True when its data changed (the caller drops what it derived).
    func afterWrite(_ caseID: String?) -> Bool {
        lock.lock()
        if preparing { recheck = true; lock.unlock(); return false }
        let ready = value != nil
        lock.unlock()
        guard ready else { return false }
        do {
            let report = try db.recomputeMatches(engine: engine, today: today, onlyPatients: caseID.map { [$0] })
            guard !report.patientsRecomputed.isEmpty || !report.trialsRecomputed.isEmpty || !report.trialsRemoved.isEmpty else { return false }
            let v = try load()
            lock.lock(); value = v; lock.unlock()
        } catch {
            lock.lock(); value = nil; lock.unlock()
        }
        return true
    }
}
